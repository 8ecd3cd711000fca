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
  /** Regions where AWS Config does not record: the recorder is off and advanced queries find nothing there. */
  configRecorderOff?: string[];
}

/** One tagged resource: its ARN and its tags as AWS would report them. */
export interface InventoryResource {
  arn: string;
  tags: Record<string, string>;
  /** Home region for ARNs that carry none (S3 buckets); CloudFront and Route 53 always list from us-east-1. */
  region?: string;
  /** Owning account for ARNs that carry none (S3 buckets, Route 53 hosted zones); defaults to the main account. */
  accountId?: string;
  /** What AWS Config records about the resource; absent: Config does not record it. */
  config?: InventoryConfigItem;
  /** Never tagged: AWS Config records it, the Tagging API never lists it. */
  neverTagged?: true;
}

/** The recorded part of an AWS Config configuration item, in the shape of AWS Config's resource schema. */
export interface InventoryConfigItem {
  /** The AWS Config resource type, e.g. `AWS::EC2::Volume`. */
  resourceType: string;
  /** The item's `configuration`, property names as in AWS Config's resource schema. */
  configuration: Record<string, unknown>;
  /** The item's `supplementaryConfiguration` (S3 buckets, DynamoDB tables, Redshift clusters). */
  supplementaryConfiguration?: Record<string, unknown>;
  /** Default: derived from the ARN (see the README). */
  resourceId?: string;
  /** Default: the `Name` tag, or the name in the ARN. */
  resourceName?: string;
  availabilityZone?: string;
  resourceCreationTime?: string;
}

/** An AWS Config configuration aggregator that SelectAggregateResourceConfig answers for. */
export interface InventoryConfigAggregator {
  name: string;
  /** The account that owns the aggregator (the caller's account must be this one). */
  accountId: string;
  /** The region the aggregator lives in (the call's region must be this one). */
  region: string;
  /** Source accounts; default every account of the inventory. */
  accounts?: string[];
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

/** An account's status in AWS Organizations (the values both `Status` and `State` share). */
export type OrganizationAccountStatus =
  | 'ACTIVE'
  | 'SUSPENDED'
  | 'PENDING_CLOSURE';

/** An organizational unit and the OUs nested in it. */
export interface InventoryOrganizationalUnit {
  /** `ou-` + the root's id suffix + `-` + 8 to 32 characters, e.g. `ou-ab12-k3j9x0q2`. */
  id: string;
  name: string;
  organizationalUnits?: InventoryOrganizationalUnit[];
}

/** A root of the organization (AWS has one) and its top-level OUs. */
export interface InventoryOrganizationRoot {
  /** `r-` + 4 to 32 characters, e.g. `r-ab12`. */
  id: string;
  /** Default `Root`. */
  name?: string;
  organizationalUnits?: InventoryOrganizationalUnit[];
}

/** One member account of the organization. */
export interface InventoryOrganizationAccount {
  accountId: string;
  name: string;
  email: string;
  /** The root or OU the account is in. */
  parentId: string;
  /** Default ACTIVE. */
  status?: OrganizationAccountStatus;
  /** Default CREATED. */
  joinedMethod?: 'CREATED' | 'INVITED';
  /** ISO 8601; default 2020-01-01T00:00:00Z. */
  joinedTimestamp?: string;
}

/** The AWS Organization that the Organizations API serves (absent: every caller hears AWSOrganizationsNotInUseException). */
export interface InventoryOrganization {
  /** `o-` + 10 to 32 characters, e.g. `o-a1b2c3d4e5`. */
  id: string;
  /** The management account: the only one, with the delegated administrators, that may list the organization. */
  managementAccountId: string;
  /** Member accounts that may list the organization as well. */
  delegatedAdministrators?: string[];
  roots: InventoryOrganizationRoot[];
  /** Every account of the organization, the management account included. */
  accounts: InventoryOrganizationAccount[];
}

/** The emulator's whole estate: accounts, their tagged resources and an optional tag policy. */
export interface Inventory {
  version: 1;
  /** The account reached by any access key that AssumeRole did not issue. */
  mainAccountId: string;
  accounts: InventoryAccount[];
  tagPolicy?: TagPolicy;
  /** An AWS Organization over (some of) the accounts, for the Organizations API. */
  organization?: InventoryOrganization;
  generator?: InventoryGeneratorInfo;
  /** AWS Config configuration aggregators. */
  configAggregators?: InventoryConfigAggregator[];
  resources: InventoryResource[];
}
