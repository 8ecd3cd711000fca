import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { getCheckDefinition } from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipChecksExtensionPoint } from '@aws-ownership/backstage-plugin-node';
import request from 'supertest';
import { awsOwnershipPlugin } from './plugin';

const accounts = [
  { accountId: '111122223333', regions: ['us-east-1', 'eu-west-1'] },
];

describe('awsOwnershipPlugin', () => {
  it('serves the configured accounts to a signed-in user', async () => {
    const { server } = await startTestBackend({
      features: [
        awsOwnershipPlugin,
        mockServices.rootConfig.factory({
          data: { awsOwnership: { accounts } },
        }),
      ],
    });

    const res = await request(server).get('/api/aws-ownership/accounts');
    expect(res.status).toBe(200);
    // no scan yet: no evidence coverage measured
    expect(res.body).toEqual({
      items: accounts.map(a => ({ ...a, source: 'config', coverage: [] })),
    });
  });

  it('refuses a request without credentials', async () => {
    const { server } = await startTestBackend({
      features: [
        awsOwnershipPlugin,
        mockServices.rootConfig.factory({
          data: { awsOwnership: { accounts } },
        }),
      ],
    });

    const res = await request(server)
      .get('/api/aws-ownership/accounts')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('answers the health check without credentials', async () => {
    const { server } = await startTestBackend({
      features: [awsOwnershipPlugin],
    });

    const res = await request(server)
      .get('/api/aws-ownership/health')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
  });

  it.each([
    [
      'a malformed account id',
      { accounts: [{ accountId: '1234', regions: ['us-east-1'] }] },
      /awsOwnership\.accounts\[0\]\.accountId: '1234' is not a 12-digit AWS account id/,
    ],
    [
      'a malformed region',
      { accounts: [{ accountId: '111122223333', regions: ['mars-1'] }] },
      /awsOwnership\.accounts\[0\]\.regions\[0\]/,
    ],
    ['an unknown key', { acounts: [] }, /awsOwnership\.acounts: unknown key/],
    [
      'a bad endpoint',
      { endpoint: 'localhost:4566' },
      /awsOwnership\.endpoint: 'localhost:4566' is not an http\(s\) URL/,
    ],
    [
      'a bad naming pattern',
      { checklists: { naming: { pattern: '([a-z' } } },
      /awsOwnership\.checklists\.naming\.pattern/,
    ],
    [
      'an unknown check id',
      { checklists: { checks: { disabled: ['naming.nope'] } } },
      /awsOwnership\.checklists\.checks\.disabled/,
    ],
    [
      'a bad schedule',
      { schedule: { frequency: { fortnights: 1 } } },
      /awsOwnership\.schedule/,
    ],
  ])(
    'refuses to start with %s, naming the key',
    async (_, awsOwnership, message) => {
      await expect(
        startTestBackend({
          features: [
            awsOwnershipPlugin,
            mockServices.rootConfig.factory({ data: { awsOwnership } }),
          ],
        }),
      ).rejects.toThrow(message);
    },
  );

  it('refuses a module check whose id is already taken', async () => {
    const clash = createBackendModule({
      pluginId: 'aws-ownership',
      moduleId: 'clash',
      register(env) {
        env.registerInit({
          deps: { checks: awsOwnershipChecksExtensionPoint },
          async init({ checks }) {
            checks.addChecks({
              ...getCheckDefinition('tagging.required')!,
              evaluate: () => ({ status: 'pass', message: '' }),
            });
          },
        });
      },
    });
    await expect(
      startTestBackend({ features: [awsOwnershipPlugin, clash] }),
    ).rejects.toThrow(/the check id 'tagging.required' is already taken/);
  });
});
