import { unownedTeamRef } from '@aws-ownership/backstage-plugin-common';
import type { RatedResource } from '../schema/types';

/** The columns of the resources export, in order. */
export const csvColumns = [
  'arn',
  'name',
  'accountId',
  'region',
  'resourceType',
  'category',
  'owner',
  'ownerTag',
  'component',
  'score',
  'grade',
  'failingChecks',
  'stale',
  'lastSeenAt',
  'consoleUrl',
];

/** One rated resource as a row of the export (tag values stay out: they may be sensitive). */
export function toCsvRow(rated: RatedResource): Record<string, string> {
  const { resource, ownership, rating } = rated;
  return {
    arn: resource.arn,
    name: resource.name,
    accountId: resource.accountId,
    region: resource.sourceRegion,
    resourceType: resource.resourceType,
    category: rated.category,
    owner: ownership.ownerRef ?? unownedTeamRef,
    ownerTag: ownership.ownerTag?.value ?? '',
    component: ownership.componentRef ?? '',
    score: String(rating.score),
    grade: rating.grade,
    failingChecks: rating.results
      .filter(r => r.status === 'fail')
      .map(r => r.checkId)
      .join(';'),
    stale: rated.stale ? 'true' : 'false',
    lastSeenAt: rated.lastSeenAt ?? '',
    consoleUrl: rated.consoleUrl ?? '',
  };
}
