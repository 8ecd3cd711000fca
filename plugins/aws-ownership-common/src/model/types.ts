import type { ResourceEvidence } from '../evidence/types';

/**
 * The responsibility category of a service under AWS's Shared Responsibility Model.
 *
 * @public
 */
export type ResponsibilityCategory =
  | 'infrastructure'
  | 'container'
  | 'abstract'
  | 'unclassified';

/**
 * What `parseResourceArn` returns: the ARN split into its parts, with a normalised resource type.
 *
 * @public
 */
export interface ParsedArn {
  /** The ARN as given. */
  arn: string;
  /** `aws`, `aws-cn`, `aws-us-gov` (or another AWS partition). */
  partition: string;
  /** The ARN's service, e.g. `ec2`, `s3`, `elasticloadbalancing`. */
  service: string;
  /** The region, `''` for global ARNs. */
  region: string;
  /** The account id, `''` where the ARN has none. */
  accountId: string;
  /** Normalised `service:type`, e.g. `ec2:instance`, `s3:bucket`. */
  resourceType: string;
  /** The id after the type, kept whole (`app/web/50dc6c49`). */
  resourceId: string;
}

/**
 * Tag-policy compliance details as the Tagging API reports them.
 *
 * @public
 */
export interface ResourceCompliance {
  /** Whether the resource complies with the organisation's tag policy. */
  compliant: boolean;
  /** Keys the policy requires that are missing or wrongly cased. */
  noncompliantKeys: string[];
  /** Keys whose values the policy does not allow. */
  keysWithNoncompliantValues: string[];
}

/**
 * One AWS resource as the collector saw it.
 *
 * @public
 */
export interface AwsResource extends ParsedArn {
  /** The `Name` tag when present and non-blank, otherwise the human part of the id. */
  name: string;
  /** The resource's tags, key to value. */
  tags: Record<string, string>;
  /** Tag-policy compliance, when the collector asked for it. */
  compliance?: ResourceCompliance;
  /** The region whose Tagging API returned the resource. */
  sourceRegion: string;
  /** Facts an evidence provider recorded about it (AWS Config). */
  evidence?: ResourceEvidence;
  /** Why no evidence exists for its account and region, when a provider could not read it. */
  evidenceUnavailable?: string;
}

/**
 * A tag as the Tagging API returns it.
 *
 * @public
 */
export interface AwsTag {
  /** The tag key. */
  Key?: string;
  /** The tag value. */
  Value?: string;
}

/**
 * What `buildResource` takes: one entry of a GetResources page.
 *
 * @public
 */
export interface BuildResourceInput {
  /** The resource ARN. */
  arn: string;
  /** Tags as a record or as the API's `{ Key, Value }[]`. */
  tags?: Record<string, string> | ReadonlyArray<AwsTag>;
  /** The region whose Tagging API returned the resource. */
  sourceRegion: string;
  /** Tag-policy compliance details, if requested. */
  compliance?: ResourceCompliance;
}

/**
 * Who owns a resource, resolved by the backend from tags and the catalog.
 *
 * @public
 */
export interface OwnershipContext {
  /** The owner tag found, if any. */
  ownerTag?: { key: string; value: string };
  /** The Group it resolved to; absent when missing or dangling. */
  ownerRef?: string;
  /** The Component or System it resolved to. */
  componentRef?: string;
  /** Whether the owning Group carries an on-call annotation. */
  ownerHasEscalation?: boolean;
}
