/** A role that AssumeRole may assume in an account, with the ExternalId it demands (if any). */
export interface InventoryRole {
  name: string;
  externalId?: string;
}

/** One AWS account of the emulated estate. */
export interface InventoryAccount {
  accountId: string;
  /** A human label, shown in logs and by the generator. */
  alias?: string;
  /** The regions the account uses (documentation for readers; any region answers). */
  regions: string[];
  /** Roles other principals may assume into this account through STS AssumeRole. */
  roles?: InventoryRole[];
}

/** One tagged resource: its ARN and its tags as AWS would report them. */
export interface InventoryResource {
  arn: string;
  tags: Record<string, string>;
  /** Home region for ARNs that carry none (S3 buckets); CloudFront and Route 53 always list from us-east-1. */
  region?: string;
  /** Owning account for ARNs that carry none (S3 buckets, Route 53 hosted zones); defaults to the main account. */
  accountId?: string;
}

/** The rule of one tag key in a tag policy (the subset of AWS Organizations tag policies the emulator evaluates). */
export interface TagPolicyRule {
  /** Allowed values; a trailing `*` matches any suffix. Absent: any value. */
  values?: string[];
  /** Resource types ('ec2:instance', 'ec2', or '*') on which a missing key makes the resource noncompliant. */
  requiredFor?: string[];
}

/** A tag policy: tag keys in their required capitalisation, each with its rule. */
export interface TagPolicy {
  tags: Record<string, TagPolicyRule>;
}

/** Options the generator was run with, recorded so that a stale generated file can be detected. */
export interface InventoryGeneratorInfo {
  seed: number;
  resources: number;
  [option: string]: unknown;
}

/** The emulator's whole estate: accounts, their tagged resources and an optional tag policy. */
export interface Inventory {
  version: 1;
  /** The account reached by any access key that AssumeRole did not issue. */
  mainAccountId: string;
  accounts: InventoryAccount[];
  tagPolicy?: TagPolicy;
  generator?: InventoryGeneratorInfo;
  resources: InventoryResource[];
}
