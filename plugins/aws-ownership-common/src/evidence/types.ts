/**
 * Normalised facts about a resource, each derived from a property of AWS Config's
 * published resource schema (see the README's table). Absent means not known.
 *
 * @public
 */
export interface EvidenceFacts {
  /** The data is encrypted at rest. */
  encryptedAtRest?: boolean;
  /** Who manages the encryption key: `aws` (AWS owned or AWS managed) or `customer`. */
  kmsKeyManager?: 'aws' | 'customer';
  /** The resource is reachable from the internet (S3: not every public-access-block flag on). */
  publicAccess?: boolean;
  /** Ingress open to `0.0.0.0/0` or `::/0`, as `tcp/22`, `tcp/8000-8080`, `all`. */
  publicIngressPorts?: string[];
  /** Days automated backups (snapshots) are kept; 0 means none. */
  backupRetentionDays?: number;
  /** DynamoDB point-in-time recovery is on. */
  pointInTimeRecovery?: boolean;
  /** S3 versioning is enabled. */
  versioning?: boolean;
  /** EFS automatic backups (the file system's backup policy) are on. */
  backupPolicyEnabled?: boolean;
  /** Deployed across availability zones. */
  multiAz?: boolean;
  /** The instance metadata service requires session tokens (IMDSv2). */
  imdsV2Required?: boolean;
  /** Access logs are delivered somewhere. */
  accessLogging?: boolean;
}

/**
 * The name of one fact.
 *
 * @public
 */
export type EvidenceFactName = keyof EvidenceFacts;

/**
 * What an evidence provider attaches to a resource: facts with their provenance.
 *
 * @public
 */
export interface ResourceEvidence {
  /** Who recorded the facts, e.g. `AWS Config`. */
  source: string;
  /** When the source captured them (ISO 8601). */
  capturedAt: string;
  /** The source's resource type, e.g. `AWS::EC2::Volume`: names the property behind each fact. */
  configType?: string;
  /** The facts. */
  facts: EvidenceFacts;
}

/**
 * The fact that decided a verified result, as served with the result.
 *
 * @public
 */
export interface ResultEvidence {
  /** The fact's name, e.g. `encryptedAtRest`. */
  fact: EvidenceFactName;
  /** Its value. */
  value: boolean | number | string | string[];
  /** The source property it came from, e.g. `configuration.storageEncrypted`, when known. */
  property?: string;
  /** When the source captured it. */
  capturedAt: string;
  /** Who recorded it. */
  source: string;
}

/**
 * A configuration item as AWS Config's advanced query returns it (only the selected properties present).
 *
 * @public
 */
export interface ConfigItem {
  /** The Config type, e.g. `AWS::S3::Bucket`. */
  resourceType: string;
  /** The recorded configuration. */
  configuration?: Record<string, unknown>;
  /** The supplementary configuration (S3, DynamoDB, Redshift). */
  supplementaryConfiguration?: Record<string, unknown>;
}
