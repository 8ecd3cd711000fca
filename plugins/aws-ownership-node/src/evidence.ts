import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { ResourceEvidence } from '@aws-ownership/backstage-plugin-common';

/**
 * The facts a provider recorded about one resource.
 *
 * @public
 */
export interface EvidenceRecord {
  /** The resource ARN (the join key with the Tagging API). */
  arn: string;
  /** The facts, with their source and capture time. */
  evidence: ResourceEvidence;
}

/**
 * What a provider found in one region of an account.
 *
 * @public
 */
export interface RegionEvidence {
  /** The region. */
  region: string;
  /** Whether the source records there: `on`, `off`, or `unknown` when it could not tell. */
  recording: 'on' | 'off' | 'unknown';
  /** Whether evidence could be read; when not, `reason` says why. */
  available: boolean;
  /** Why no evidence is available. */
  reason?: string;
  /** Every resource the source records there, tagged or not. */
  records: EvidenceRecord[];
}

/**
 * A source of facts about resources (the built-in one reads AWS Config). A
 * provider never throws for an account it cannot read: it reports the region
 * unavailable with the reason, and the scan goes on without evidence there.
 *
 * @public
 */
export interface AwsOwnershipEvidenceProvider {
  /** The source's name, e.g. `AWS Config`. */
  readonly source: string;
  /** Reads the evidence of an account's regions; one entry per region asked for. */
  readAccount(request: {
    accountId: string;
    regions: string[];
    signal?: AbortSignal;
  }): Promise<RegionEvidence[]>;
}

/**
 * Lets backend modules attach facts to resources before they are rated.
 *
 * @public
 */
export interface AwsOwnershipEvidenceExtensionPoint {
  /** Adds evidence providers, read in the order added, after the built-in one. */
  addEvidenceProviders(...providers: AwsOwnershipEvidenceProvider[]): void;
}

/**
 * The extension point through which modules add evidence providers.
 *
 * @public
 */
export const awsOwnershipEvidenceExtensionPoint =
  createExtensionPoint<AwsOwnershipEvidenceExtensionPoint>({
    id: 'aws-ownership.evidence',
  });
