import { ConfigReader } from '@backstage/config';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readAwsOwnershipConfig } from '../config/readAwsOwnershipConfig';
import { createTestStore } from '../database/__testUtils__/fixtures';
import { DefaultAwsOwnershipService } from './DefaultAwsOwnershipService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const ACCOUNT = '111122223333';

async function serviceWith(databaseId: TestDatabaseId, triggerTask: jest.Mock) {
  const knex = await databases.init(databaseId);
  const store = await createTestStore(knex);
  const config = readAwsOwnershipConfig(
    new ConfigReader({
      awsOwnership: {
        accounts: [{ accountId: ACCOUNT, regions: ['us-east-1'] }],
      },
    }),
  );
  const service = new DefaultAwsOwnershipService({
    config,
    store,
    scheduler: mockServices.scheduler.mock({ triggerTask }),
    catalog: catalogServiceMock(),
    extraChecks: [],
  });
  return { service, store, knex };
}

describe('DefaultAwsOwnershipService.startScan', () => {
  it.each(databases.eachSupportedId())(
    'withdraws a request the scheduler will not run now, and answers 409, %p',
    async databaseId => {
      const triggerTask = jest
        .fn()
        .mockRejectedValue(new ConflictError('Task is currently running'));
      const { service, store } = await serviceWith(databaseId, triggerTask);
      const running = await store.createScan({
        accountId: ACCOUNT,
        regions: ['us-east-1'],
        trigger: 'schedule',
      });
      // the running scan is seen before the scheduler is asked
      await expect(service.startScan({})).rejects.toMatchObject({
        name: 'ConflictError',
        runningScanIds: [running.id],
      });
      expect(triggerTask).not.toHaveBeenCalled();

      // the task runs but is between scans: the scheduler refuses
      await store.completeScan(running.id, {
        status: 'succeeded',
        regions: [],
        progress: {
          regionsTotal: 0,
          regionsDone: 0,
          resourcesCollected: 0,
          resourcesRated: 0,
        },
      });
      await expect(service.startScan({})).rejects.toMatchObject({
        name: 'ConflictError',
        runningScanIds: [],
      });
      expect(triggerTask).toHaveBeenCalledTimes(1);
      const scans = await store.listScans({ accountId: ACCOUNT });
      expect(scans.map(s => s.status)).toEqual(['succeeded']);
    },
  );

  it.each(databases.eachSupportedId())(
    'is not blocked by a scan left running by a process that stopped, %p',
    async databaseId => {
      const triggerTask = jest.fn().mockResolvedValue(undefined);
      const { service, store, knex } = await serviceWith(
        databaseId,
        triggerTask,
      );
      const dead = await store.createScan({
        accountId: ACCOUNT,
        regions: ['us-east-1'],
        trigger: 'schedule',
      });
      await knex('scans')
        .where('id', dead.id)
        .update({ updated_at: new Date(Date.now() - 600_000).toISOString() });
      const [scan] = await service.startScan({});
      expect(scan).toMatchObject({ status: 'pending', trigger: 'manual' });
      expect(triggerTask).toHaveBeenCalledTimes(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a request that a run claimed while the scheduler refused, %p',
    async databaseId => {
      let claim = async () => {};
      const triggerTask = jest.fn().mockImplementation(async () => {
        await claim();
        throw new ConflictError('Task is currently running');
      });
      const { service, store } = await serviceWith(databaseId, triggerTask);
      claim = async () => {
        await store.claimPendingScan(ACCOUNT);
      };
      const [scan] = await service.startScan({
        requestedBy: 'user:default/me',
      });
      expect((await store.getScan(scan.id))?.status).toBe('running');
    },
  );
});
