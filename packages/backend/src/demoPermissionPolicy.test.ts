import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import awsOwnershipPlugin from '@aws-ownership/backstage-plugin-backend';
import request from 'supertest';
// the plugin's own test fixtures write a scan the way the scanner does (its
// store is not part of its public API)
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  ACCOUNT,
  createTestStore,
  ratedResource,
  runScan,
} from '../../../plugins/aws-ownership-backend/src/database/__testUtils__/fixtures';
import { DemoPermissionPolicy } from './demoPermissionPolicy';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const PAYMENTS = 'group:default/payments';
const PLATFORM = 'group:default/platform';
const arn = `arn:aws:sqs:us-east-1:${ACCOUNT}:orders-queue`;

/** Who is in which Group, as the catalog would say. */
const memberships: Record<string, string[]> = {
  'user:default/ann': [PAYMENTS],
  'user:default/bob': ['group:default/search'],
  'user:default/pat': [PLATFORM],
  'user:default/carl': [PLATFORM, PAYMENTS],
};

const as = (user: string) => mockCredentials.user.header(user);

/** The permissions service deciding with the demo policy, users' Groups from `memberships`. */
function policyPermissions() {
  const policy = new DemoPermissionPolicy();
  const decide = async (
    requests: Array<{ permission: any }>,
    options: { credentials: BackstageCredentials },
  ) => {
    const principal = options.credentials.principal as {
      userEntityRef?: string;
    };
    const user = principal.userEntityRef
      ? ({
          info: {
            userEntityRef: principal.userEntityRef,
            ownershipEntityRefs: [
              principal.userEntityRef,
              ...(memberships[principal.userEntityRef] ?? []),
            ],
          },
        } as PolicyQueryUser)
      : undefined;
    return Promise.all(
      requests.map(r => policy.handle({ permission: r.permission }, user)),
    ) as Promise<any>;
  };
  return mockServices.permissions.mock({
    authorize: decide,
    authorizeConditional: decide,
  }).factory;
}

describe('the demo permission policy on exemptions', () => {
  it.each(databases.eachSupportedId())(
    'lets the owning team request, platform approve, and no team approve its own critical exemption, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await runScan(await createTestStore(knex), ACCOUNT, {
        'us-east-1': [
          ratedResource({
            arn,
            // a secret in a tag fails tagging.no-secrets, a critical check
            tags: { owner: 'payments', 'db-password': 'Sup3red20gf!' },
            ownerRef: PAYMENTS,
          }),
        ],
      });
      const { server } = await startTestBackend({
        features: [
          awsOwnershipPlugin,
          policyPermissions(),
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: [] }),
        ],
      });
      const api = request(server);
      const ask = (user: string) =>
        api
          .post('/api/aws-ownership/exemptions')
          .set('Authorization', as(user))
          .send({
            checkId: 'tagging.no-secrets',
            arns: [arn],
            reason: 'A test password of a throw-away local database',
            expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          });

      expect((await ask('user:default/bob')).status).toBe(403);
      const requested = await ask('user:default/ann');
      expect(requested.status).toBe(201);
      expect(requested.body).toMatchObject({
        severity: 'critical',
        teamRef: PAYMENTS,
      });
      const approve = (user: string) =>
        api
          .post(`/api/aws-ownership/exemptions/${requested.body.id}/approve`)
          .set('Authorization', as(user));

      // not an approver
      expect((await approve('user:default/ann')).status).toBe(403);
      // an approver, but of the team that asked, for a critical check
      const own = await approve('user:default/carl');
      expect(own.status).toBe(403);
      expect(own.body.error.message).toMatch(/aws-ownership.exemption.approve/);
      // an approver of another team
      const approved = await approve('user:default/pat');
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        status: 'active',
        approvedBy: 'user:default/pat',
      });
      // the owning team revokes its own; another team does not
      const revoke = (user: string) =>
        api
          .post(`/api/aws-ownership/exemptions/${requested.body.id}/revoke`)
          .set('Authorization', as(user));
      expect((await revoke('user:default/bob')).status).toBe(403);
      expect((await revoke('user:default/ann')).status).toBe(200);
    },
  );
});
