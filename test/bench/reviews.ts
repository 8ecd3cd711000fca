// Benchmark `reviews`: an organisation-wide review of 100,000 resources on
// PostgreSQL, the estate changed (1,000 checks fixed, 1,000 broken, 500
// resources gone, 500 new, 500 moved to another team), reviewed again; then
// `GET /reviews/{id}/changes` (the service behind it: first page, 100 items)
// timed 20 times. Target: median under 500 ms.
import knexFactory, { Knex } from 'knex';
import { defaultChecklistConfig } from '@aws-ownership/backstage-plugin-common';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { AwsOwnershipConfig } from '../../plugins/aws-ownership-backend/src/config/types';
import { DatabaseAwsOwnershipStore } from '../../plugins/aws-ownership-backend/src/database/DatabaseAwsOwnershipStore';
import {
  ratedResource,
  runScan,
} from '../../plugins/aws-ownership-backend/src/database/__testUtils__/fixtures';
import { DatabaseExemptionStore } from '../../plugins/aws-ownership-backend/src/exemptions/DatabaseExemptionStore';
import { DatabaseReviewStore } from '../../plugins/aws-ownership-backend/src/reviews/DatabaseReviewStore';
import { ReviewService } from '../../plugins/aws-ownership-backend/src/reviews/ReviewService';
import type { RatedResource } from '../../plugins/aws-ownership-backend/src/schema/types';

const RESOURCES = 100_000;
const RUNS = 20;
const TARGET_MS = 500;
const ACCOUNT = '111122223333';
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
const TEAMS = 40;
const connection =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';
const DB = 'aws_ownership_bench_reviews';

async function freshDatabase(): Promise<Knex> {
  const admin = knexFactory({ client: 'pg', connection });
  await admin.raw(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.raw(`CREATE DATABASE ${DB}`);
  await admin.destroy();
  return knexFactory({
    client: 'pg',
    connection: `${connection.replace(/\/$/, '')}/${DB}`,
    pool: { min: 0, max: 10 },
  });
}

const tagged = (i: number) => ({
  Name: `svc-${i}-prod`,
  owner: `team-${i % TEAMS}`,
  environment: 'prod',
  'cost-center': `cc-${1000 + (i % 50)}`,
  application: `app-${i % 200}`,
});

/** One region's resources of the estate; `version` 2 is the changed estate. */
function estate(version: 1 | 2): Record<string, RatedResource[]> {
  const byRegion: Record<string, RatedResource[]> = Object.fromEntries(
    REGIONS.map(r => [r, []]),
  );
  const first = version === 1 ? 0 : 500; // 500 gone
  const last = version === 1 ? RESOURCES : RESOURCES + 500; // 500 new
  for (let i = first; i < last; i++) {
    const region = REGIONS[i % REGIONS.length];
    const tags: Record<string, string> = tagged(i);
    // every 10th resource lacks its cost centre in version 1; 1,000 of them get it in version 2
    const fixed = version === 2 && i % 10 === 0 && i < 10_000;
    if (i % 10 === 0 && !fixed) delete tags['cost-center'];
    // 1,000 resources lose their application tag in version 2
    if (version === 2 && i % 10 === 5 && i < 10_000) delete tags.application;
    let team = i % TEAMS;
    if (version === 2 && i % 10 === 7 && i < 5_000) team = (team + 1) % TEAMS; // 500 moved
    byRegion[region].push(
      ratedResource({
        arn: `arn:aws:ec2:${region}:${ACCOUNT}:instance/i-${String(i).padStart(
          8,
          '0',
        )}`,
        tags,
        ownerRef: `group:default/team-${team}`,
      }),
    );
  }
  return byRegion;
}

async function main() {
  const knex = await freshDatabase();
  try {
    const database = {
      getClient: async () => knex,
      migrations: { skip: false },
    } as DatabaseService;
    const store = await DatabaseAwsOwnershipStore.create({ database });
    const reviewStore = await DatabaseReviewStore.create({ database });
    await store.replaceTeams(
      Array.from({ length: TEAMS }, (_, i) => ({
        ref: `group:default/team-${i}`,
        displayName: `Team ${i}`,
        childRefs: [],
      })),
    );
    const service = new ReviewService({
      config: {
        checklists: defaultChecklistConfig,
        reviews: { retentionDays: 730 },
      } as AwsOwnershipConfig,
      store,
      reviews: reviewStore,
      exemptions: await DatabaseExemptionStore.create({ database }),
      catalog: catalogServiceMock({ entities: [] }),
      extraChecks: [],
    });
    const credentials = { credentials: mockCredentials.user() };

    await runScan(store, ACCOUNT, estate(1));
    let t = performance.now();
    const first = await service.createReview(
      { entityRef: 'organisation' },
      credentials,
    );
    const createMs = performance.now() - t;
    await runScan(store, ACCOUNT, estate(2));
    const second = await service.createReview(
      { entityRef: 'organisation' },
      credentials,
    );
    await knex.raw('ANALYZE');

    const times: number[] = [];
    let page;
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      page = await service.getChanges(second.id, {});
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];

    // every page, to count the changes and time a full walk
    t = performance.now();
    const counts = { new: 0, gone: 0, fixed: 0, regressed: 0, owner: 0 };
    let cursor: string | undefined;
    do {
      const next = await service.getChanges(second.id, { cursor, limit: 500 });
      for (const item of next.items) {
        if (item.kind === 'new') counts.new++;
        if (item.kind === 'gone') counts.gone++;
        if (item.fixed.length) counts.fixed++;
        if (item.regressed.length) counts.regressed++;
        if (item.owner) counts.owner++;
      }
      cursor = next.nextCursor;
    } while (cursor);
    const walkMs = performance.now() - t;

    const round = (n: number) => Math.round(n * 10) / 10;
    console.log(
      JSON.stringify({
        benchmark: 'reviews',
        database: 'postgres15',
        resources: first.total.resourceCount,
        resourcesAfter: second.total.resourceCount,
        createReviewMs: round(createMs),
        changesFirstPageMs: {
          median: round(median),
          min: round(times[0]),
          max: round(times[times.length - 1]),
          runs: RUNS,
          items: page?.items.length,
        },
        allChangesWalkMs: round(walkMs),
        changes: counts,
        targetMedianMs: TARGET_MS,
        ok: median < TARGET_MS && first.total.resourceCount === RESOURCES,
      }),
    );
  } finally {
    await knex.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
