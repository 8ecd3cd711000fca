import {
  EmulatorHandle,
  generateInventory,
  Inventory,
} from '@aws-ownership/aws-emulator';
import { startEmulator } from '@aws-ownership/aws-emulator';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  coreServices,
  createServiceFactory,
  type LoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { type Knex } from 'knex';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { exampleEntities } from '../__testUtils__/exampleEntities';
import { DatabaseAwsOwnershipStore } from '../database/DatabaseAwsOwnershipStore';
import { awsOwnershipPlugin } from '../plugin';

jest.setTimeout(180_000);

// Backstage's janitor frees the claims of a dead replica once their timeout
// has passed; it runs once a minute, and not at all under NODE_ENV=test, so the
// test runs it itself when it wants the claims freed.
const { PluginTaskSchedulerJanitor } = require(join(
  dirname(require.resolve('@backstage/backend-defaults/package.json')),
  'dist/entrypoints/scheduler/lib/PluginTaskSchedulerJanitor.cjs.js',
));

const ACCOUNTS = 12;
const RESOURCES_PER_ACCOUNT = 400;
const REGIONS = ['us-east-1'];

/** Polls `read` until `check` holds, at most `ms`; fails with the last value. */
async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  ms = 60_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > until) {
      throw new Error(
        `Condition not met in ${ms} ms: ${JSON.stringify(value)}`,
      );
    }
    await new Promise(r => setTimeout(r, 250));
  }
}

interface ScanEvent {
  scanId: string;
  accountId: string;
  event: string;
}

/** A root logger that keeps the scans' start and end lines of one replica. */
function scanLog(events: ScanEvent[]) {
  const record = (message: string) => {
    const match = message.match(/^Scan (\S+) of (\d{12}) (\w+)/);
    if (match) {
      events.push({ scanId: match[1], accountId: match[2], event: match[3] });
    }
  };
  const logger: LoggerService = {
    error: record,
    warn: record,
    info: record,
    debug: () => {},
    child: () => logger,
  };
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => logger,
  });
}

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const onPostgres = databases.supports('POSTGRES_15') ? describe : describe.skip;

