import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { defaultChecklistConfig } from '@aws-ownership/backstage-plugin-common';
import type { AwsOwnershipStore } from '../database/types';
import { ScanRunner } from './ScanRunner';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments' },
  spec: { type: 'team', children: [] },
};

describe('ScanRunner', () => {
  it('waits for a catalog that has no Groups yet before resolving owners', async () => {
    const answers: Entity[][] = [[], [], [group]];
    const getEntities = jest.fn(async () => ({
      items: answers.shift() ?? [group],
    }));
    const replaceTeams = jest.fn(async () => {});
    const runner = new ScanRunner({
      config: {
        accounts: [{ accountId: '111122223333', regions: [] }],
        includeComplianceDetails: false,
        schedule: { frequency: { hours: 6 }, timeout: { minutes: 1 } },
        checklists: defaultChecklistConfig,
        collector: {
          requestsPerSecond: 15,
          maxAttempts: 1,
          writeBatchSize: 10,
        },
        history: { retention: { days: 1 } },
      },
      store: {
        abandonRunningScans: async () => 0,
        replaceTeams,
        claimPendingScan: async () => undefined,
        createScan: async () => {
          throw new Error('stop here');
        },
      } as unknown as AwsOwnershipStore,
      catalog: { getEntities } as any,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      credentials: { getCredentialProvider: jest.fn() },
      extraChecks: [],
      catalogWaitMs: 30,
    });
    await expect(
      runner.scanAccount('111122223333', { trigger: 'schedule' }),
    ).rejects.toThrow('stop here');
    expect(getEntities).toHaveBeenCalledTimes(3);
    expect(replaceTeams).toHaveBeenCalledWith([
      expect.objectContaining({ ref: 'group:default/payments' }),
    ]);
  });
});
