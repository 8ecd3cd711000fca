import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import request from 'supertest';
import { awsOwnershipPlugin } from '../plugin';
import { aggregateTeamScores } from '../scan/aggregateTeamScores';
import { exampleEntities } from '../__testUtils__/exampleEntities';
import {
  ACCOUNT,
  createTestStore,
  ratedResource,
  runScan,
} from '../database/__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const TEAM = 'group:default/payments';
const queueArn = `arn:aws:sqs:us-east-1:${ACCOUNT}:orders-queue`;
const otherArn = `arn:aws:sqs:us-east-1:${ACCOUNT}:search-queue`;
const ann = { header: () => mockCredentials.user.header('user:default/ann') };
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) =>
  new Date(Date.now() + days * DAY).toISOString();

/** A backend over a database holding one scan: a payments queue and a search queue. */
async function start(knex: Knex, permission?: AuthorizeResult.DENY) {
  const store = await createTestStore(knex);
  const scan = await runScan(store, ACCOUNT, {
    'us-east-1': [
      ratedResource({
        arn: queueArn,
        // fails only responsibility.escalation (medium: caps at 89.9) and a low check
        tags: {
          owner: 'payments',
          Name: 'orders-queue',
          environment: 'prod',
          'cost-center': 'cc',
          application: 'shop',
          'data-classification': 'internal',
        },
        ownerRef: TEAM,
      }),
      ratedResource({
        arn: otherArn,
        tags: { owner: 'search' },
        ownerRef: 'group:default/search',
      }),
    ],
  });
  await aggregateTeamScores({
    store,
    teams: [],
    snapshotId: scan.id,
    computedAt: new Date(),
  });
  const { server } = await startTestBackend({
    features: [
      awsOwnershipPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: exampleEntities() }),
      mockServices.rootConfig.factory({
        data: {
          awsOwnership: {
            accounts: [{ accountId: ACCOUNT, regions: ['us-east-1'] }],
          },
        },
      }),
      ...(permission
        ? [mockServices.permissions.factory({ result: permission })]
        : []),
    ],
  });
  return server;
}

