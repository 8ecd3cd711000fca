import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type {
  BackendFeature,
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import { awsOwnershipPlugin } from '../plugin';
import { DatabaseAwsOwnershipStore } from '../database/DatabaseAwsOwnershipStore';
import { exampleEntities } from './exampleEntities';
import request from 'supertest';
import { scanTaskId } from '../scan/scheduleScans';

/** The demo's two accounts in the demo's three regions. */
export const demoAccounts = [
  {
    accountId: '111122223333',
    regions: ['us-east-1', 'eu-west-1', 'eu-central-1'],
  },
  {
    accountId: '222233334444',
    regions: ['us-east-1', 'eu-west-1', 'eu-central-1'],
  },
];

/**
 * Starts a test backend with the plugin pointed at an emulator, the example
 * catalog, a database the test can read through its own store, and a mock
 * scheduler whose tasks the test triggers.
 */
export async function startScanBackend(options: {
  emulatorUrl: string;
  knex: Knex;
  awsOwnership?: JsonObject;
  /** Replaces the portal's `aws` section. */
  aws?: JsonObject;
  features?: BackendFeature[];
}) {
  // mockServices.scheduler() is a MockSchedulerService: tasks run when triggered
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory(options: {
      skipTaskRunOnStartup?: boolean;
    }): ServiceFactory<SchedulerService>;
  };
  const backend = await startTestBackend({
    features: [
      awsOwnershipPlugin,
      scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.database.factory({ knex: options.knex }),
      catalogServiceMock.factory({ entities: exampleEntities() }),
      mockServices.rootConfig.factory({
        data: {
          aws: options.aws ?? {
            mainAccount: { accessKeyId: 'test', secretAccessKey: 'test' },
            accounts: [
              {
                accountId: '222233334444',
                roleName: 'ownership-reader',
              },
            ],
          },
          awsOwnership: {
            endpoint: options.emulatorUrl,
            accounts: demoAccounts,
            collector: { maxAttempts: 20 },
            ...options.awsOwnership,
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });
  const store = await DatabaseAwsOwnershipStore.create({
    database: mockServices.database({
      knex: options.knex,
      migrations: { skip: true },
    }),
  });
  /** What "Scan now" does (POST /scans): a request per account, run by its task. */
  const scanNow = async (accountIds: string[]) => {
    const res = await request(backend.server)
      .post('/api/aws-ownership/scans')
      .send({ accountIds });
    if (res.status !== 202) {
      throw new Error(`POST /scans: ${res.status} ${JSON.stringify(res.body)}`);
    }
  };
  /**
   * "Scan now" step by step, for a test that holds on to the run: a pending
   * request for the account, then its task triggered; settles when the mock
   * scheduler's run ends. (A bare trigger moments after a scan is skipped.)
   */
  const requestScan = async (accountId: string, regions: string[]) => {
    await store.requestScan({ accountId, regions, trigger: 'manual' });
    await scheduler.triggerTask(scanTaskId(accountId));
  };
  return { backend, scheduler, store, scanNow, requestScan };
}
