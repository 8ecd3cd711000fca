import {
  maskSecretTags,
  resourceName,
  type AwsResource,
  type Grade,
  type OwnershipContext,
  type ResourceCompliance,
  type ResourceEvidence,
  type ResponsibilityCategory,
} from '@aws-ownership/backstage-plugin-common';
import { scoreResults } from '@aws-ownership/backstage-plugin-common';
import type { RatedResource } from '../schema/types';
import { decodeCheckStatuses, encodeCheckStatuses } from './checkStatusCodec';
import type { CurrentResourceRow, ResourceRow } from './tables';
import type { RatingForAggregation } from './types';

/** What `resources.data` holds: the parts of a RatedResource that have no column. */
interface StoredResourceData {
  /** ARN partition. */
  p: string;
  /** ARN resource id. */
  i: string;
  /** ARN region (`''` for global ARNs). */
  g: string;
  /** ARN account id, when it has one that differs from the scanned account. */
  a?: string;
  /** Tags. */
  t: Record<string, string>;
  /** Tag-policy compliance. */
  c?: ResourceCompliance;
  /** Ownership without the refs (which have columns). */
  o?: Omit<OwnershipContext, 'ownerRef' | 'componentRef'>;
  /** Console URL. */
  u?: string;
  /** Evidence (facts with their source and capture time). */
  e?: ResourceEvidence;
  /** Why no evidence exists for its account and region. */
  x?: string;
  /** Recorded by an evidence provider, never listed by the Tagging API. */
  n?: true;
}

function commaList(values: string[]): string {
  return values.length ? `,${values.join(',')},` : ',';
}

/**
 * The tags whose values the API shows: those `maskSecretTags` would redact are
 * left out, so no column a filter or sort reads can confirm a guessed secret.
 */
function visibleTags(
  tags: Readonly<Record<string, string>>,
): Record<string, string> {
  const masked = maskSecretTags(tags);
  const visible: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) {
    if (masked[key] === value) visible[key] = value;
  }
  return visible;
}

/**
 * The searchable text and name of a resource, from its visible tags only (a
 * secret-looking `Name` tag gives way to the name its id gives).
 */
function searchableFields(resource: {
  arn: string;
  resourceType: string;
  resourceId: string;
  tags: Readonly<Record<string, string>>;
}): { name: string; searchText: string } {
  const tags = visibleTags(resource.tags);
  const name = resourceName({ ...resource, tags });
  return {
    name,
    searchText: [resource.arn, name, ...Object.values(tags)]
      .join('\n')
      .toLowerCase(),
  };
}

/** The row that stores one rated resource collected by a scan of an account. */
export function toResourceRow(
  scanId: string,
  accountId: string,
  rated: RatedResource,
): ResourceRow {
  const { resource, rating, ownership } = rated;
  const { ownerRef, componentRef, ...otherOwnership } = ownership ?? {};
  const data: StoredResourceData = {
    p: resource.partition,
    i: resource.resourceId,
    g: resource.region,
    t: resource.tags,
  };
  // S3 buckets and Route 53 zones have no account in their ARN
  if (resource.accountId && resource.accountId !== accountId) {
    data.a = resource.accountId;
  }
  if (resource.compliance) data.c = resource.compliance;
  if (Object.keys(otherOwnership).length) data.o = otherOwnership;
  if (rated.consoleUrl) data.u = rated.consoleUrl;
  // the API's Resource leaves the facts out (results carry the deciding one)
  const { evidence } = resource as AwsResource;
  if (evidence) data.e = evidence;
  if (resource.evidenceUnavailable) data.x = resource.evidenceUnavailable;
  if (rated.neverTagged) data.n = true;

  const { name, searchText } = searchableFields(resource);
  const failing: string[] = [];
  for (const result of rating.results) {
    if (result.status === 'fail') failing.push(result.checkId);
  }
  return {
    scan_id: scanId,
    arn: resource.arn,
    account_id: accountId,
    region: resource.sourceRegion,
    resource_type: resource.resourceType,
    service: resource.service,
    name,
    category: rated.category,
    owner_ref: ownerRef ?? null,
    component_ref: componentRef ?? null,
    score: rating.score,
    grade: rating.grade,
    failing_checks: commaList(failing),
    check_statuses: encodeCheckStatuses(rating.results),
    search_text: searchText,
    data: JSON.stringify(data),
  };
}

function ownershipOf(
  row: Pick<ResourceRow, 'owner_ref' | 'component_ref'>,
  data: Pick<StoredResourceData, 'o'>,
): OwnershipContext {
  const ownership: OwnershipContext = { ...data.o };
  if (row.owner_ref !== null) ownership.ownerRef = row.owner_ref;
  if (row.component_ref !== null) ownership.componentRef = row.component_ref;
  return ownership;
}

// The raw score depends only on the stored statuses and severities; which
// check capped the score depends on the configured caps, so the service adds it.
function ratingOf(
  row: Pick<CurrentResourceRow, 'arn' | 'score' | 'grade' | 'check_statuses'>,
): RatedResource['rating'] {
  const results = decodeCheckStatuses(row.check_statuses);
  return {
    arn: row.arn,
    score: Number(row.score),
    grade: row.grade as Grade,
    rawScore: scoreResults(results).rawScore,
    results,
  };
}

/** The rated resource a current row stores, with its scan, last-seen time and staleness. */
export function fromResourceRow(row: CurrentResourceRow): RatedResource {
  const data: StoredResourceData = JSON.parse(row.data);
  const rated: RatedResource = {
    resource: {
      arn: row.arn,
      partition: data.p,
      service: row.service,
      region: data.g,
      // rows written before 2026-11-29 hold '' for ARNs without an account
      accountId: data.a || row.account_id,
      resourceType: row.resource_type,
      resourceId: data.i,
      name: row.name,
      tags: data.t,
      sourceRegion: row.region,
    },
    category: row.category as ResponsibilityCategory,
    ownership: ownershipOf(row, data),
    rating: ratingOf(row),
    scanId: row.scan_id,
    lastSeenAt: row.last_seen_at,
    stale: Boolean(row.stale),
  };
  if (data.c) rated.resource.compliance = data.c;
  if (data.u) rated.consoleUrl = data.u;
  if (data.e) (rated.resource as AwsResource).evidence = data.e;
  if (data.x) rated.resource.evidenceUnavailable = data.x;
  if (data.n) rated.neverTagged = true;
  return rated;
}

/** The columns `toRatingForAggregation` reads. */
export const aggregationColumns = [
  'owner_ref',
  'component_ref',
  'arn',
  'score',
  'grade',
  'check_statuses',
] as const;

/** The aggregation view of a current row. */
export function toRatingForAggregation(
  row: Pick<CurrentResourceRow, (typeof aggregationColumns)[number] | 'stale'>,
): RatingForAggregation {
  const rating: RatingForAggregation = {
    stale: Boolean(row.stale),
    rating: ratingOf(row),
  };
  if (row.owner_ref !== null) rating.ownerRef = row.owner_ref;
  if (row.component_ref !== null) rating.componentRef = row.component_ref;
  return rating;
}