onPostgres('two backend replicas on one PostgreSQL database', () => {
  let emulator: EmulatorHandle;
  let inventory: Inventory;
  const stsEndpoint = process.env.AWS_ENDPOINT_URL_STS;

  beforeAll(async () => {
    const generated = generateInventory({
      seed: 1212,
      resources: ACCOUNTS * RESOURCES_PER_ACCOUNT,
      orgAccounts: ACCOUNTS,
      regions: REGIONS,
    });
    // every account active, so that all twelve are scanned
    inventory = {
      ...generated,
      organization: {
        ...generated.organization!,
        accounts: generated.organization!.accounts.map(a => ({
          ...a,
          status: 'ACTIVE' as const,
        })),
      },
    };
    emulator = await startEmulator({ port: 0, inventory });
    process.env.AWS_ENDPOINT_URL_STS = emulator.url;
  });

  afterAll(async () => {
    await emulator.close();
    if (stsEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
    else process.env.AWS_ENDPOINT_URL_STS = stsEndpoint;
  });

  async function startReplica(knex: Knex, events: ScanEvent[]) {
    const management = inventory.organization!.managementAccountId;
    return startTestBackend({
      features: [
        awsOwnershipPlugin,
        schedulerServiceFactory,
        scanLog(events),
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities: exampleEntities() }),
        mockServices.rootConfig.factory({
          data: {
            aws: {
              mainAccount: { accessKeyId: 'test', secretAccessKey: 'test' },
              accounts: [
                {
                  accountId: management,
                  accessKeyId: 'test',
                  secretAccessKey: 'test',
                },
              ],
              accountDefaults: { roleName: 'ownership-reader' },
            },
            awsOwnership: {
              endpoint: emulator.url,
              organization: { accountId: management, regions: REGIONS },
              // one cycle at start-up; the test starts the second
              schedule: {
                frequency: { minutes: 30 },
                timeout: { seconds: 15 },
                initialDelay: { seconds: 3 },
              },
              // four pages an account at 2 a second: scans last long enough
              // to be caught running
              collector: {
                concurrency: 2,
                requestsPerSecond: 2,
                maxAttempts: 20,
              },
            },
          },
        }),
      ],
    });
  }

  it('scans every account once per cycle, shares the scans, and survives a replica dying mid-scan', async () => {
    const knexA = await databases.init('POSTGRES_15');
    const knexB = knexFactory(knexA.client.config);
    const eventsA: ScanEvent[] = [];
    const eventsB: ScanEvent[] = [];
    // one after the other: each runs the migrations
    const replicaA = await startReplica(knexA, eventsA);
    const replicaB = await startReplica(knexB, eventsB);
    const store = await DatabaseAwsOwnershipStore.create({
      database: mockServices.database({
        knex: knexB,
        migrations: { skip: true },
      }),
    });
    const accountIds: string[] = (
      await request(replicaB.server).get('/api/aws-ownership/accounts')
    ).body.items.map((a: { accountId: string }) => a.accountId);
    expect(accountIds).toHaveLength(ACCOUNTS);

    const scansByAccount = async () => {
      const scans = await store.listScans({ limit: 500 });
      return accountIds.map(id => scans.filter(s => s.accountId === id));
    };
    const idle = async () => {
      const running = await knexB('backstage_backend_tasks__tasks')
        .where('id', 'like', 'aws-ownership-scan-%')
        .whereNotNull('current_run_ticket');
      return running.length === 0;
    };
    const progress = async () => ({
      idle: await idle(),
      succeeded: (await scansByAccount()).map(
        scans => scans.filter(s => s.status === 'succeeded').length,
      ),
    });

    try {
      // cycle 1, at start-up
      await eventually(
        progress,
        v => v.idle && v.succeeded.every(n => n === 1),
      );
      for (const scans of await scansByAccount()) {
        expect(scans.map(s => s.status)).toEqual(['succeeded']);
      }
      for (const accountId of accountIds) {
        expect(await store.countResources({ accountIds: [accountId] })).toBe(
          RESOURCES_PER_ACCOUNT,
        );
      }
      const ranA = new Set(eventsA.map(e => e.accountId));
      const ranB = new Set(eventsB.map(e => e.accountId));
      expect(ranA.size).toBeGreaterThan(0);
      expect(ranB.size).toBeGreaterThan(0);
      expect(ranA.size + ranB.size).toBe(ACCOUNTS);

      // either replica serves the same scorecards
      const scorecards = async (server: typeof replicaA.server) => {
        const res = await request(server).get('/api/aws-ownership/scorecards');
        expect(res.status).toBe(200);
        return res.body.items.map((c: any) => [c.teamRef, c.score]);
      };
      const before = await scorecards(replicaB.server);
      expect(before.length).toBeGreaterThan(1);
      expect(await scorecards(replicaA.server)).toEqual(before);

      // cycle 2: a scan of every account requested; replica A dies mid-scan
      const requested = await request(replicaB.server)
        .post('/api/aws-ownership/scans')
        .send({});
      expect(requested.status).toBe(202);
      const runningOnA = () => {
        const ended = new Set(
          eventsA.filter(e => e.event !== 'started').map(e => e.scanId),
        );
        return eventsA.filter(
          e =>
            e.event === 'started' &&
            !ended.has(e.scanId) &&
            requested.body.items.some((s: { id: string }) => s.id === e.scanId),
        );
      };
      await eventually(
        async () => runningOnA(),
        running => running.length > 0,
      );
      // what a killed process leaves behind: its claims and running scans
      await knexA.destroy();
      const killedAt = Date.now();
      const interrupted = new Set(runningOnA().map(e => e.accountId));

      // their previous data is still served, not stale
      for (const accountId of interrupted) {
        expect(await store.countResources({ accountIds: [accountId] })).toBe(
          RESOURCES_PER_ACCOUNT,
        );
        expect(
          (await store.listCurrentRegions()).filter(
            r => r.accountId === accountId,
          ),
        ).toEqual([expect.objectContaining({ stale: false })]);
      }
      expect(await scorecards(replicaB.server)).toEqual(before);

      // once the claim times out, replica B scans the account again
      const janitor = new PluginTaskSchedulerJanitor({
        knex: knexB,
        waitBetweenRuns: { minutes: 1 },
        logger: mockServices.logger.mock(),
      });
      await eventually(
        async () => {
          await janitor.runOnce();
          return (await progress()).succeeded;
        },
        succeeded => succeeded.every(n => n === 2),
        90_000,
      );
      await eventually(idle, done => done);
      expect(Date.now() - killedAt).toBeGreaterThan(5_000);
      for (const accountId of interrupted) {
        expect(
          eventsB.some(
            e => e.accountId === accountId && e.event === 'succeeded',
          ),
        ).toBe(true);
      }

      // exactly one succeeded scan per account and cycle, never overlapping;
      // the dead replica's scan ended as interrupted, nothing of it current
      for (const scans of await scansByAccount()) {
        const succeeded = scans
          .filter(s => s.status === 'succeeded')
          .sort((a, b) => a.startedAt!.localeCompare(b.startedAt!));
        expect(succeeded).toHaveLength(2);
        expect(succeeded[1].startedAt! >= succeeded[0].finishedAt!).toBe(true);
        for (const other of scans.filter(s => s.status !== 'succeeded')) {
          expect(interrupted).toContain(other.accountId);
          expect(other.status).toBe('cancelled');
          expect(other.error).toMatch(/Interrupted/);
        }
      }
      const current = await store.listCurrentRegions();
      expect(current).toHaveLength(ACCOUNTS);
      for (const accountId of accountIds) {
        expect(await store.countResources({ accountIds: [accountId] })).toBe(
          RESOURCES_PER_ACCOUNT,
        );
      }
      expect(await scorecards(replicaB.server)).toEqual(before);
    } finally {
      await replicaB.stop();
      await replicaA.stop().catch(() => {});
      await knexB.destroy();
    }
  });
});
