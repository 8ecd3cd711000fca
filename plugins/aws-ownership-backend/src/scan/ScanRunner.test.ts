import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { defaultChecklistConfig } from '@aws-ownership/backstage-plugin-common';
import { DatabaseAwsOwnershipStore } from '../database/DatabaseAwsOwnershipStore';
import { ScanRunner, type ScanRunnerOptions } from './ScanRunner';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const ACCOUNT = '111122223333';

const group = (name: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: parent
    ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
    : [],
});

// No credentials: the scan gets as far as resolving owners, then fails every
// region without calling AWS.
async function createRunner(
  catalog: ScanRunnerOptions['catalog'],
  options: Partial<ScanRunnerOptions> = {},
) {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseAwsOwnershipStore.create({
    database: mockServices.database({ knex }),
  });
  const runner = new ScanRunner({
    config: {
      accounts: [{ accountId: ACCOUNT, regions: ['us-east-1'] }],
      includeComplianceDetails: false,
      schedule: { frequency: { hours: 6 }, timeout: { minutes: 1 } },
      checklists: defaultChecklistConfig,
      collector: {
        requestsPerSecond: 15,
        maxAttempts: 1,
        writeBatchSize: 10,
        concurrency: 1,
      },
      evidence: {
        awsConfig: { enabled: false, requestsPerSecond: 5, maxAttempts: 1 },
      },
      history: { retention: { days: 1 } },
      reviews: { retentionDays: 730 },
    },
    store,
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    credentials: {
      getCredentialProvider: async () => {
        throw new Error('no role to assume');
      },
    },
    extraChecks: [],
    ...options,
  });
  return { runner, store };
}

describe('ScanRunner', () => {
  it('stores the catalog Groups as teams before the scan', async () => {
    const catalog = catalogServiceMock({
      entities: [group('payments'), group('checkout', 'payments')],
    });
    const { runner, store } = await createRunner(catalog);

    const scan = await runner.scanAccount(ACCOUNT, { trigger: 'schedule' });

    expect(await store.listTeams()).toEqual([
      expect.objectContaining({
        ref: 'group:default/checkout',
        parentRef: 'group:default/payments',
      }),
      expect.objectContaining({ ref: 'group:default/payments' }),
    ]);
    expect(scan.status).toBe('failed');
    expect(scan.regions).toEqual([
      expect.objectContaining({
        region: 'us-east-1',
        status: 'failed',
        error: `No credentials for account ${ACCOUNT}: Error: no role to assume`,
      }),
    ]);
  });

  it('waits for a catalog that has no Groups yet before resolving owners', async () => {
    const answers: Entity[][] = [[], [], [group('payments')]];
    const catalog = catalogServiceMock.mock({
      getEntities: async () => ({ items: answers.shift() ?? [] }),
    });
    const { runner, store } = await createRunner(catalog, {
      catalogWaitMs: 40,
    });

    await runner.scanAccount(ACCOUNT, { trigger: 'schedule' });

    expect(catalog.getEntities).toHaveBeenCalledTimes(3);
    expect(await store.listTeams()).toEqual([
      expect.objectContaining({ ref: 'group:default/payments' }),
    ]);
  });

  it('refuses an account that is not configured', async () => {
    const { runner } = await createRunner(catalogServiceMock());
    await expect(
      runner.scanAccount('999988887777', { trigger: 'manual' }),
    ).rejects.toThrow('Account 999988887777 is not in scope');
  });
});
