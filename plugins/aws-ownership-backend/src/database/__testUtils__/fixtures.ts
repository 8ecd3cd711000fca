import {
  buildResource,
  classifyResourceType,
  consoleUrl,
  evaluateResource,
  type OwnershipContext,
} from '@aws-ownership/backstage-plugin-common';
import type { RatedResource, ScanRegionOutcome } from '../../schema/types';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { DatabaseAwsOwnershipStore } from '../DatabaseAwsOwnershipStore';
import type { ScanCompletion } from '../types';

/** The main test account. */
export const ACCOUNT = '111122223333';
/** A second account. */
export const OTHER_ACCOUNT = '444455556666';

/** A resource rated by the real rules, owned as given. */
export function ratedResource(input: {
  arn: string;
  sourceRegion?: string;
  tags?: Record<string, string>;
  ownerRef?: string;
  componentRef?: string;
}): RatedResource {
  const sourceRegion =
    input.sourceRegion ?? (input.arn.split(':')[3] || 'us-east-1');
  const resource = buildResource({
    arn: input.arn,
    tags: input.tags ?? {},
    sourceRegion,
  });
  const ownership: OwnershipContext = {};
  if (input.tags?.owner) {
    ownership.ownerTag = { key: 'owner', value: input.tags.owner };
  }
  if (input.ownerRef) ownership.ownerRef = input.ownerRef;
  if (input.componentRef) ownership.componentRef = input.componentRef;
  const rated: RatedResource = {
    resource,
    category: classifyResourceType(resource.resourceType),
    ownership,
    rating: evaluateResource(resource, ownership),
  };
  const url = consoleUrl(resource);
  if (url) rated.consoleUrl = url;
  return rated;
}

/** An EC2 instance ARN. */
export function instanceArn(
  id: string,
  region = 'us-east-1',
  account = ACCOUNT,
) {
  return `arn:aws:ec2:${region}:${account}:instance/i-${id}`;
}

/** A store over a fresh test database, with its knex. */
export async function createTestStore(knex: Knex) {
  const database = {
    getClient: async () => knex,
    migrations: { skip: false },
  } as DatabaseService;
  return DatabaseAwsOwnershipStore.create({ database });
}

/** The completion of a scan whose regions succeeded or failed as given. */
export function completion(
  accountId: string,
  regions: Record<string, 'succeeded' | 'failed'>,
): ScanCompletion {
  const outcomes: ScanRegionOutcome[] = Object.entries(regions).map(
    ([region, status]) => ({
      accountId,
      region,
      status,
      resources: 0,
      pages: 0,
    }),
  );
  const failed = outcomes.filter(o => o.status === 'failed').length;
  let status: ScanCompletion['status'] = 'partial';
  if (failed === 0) status = 'succeeded';
  else if (failed === outcomes.length) status = 'failed';
  return {
    status,
    regions: outcomes,
    progress: {
      regionsTotal: outcomes.length,
      regionsDone: outcomes.length,
      resourcesCollected: 0,
      resourcesRated: 0,
    },
  };
}

/**
 * Runs a whole scan of an account: every region's resources written, then
 * committed; a region given as `failed` writes `failedRows` (to be discarded).
 */
export async function runScan(
  store: DatabaseAwsOwnershipStore,
  accountId: string,
  regions: Record<string, RatedResource[] | 'failed'>,
  failedRows: RatedResource[] = [],
) {
  const scan = await store.createScan({
    accountId,
    regions: Object.keys(regions),
    trigger: 'schedule',
  });
  const statuses: Record<string, 'succeeded' | 'failed'> = {};
  for (const [region, resources] of Object.entries(regions)) {
    statuses[region] = resources === 'failed' ? 'failed' : 'succeeded';
    if (resources !== 'failed') await store.writeResources(scan.id, resources);
  }
  await store.writeResources(scan.id, failedRows);
  await store.completeScan(scan.id, completion(accountId, statuses));
  return scan;
}
