import type {
  Grade,
  OwnershipContext,
  RatedResource,
  ResourceCompliance,
  ResponsibilityCategory,
} from '@aws-ownership/backstage-plugin-common';
import { scoreResults } from '@aws-ownership/backstage-plugin-common';
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
  /** ARN account id, when it differs from the scanned account. */
  a?: string;
  /** Tags. */
  t: Record<string, string>;
  /** Tag-policy compliance. */
  c?: ResourceCompliance;
  /** Ownership without the refs (which have columns). */
  o?: Omit<OwnershipContext, 'ownerRef' | 'componentRef'>;
  /** Console URL. */
  u?: string;
}

function commaList(values: string[]): string {
  return values.length ? `,${values.join(',')},` : ',';
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
  if (resource.accountId !== accountId) data.a = resource.accountId;
  if (resource.compliance) data.c = resource.compliance;
  if (Object.keys(otherOwnership).length) data.o = otherOwnership;
  if (rated.consoleUrl) data.u = rated.consoleUrl;

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
    name: resource.name,
    category: rated.category,
    owner_ref: ownerRef ?? null,
    component_ref: componentRef ?? null,
    score: rating.score,
    grade: rating.grade,
    failing_checks: commaList(failing),
    check_statuses: encodeCheckStatuses(rating.results),
    search_text: [resource.arn, resource.name, ...Object.values(resource.tags)]
      .join('\n')
      .toLowerCase(),
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

// The raw score depends only on the stored statuses and severities;
// cappedBy is derived under the default caps (the configured ones may differ).
function ratingOf(
  row: Pick<CurrentResourceRow, 'arn' | 'score' | 'grade' | 'check_statuses'>,
): RatedResource['rating'] {
  const results = decodeCheckStatuses(row.check_statuses);
  const { rawScore, cappedBy } = scoreResults(results);
  return {
    arn: row.arn,
    score: Number(row.score),
    grade: row.grade as Grade,
    rawScore,
    ...(cappedBy ? { cappedBy } : {}),
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
      accountId: data.a ?? row.account_id,
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