describe('exemptions API', () => {
  it.each(databases.eachSupportedId())(
    'requests, approves, expires and revokes, applied to resources and scorecards at once, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const server = await start(knex);
      const api = request(server);
      const resource = async () =>
        (
          await api.get(
            `/api/aws-ownership/resources/${encodeURIComponent(queueArn)}`,
          )
        ).body;
      const before = await resource();
      const failing = before.rating.results.find(
        (r: { status: string; severity: string }) =>
          r.status === 'fail' && r.severity !== 'critical',
      );
      expect(failing).toBeDefined();
      const scoreBefore = (
        await api.get(
          `/api/aws-ownership/scorecards/${encodeURIComponent(TEAM)}`,
        )
      ).body;

      const requested = await api
        .post('/api/aws-ownership/exemptions')
        .set('Authorization', ann.header())
        .send({
          checkId: failing.checkId,
          arns: [queueArn],
          reason: 'The queue is drained and deleted next sprint',
          expiresAt: inDays(30),
        });
      expect(requested.status).toBe(201);
      expect(requested.body).toMatchObject({
        checkId: failing.checkId,
        severity: failing.severity,
        arns: [queueArn],
        teamRef: TEAM,
        status: 'pending',
        requestedBy: 'user:default/ann',
      });
      const id = requested.body.id;
      // pending: the check still fails
      expect((await resource()).rating.results).toContainEqual(
        expect.objectContaining({ checkId: failing.checkId, status: 'fail' }),
      );
      const pendingList = await api.get(
        `/api/aws-ownership/exemptions?entityRef=${encodeURIComponent(
          TEAM,
        )}&status=pending`,
      );
      expect(pendingList.body.items.map((e: { id: string }) => e.id)).toEqual([
        id,
      ]);

      const approved = await api.post(
        `/api/aws-ownership/exemptions/${id}/approve`,
      );
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        status: 'active',
        approvedBy: 'user:default/mock',
      });
      const exempted = await resource();
      expect(exempted.rating.results).toContainEqual(
        expect.objectContaining({
          checkId: failing.checkId,
          status: 'exempt',
          exemption: {
            id,
            reason: 'The queue is drained and deleted next sprint',
            expiresAt: approved.body.expiresAt,
          },
        }),
      );
      expect(exempted.rating.score).toBeGreaterThan(before.rating.score);
      const scoreAfter = (
        await api.get(
          `/api/aws-ownership/scorecards/${encodeURIComponent(TEAM)}`,
        )
      ).body;
      expect(scoreAfter.exemptResultCount).toBe(1);
      expect(scoreBefore).toMatchObject({
        resourceCount: 1,
        score: before.rating.score,
      });
      expect(scoreAfter.score).toBe(exempted.rating.score);
      expect(scoreAfter.score).toBeGreaterThan(scoreBefore.score);
      expect(
        (await api.get('/api/aws-ownership/exemptions?expiringWithinDays=29'))
          .body.items,
      ).toEqual([]);
      expect(
        (
          await api.get('/api/aws-ownership/exemptions?expiringWithinDays=31')
        ).body.items.map((e: { id: string }) => e.id),
      ).toEqual([id]);

      // its expiry comes: the check fails again at once
      const expiredAt = new Date(Date.now() - 1000).toISOString();
      await knex('exemptions').where({ id }).update({ expires_at: expiredAt });
      expect((await resource()).rating.results).toContainEqual(
        expect.objectContaining({ checkId: failing.checkId, status: 'fail' }),
      );
      expect(
        (
          await api.get(
            `/api/aws-ownership/scorecards/${encodeURIComponent(TEAM)}`,
          )
        ).body,
      ).toMatchObject({
        score: scoreBefore.score,
        exemptResultCount: 0,
      });
      expect(
        (await api.get('/api/aws-ownership/exemptions?status=expired')).body
          .items,
      ).toEqual([expect.objectContaining({ id, status: 'expired' })]);
      expect(
        (await api.post(`/api/aws-ownership/exemptions/${id}/approve`)).status,
      ).toBe(409);

      // a second one, revoked
      const second = await api
        .post('/api/aws-ownership/exemptions')
        .set('Authorization', ann.header())
        .send({
          checkId: failing.checkId,
          selector: { resourceType: 'sqs:queue' },
          teamRef: TEAM,
          reason: 'The queue is drained and deleted next sprint',
          expiresAt: inDays(10),
        });
      expect(second.status).toBe(201);
      expect(second.body.arns).toEqual([queueArn]);
      await api.post(`/api/aws-ownership/exemptions/${second.body.id}/approve`);
      const revoked = await api
        .post(`/api/aws-ownership/exemptions/${second.body.id}/revoke`)
        .set('Authorization', ann.header());
      expect(revoked.body).toMatchObject({
        status: 'revoked',
        revokedBy: 'user:default/ann',
      });
      expect((await resource()).rating.results).toContainEqual(
        expect.objectContaining({ checkId: failing.checkId, status: 'fail' }),
      );
      const events = await api.get(
        `/api/aws-ownership/exemptions/${second.body.id}/events`,
      );
      expect(
        events.body.items.map((e: { action: string; actor?: string }) => [
          e.action,
          e.actor,
        ]),
      ).toEqual([
        ['requested', 'user:default/ann'],
        ['approved', 'user:default/mock'],
        ['revoked', 'user:default/ann'],
      ]);
      expect(
        (
          await api.get(`/api/aws-ownership/exemptions/${id}/events`)
        ).body.items.map((e: { action: string }) => e.action),
      ).toEqual(['requested', 'approved', 'expired']);

      expect(
        (await api.post('/api/aws-ownership/exemptions/nope/approve')).status,
      ).toBe(404);
      expect(
        (await api.get('/api/aws-ownership/exemptions/nope/events')).status,
      ).toBe(404);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses bad input with 400 and a message, %p',
    async databaseId => {
      const server = await start(await databases.init(databaseId));
      const valid = {
        checkId: 'tagging.required',
        arns: [queueArn],
        reason: 'The queue is drained and deleted next sprint',
        expiresAt: inDays(30),
      };
      const cases: Array<[object, RegExp]> = [
        [{ ...valid, reason: 'because' }, /reason: at least 20 characters/],
        [{ ...valid, expiresAt: inDays(91) }, /at most 90 days/],
        [{ ...valid, expiresAt: 'tomorrow' }, /expiresAt: not a date/],
        [{ ...valid, checkId: 'tagging.nope' }, /no check tagging.nope/],
        [
          { ...valid, arns: [`${queueArn}-gone`] },
          /No current resource with ARN/,
        ],
        [{ ...valid, arns: [queueArn, otherArn] }, /several teams/],
        [
          { ...valid, arns: undefined, selector: { region: 'eu-west-1' } },
          /matches no current resource/,
        ],
        [
          { ...valid, arns: undefined, selector: {} },
          /either arns or a selector/,
        ],
        [{ ...valid, extra: 1 }, /additional properties/],
      ];
      for (const [body, message] of cases) {
        const res = await request(server)
          .post('/api/aws-ownership/exemptions')
          .send(body);
        expect({
          status: res.status,
          message: res.body.error?.message,
        }).toEqual({
          status: 400,
          message: expect.stringMatching(message),
        });
      }
      expect(
        (await request(server).get('/api/aws-ownership/exemptions?status=gone'))
          .status,
      ).toBe(400);
    },
  );

  it.each(databases.eachSupportedId())(
    'answers 403 without the permission, %p',
    async databaseId => {
      const server = await start(
        await databases.init(databaseId),
        AuthorizeResult.DENY,
      );
      const res = await request(server)
        .post('/api/aws-ownership/exemptions')
        .send({
          checkId: 'tagging.required',
          arns: [queueArn],
          reason: 'The queue is drained and deleted next sprint',
          expiresAt: inDays(30),
        });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/aws-ownership.exemption.request/);
    },
  );
});
