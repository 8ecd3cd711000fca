// Benchmark `api`: 100,000 resources of 300 teams stored on PostgreSQL; 200
// requests each of GET /scorecards/{entityRef} and of GET /resources (one
// filtered page of 50) through the plugin's real router over HTTP.
// Targets: median under 20 ms and under 50 ms.
import express from 'express';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import knexFactory, { Knex } from 'knex';
import { generateInventory } from '@aws-ownership/aws-emulator';
import {
  createOwnershipResolver,
  defaultChecklistConfig,
} from '@aws-ownership/backstage-plugin-common';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DatabaseAwsOwnershipStore } from '../../plugins/aws-ownership-backend/src/database/DatabaseAwsOwnershipStore';
import { createRouter } from '../../plugins/aws-ownership-backend/src/router';
import { ResourceRater } from '../../plugins/aws-ownership-backend/src/scan/ResourceRater';
import { aggregateTeamScores } from '../../plugins/aws-ownership-backend/src/scan/aggregateTeamScores';
import { DefaultAwsOwnershipService } from '../../plugins/aws-ownership-backend/src/service/DefaultAwsOwnershipService';
import type { AwsOwnershipConfig } from '../../plugins/aws-ownership-backend/src/config/types';
import type { RatedResource } from '../../plugins/aws-ownership-backend/src/schema/types';

const RESOURCES = 100_000;
const TEAMS = 300;
const REQUESTS = 200;
const ACCOUNT = '111122223333';
const connection =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';
const DB = 'aws_ownership_bench_api';

const team = (i: number) => `team-${String(i).padStart(3, '0')}`;

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

function catalog(): Entity[] {
  return Array.from({ length: TEAMS }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: team(i) },
    spec: { type: 'team', profile: { displayName: `Team ${i}` }, children: [] },
  }));
}

async function seed(store: DatabaseAwsOwnershipStore) {
  const inventory = generateInventory({
    seed: 300,
    resources: RESOURCES,
    accounts: [{ accountId: ACCOUNT, regions: ['us-east-1', 'eu-west-1'] }],
    regions: ['us-east-1', 'eu-west-1'],
  });
  const rater = new ResourceRater(
    createOwnershipResolver(catalog(), {
      ...defaultChecklistConfig.ownership,
      escalationAnnotations: [],
    }),
    defaultChecklistConfig,
    [],
  );
  const scan = await store.createScan({
    accountId: ACCOUNT,
    regions: ['us-east-1', 'eu-west-1'],
    trigger: 'manual',
  });
  let batch: RatedResource[] = [];
  for (let i = 0; i < inventory.resources.length; i++) {
    const r = inventory.resources[i];
    const tags = { ...r.tags, owner: team(i % TEAMS) };
    const region = r.arn.split(':')[3] || r.region || 'us-east-1';
    batch.push(
      rater.rate(
        {
          ResourceARN: r.arn,
          Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
        },
        region === 'eu-west-1' ? region : 'us-east-1',
      ),
    );
    if (batch.length === 1000) {
      await store.writeResources(scan.id, batch);
      batch = [];
    }
  }
  await store.writeResources(scan.id, batch);
  const regions = ['us-east-1', 'eu-west-1'].map(region => ({
    accountId: ACCOUNT,
    region,
    status: 'succeeded' as const,
    resources: 0,
    pages: 0,
  }));
  await store.completeScan(scan.id, {
    status: 'succeeded',
    regions,
    progress: {
      regionsTotal: 2,
      regionsDone: 2,
      resourcesCollected: RESOURCES,
      resourcesRated: RESOURCES,
    },
  });
  const teams = catalog().map(e => ({
    ref: `group:default/${e.metadata.name}`,
    childRefs: [],
  }));
  await store.replaceTeams(teams);
  await aggregateTeamScores({
    store,
    teams,
    snapshotId: scan.id,
    computedAt: new Date(),
  });
}

function get(port: number, agent: Agent, path: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        agent,
        headers: { authorization: 'Bearer mock-user-token' },
      },
      res => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200)
            reject(new Error(`${path}: HTTP ${res.statusCode}`));
          else resolve(performance.now() - started);
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 100,
    ) / 100;
  return { median: at(0.5), p95: at(0.95), max: at(1) };
}

async function main() {
  const knex = await freshDatabase();
  try {
    const store = await DatabaseAwsOwnershipStore.create({
      database: { getClient: async () => knex },
    });
    const seedStarted = performance.now();
    await seed(store);
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const config = {
      checklists: defaultChecklistConfig,
      accounts: [{ accountId: ACCOUNT, regions: ['us-east-1'] }],
    } as unknown as AwsOwnershipConfig;
    const service = new DefaultAwsOwnershipService({
      config,
      store,
      scheduler: {} as any,
      catalog: {} as any,
      extraChecks: [],
    });
    const user = {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef: 'user:default/bench' },
    };
    const router = await createRouter({
      httpAuth: { credentials: async () => user } as any,
      permissions: {
        authorize: async (r: unknown[]) =>
          r.map(() => ({ result: AuthorizeResult.ALLOW })),
      } as any,
      service,
    });
    const app = express();
    app.use('/api/aws-ownership', router);
    const server = app.listen(0, '127.0.0.1');
    await new Promise(r => server.once('listening', r));
    const port = (server.address() as AddressInfo).port;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });

    const scorecard: number[] = [];
    const resources: number[] = [];
    for (let i = 0; i < 20; i++) {
      await get(
        port,
        agent,
        `/api/aws-ownership/scorecards/${encodeURIComponent(
          `group:default/${team(i)}`,
        )}`,
      );
      await get(
        port,
        agent,
        `/api/aws-ownership/resources?owner=${team(i)}&limit=50`,
      );
    }
    for (let i = 0; i < REQUESTS; i++) {
      const ref = `group:default/${team((i * 7) % TEAMS)}`;
      scorecard.push(
        await get(
          port,
          agent,
          `/api/aws-ownership/scorecards/${encodeURIComponent(ref)}`,
        ),
      );
      const filters = [
        `owner=${team((i * 11) % TEAMS)}`,
        'region=us-east-1',
        'checkId=tagging.required',
        'category=abstract',
      ];
      resources.push(
        await get(
          port,
          agent,
          `/api/aws-ownership/resources?${
            filters[i % filters.length]
          }&limit=50`,
        ),
      );
    }
    agent.destroy();
    server.close();
    const s = stats(scorecard);
    const r = stats(resources);
    console.log(
      JSON.stringify({
        benchmark: 'api',
        database: 'postgres15',
        resources: await store.countResources(),
        teams: TEAMS,
        requests: REQUESTS,
        seedSeconds: Math.round(seedSeconds * 10) / 10,
        scorecardMs: s,
        resourcesPageMs: r,
        targets: { scorecardMedianMs: 20, resourcesMedianMs: 50 },
        ok: s.median < 20 && r.median < 50,
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
