// Benchmark `scan`: 100,000 resources in 4 regions of one account, the
// emulator's quota off, the store on PostgreSQL; from the first GetResources
// call to committed team scores. Targets: under 20 s, peak memory under 400 MB.
import knexFactory, { Knex } from 'knex';
import { defaultChecklistConfig } from '@aws-ownership/backstage-plugin-common';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import { DatabaseAwsOwnershipStore } from '../../plugins/aws-ownership-backend/src/database/DatabaseAwsOwnershipStore';
import { ScanRunner } from '../../plugins/aws-ownership-backend/src/scan/ScanRunner';
import { createEvidenceProviders } from '../../plugins/aws-ownership-backend/src/evidence/createEvidenceProviders';
import type { AwsOwnershipConfig } from '../../plugins/aws-ownership-backend/src/config/types';
import { exampleEntities } from '../../plugins/aws-ownership-backend/src/__testUtils__/exampleEntities';
import {
  inventoryFile,
  samplePeakMemory,
  startEmulatorProcess,
} from './_support';

const RESOURCES = 100_000;
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
const ACCOUNT = '111122223333';
// with AWS Config evidence on (issue 13): 100k resources under 30 s and 500 MB
const TARGET_SECONDS = 30;
const TARGET_MB = 500;
const connection =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';
const DB = 'aws_ownership_bench_scan';

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

// BENCH_VERBOSE=1 prints the scan's own log lines (with milliseconds since
// start) to stderr, to see where the time goes
const t0 = Date.now();
const silent = {
  info(m: string) {
    if (process.env.BENCH_VERBOSE) console.error(Date.now() - t0, m);
  },
  warn() {},
  error() {},
  debug() {},
  child() {
    return silent;
  },
};

async function main() {
  const file = await inventoryFile({
    seed: 100_100,
    resources: RESOURCES,
    regions: REGIONS,
  });
  const emulator = await startEmulatorProcess([
    '--inventory',
    file,
    '--no-quota',
  ]);
  const knex = await freshDatabase();
  try {
    const database: DatabaseService = { getClient: async () => knex };
    const store = await DatabaseAwsOwnershipStore.create({ database });
    const entities = exampleEntities();
    const config: AwsOwnershipConfig = {
      endpoint: emulator.url,
      accounts: [{ accountId: ACCOUNT, regions: REGIONS }],
      includeComplianceDetails: false,
      schedule: { frequency: { hours: 6 }, timeout: { minutes: 30 } },
      checklists: defaultChecklistConfig,
      collector: {
        requestsPerSecond: 100_000,
        maxAttempts: 5,
        writeBatchSize: 1000,
        concurrency: 1,
      },
      evidence: {
        awsConfig: {
          enabled: true,
          requestsPerSecond: 100_000,
          maxAttempts: 5,
        },
      },
      history: { retention: { days: 365 } },
      reviews: { retentionDays: 730 },
    };
    const credentials = {
      getCredentialProvider: async () => ({
        accountId: ACCOUNT,
        sdkCredentialProvider: async () => ({
          accessKeyId: 'bench',
          secretAccessKey: 'bench',
        }),
      }),
    };
    const runner = new ScanRunner({
      config,
      store,
      catalog: { getEntities: async () => ({ items: entities }) } as any,
      auth: { getOwnServiceCredentials: async () => ({}) } as any,
      logger: silent as any,
      credentials,
      extraChecks: [],
      evidenceProviders: createEvidenceProviders({
        config,
        credentials,
        logger: silent as any,
        added: [],
      }),
    });

    global.gc?.();
    const memory = samplePeakMemory();
    const started = performance.now();
    const scan = await runner.scanAccount(ACCOUNT, { trigger: 'manual' });
    const seconds = (performance.now() - started) / 1000;
    const peakMb = memory.stop();
    const { scorecards } = await store.getLatestTeamScores();
    const stored = await store.countResources();
    console.log(
      JSON.stringify({
        benchmark: 'scan',
        database: 'postgres15',
        resources: stored,
        collected: scan.progress.resourcesCollected,
        status: scan.status,
        teams: scorecards.length,
        seconds: Math.round(seconds * 100) / 100,
        resourcesPerSecond: Math.round(stored / seconds),
        peakMemoryMb: peakMb,
        targetSeconds: TARGET_SECONDS,
        targetMemoryMb: TARGET_MB,
        ok:
          scan.status === 'succeeded' &&
          stored === RESOURCES &&
          seconds < TARGET_SECONDS &&
          peakMb < TARGET_MB,
      }),
    );
  } finally {
    await knex.destroy();
    emulator.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
