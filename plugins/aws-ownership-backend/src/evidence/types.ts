/** How much of one account and region the evidence covers, as `GET /accounts` serves it. */
export interface RegionCoverage {
  accountId: string;
  region: string;
  /** The scan that measured it. */
  scanId: string;
  /** Whether AWS Config records there. */
  configRecording: 'on' | 'off' | 'unknown';
  /** Resources AWS Config records there. */
  recordedByConfig: number;
  /** Resources the Tagging API listed there. */
  listedByTagging: number;
  /** Resources Config records that the Tagging API never listed. */
  neverTagged: number;
  /** Whether evidence could be read there. */
  evidenceAvailable: boolean;
  /** Why not. */
  evidenceUnavailableReason?: string;
}
