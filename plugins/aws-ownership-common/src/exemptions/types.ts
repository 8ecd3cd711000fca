/**
 * Which resources an exemption covers when it names no ARNs: every resource
 * matching all the given fields.
 *
 * @public
 */
export interface ExemptionSelector {
  /** The 12-digit account id. */
  accountId?: string;
  /** The region (empty for global resources). */
  region?: string;
  /** The `service:type` of the resource, e.g. `s3:bucket`. */
  resourceType?: string;
  /** A tag the resource carries (key case-insensitive, value exact). */
  tag?: { key: string; value: string };
}

/**
 * Where an exemption stands: `pending` until approved, `active` until it
 * expires or is revoked.
 *
 * @public
 */
export type ExemptionStatus = 'pending' | 'active' | 'expired' | 'revoked';

/**
 * Every exemption status, in lifecycle order.
 *
 * @public
 */
export const exemptionStatuses: ReadonlyArray<ExemptionStatus> = [
  'pending',
  'active',
  'expired',
  'revoked',
];

/**
 * A waiver of one check for a set of resources, time-boxed and reasoned.
 *
 * @public
 */
export interface Exemption {
  /** Its id. */
  id: string;
  /** The waived check. */
  checkId: string;
  /** The resources it covers by ARN (those a selector matched when it was requested, too). */
  arns: string[];
  /** The resources it covers by their fields, when requested with a selector. */
  selector?: ExemptionSelector;
  /** Why the check is wrong for these resources (at least 20 characters). */
  reason: string;
  /** When it ends (ISO 8601). */
  expiresAt: string;
  /** Where it stands, as stored (`active` may have passed `expiresAt`: see `exemptionStatusAt`). */
  status: ExemptionStatus;
  /** The Group that owns the covered resources, for which it was requested. */
  teamRef?: string;
  /** Who asked for it. */
  requestedBy: string;
  /** When. */
  requestedAt: string;
  /** Who approved it. */
  approvedBy?: string;
  /** When. */
  approvedAt?: string;
  /** Who revoked it. */
  revokedBy?: string;
  /** When. */
  revokedAt?: string;
}
