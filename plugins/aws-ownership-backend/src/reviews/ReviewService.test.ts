import { TestDatabases } from '@backstage/backend-test-utils';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { defaultChecklistConfig } from '@aws-ownership/backstage-plugin-common';
import type { Knex } from 'knex';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import {
  ACCOUNT,
  createTestStore,
  instanceArn,
  ratedResource,
  runScan,
} from '../database/__testUtils__/fixtures';
import type { AwsOwnershipConfig } from '../config/types';
import { DatabaseExemptionStore } from '../exemptions/DatabaseExemptionStore';
import type { StoredExemption } from '../exemptions/types';
import { DatabaseReviewStore } from './DatabaseReviewStore';
import { ReviewService } from './ReviewService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const payments = 'group:default/payments';
const sre = 'group:default/sre';
const tagged = {
  Name: 'orders-web-prod',
  owner: 'payments',
  environment: 'prod',
  'cost-center': 'cc-1234',
  application: 'orders',
};
const untagged = { Name: 'orders-web-prod', owner: 'payments' };

const config = {
  checklists: defaultChecklistConfig,
  reviews: { retentionDays: 730 },
} as AwsOwnershipConfig;

async function setUp(knex: Knex) {
  const store = await createTestStore(knex);
  const database = {
    getClient: async () => knex,
    migrations: { skip: false },
  } as DatabaseService;
  const reviewStore = await DatabaseReviewStore.create({ database });
  const exemptionStore = await DatabaseExemptionStore.create({ database });
  await store.replaceTeams([
    { ref: payments, displayName: 'Payments', childRefs: [] },
    { ref: sre, displayName: 'SRE', childRefs: [] },
  ]);
  const service = new ReviewService({
    config,
    store,
    reviews: reviewStore,
    exemptions: exemptionStore,
    catalog: catalogServiceMock({ entities: [] }),
    extraChecks: [],
  });
  return { store, reviewStore, exemptionStore, service };
}

const credentials = { credentials: mockCredentials.user() };

describe('reviews over the store', () => {
  it.each(databases.eachSupportedId())(
    'freezes a scope, reports exactly what changed, closes a satisfied action, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { store, reviewStore, service } = await setUp(knex);
      const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(id => instanceArn(id));
      await runScan(store, ACCOUNT, {
        'us-east-1': [
          ratedResource({ arn: a, tags: untagged, ownerRef: payments }),
          ratedResource({ arn: b, tags: tagged, ownerRef: payments }),
          ratedResource({ arn: c, tags: tagged, ownerRef: sre }),
        ],
      });
      const first = await service.createReview(
        { entityRef: 'organisation', title: 'Q4' },
        credentials,
      );
      expect(first).toMatchObject({
        entityRef: 'organisation',
        displayName: 'Organisation',
        title: 'Q4',
        total: { resourceCount: 3 },
        actions: [],
      });
      expect(first.previousReviewId).toBeUndefined();
      expect(first.teams.map(t => [t.teamRef, t.resourceCount])).toEqual([
        [payments, 2],
        [sre, 1],
      ]);
      const team = await service.createReview(
        { entityRef: 'payments' },
        credentials,
      );
      expect(team).toMatchObject({
        entityRef: payments,
        displayName: 'Payments',
        total: { resourceCount: 2 },
      });

      const sreReview = await service.createReview(
        { entityRef: 'group:default/sre' },
        credentials,
      );

      const action = await service.addAction(first.id, {
        title: 'Tag the orders instance',
        assignee: 'user:default/alice',
        due: '2026-12-31',
        checkId: 'tagging.required',
      });
      expect(action).toMatchObject({ status: 'open', arns: [a] });

      // the estate changes: a is tagged, b goes, d comes, c moves to payments
      const scan = await runScan(store, ACCOUNT, {
        'us-east-1': [
          ratedResource({ arn: a, tags: tagged, ownerRef: payments }),
          ratedResource({ arn: c, tags: tagged, ownerRef: payments }),
          ratedResource({ arn: d, tags: untagged, ownerRef: sre }),
        ],
      });
      const closed = await service.closeSatisfiedActions(scan.id);
      expect(closed).toEqual([
        expect.objectContaining({
          id: action.id,
          status: 'done',
          closedByScan: scan.id,
          note: expect.stringContaining('tagging.required passes'),
        }),
      ]);

      const second = await service.createReview(
        { entityRef: 'organisation' },
        credentials,
      );
      expect(second.previousReviewId).toBe(first.id);
      // the action closed after the first review, so it still shows there
      expect(second.actions).toEqual([]);
      expect((await service.getReview(first.id)).actions).toHaveLength(1);

      const changes = await service.getChanges(second.id, {});
      expect(changes.sinceReviewId).toBe(first.id);
      expect(
        changes.items.map(i => ({
          arn: i.arn,
          kind: i.kind,
          fixed: i.fixed,
          regressed: i.regressed,
          owner: i.owner,
        })),
      ).toEqual([
        {
          arn: a,
          kind: 'changed',
          fixed: expect.arrayContaining(['tagging.required']),
          regressed: [],
          owner: undefined,
        },
        { arn: b, kind: 'gone', fixed: [], regressed: [], owner: undefined },
        {
          arn: c,
          kind: 'changed',
          fixed: [],
          regressed: [],
          owner: { from: sre, to: payments },
        },
        { arn: d, kind: 'new', fixed: [], regressed: [], owner: undefined },
      ]);
      expect(changes.total.before?.score).toBe(first.total.score);
      expect(changes.total.after?.score).toBe(second.total.score);
      expect(
        changes.teams.find(t => t.teamRef === payments)?.change,
      ).toBeCloseTo(
        second.teams.find(t => t.teamRef === payments)!.score -
          first.teams.find(t => t.teamRef === payments)!.score,
        1,
      );

      // paging: one resource a page, same items in the end
      const arns: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await service.getChanges(second.id, { cursor, limit: 1 });
        arns.push(...page.items.map(i => i.arn));
        cursor = page.nextCursor;
      } while (cursor);
      expect(arns).toEqual([a, b, c, d]);

      // a team's next review shows what came in from another team as an
      // owner change into it, not as new
      const teamAgain = await service.createReview(
        { entityRef: 'payments' },
        credentials,
      );
      expect(teamAgain.total.resourceCount).toBe(2); // a and c
      const teamChanges = await service.getChanges(teamAgain.id, {});
      expect(teamChanges.sinceReviewId).toBe(team.id);
      expect(
        teamChanges.items.map(i => [
          i.arn,
          i.kind,
          i.owner,
          i.move,
          i.regressed,
          i.fixed,
        ]),
      ).toEqual([
        [a, 'changed', undefined, undefined, [], expect.any(Array)],
        [b, 'gone', undefined, undefined, [], []],
        [c, 'changed', { from: sre, to: payments }, 'in', [], []],
      ]);

      const sreAgain = await service.createReview(
        { entityRef: 'group:default/sre' },
        credentials,
      );
      expect(sreAgain.total.resourceCount).toBe(1); // d
      const sreChanges = await service.getChanges(sreAgain.id, {});
      expect(sreChanges.sinceReviewId).toBe(sreReview.id);
      // and where one it had went; what is new in AWS stays new
      expect(
        sreChanges.items.map(i => [i.arn, i.kind, i.owner, i.move]),
      ).toEqual([
        [c, 'changed', { from: sre, to: payments }, 'out'],
        [d, 'new', undefined, undefined],
      ]);
      expect(
        (await service.getFixes(sreAgain.id)).items.flatMap(f => f.arns),
      ).not.toContain(c);

      // `since` compares with any review; a team review's own scope stays apart
      const sinceTeam = await service.getChanges(second.id, { since: team.id });
      expect(sinceTeam.sinceReviewId).toBe(team.id);
      expect(await reviewStore.listReviews({ entityRef: payments })).toEqual([
        expect.objectContaining({ id: teamAgain.id }),
        expect.objectContaining({ id: team.id, grade: team.total.grade }),
      ]);
      expect(
        (await service.listReviews({ entityRef: 'organisation' })).map(
          r => r.id,
        ),
      ).toEqual([second.id, first.id]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the exemptions of the scope that started, expired or were revoked since the last review, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { store, exemptionStore, service } = await setUp(knex);
      const a = instanceArn('a');
      const b = instanceArn('b');
      await runScan(store, ACCOUNT, {
        'us-east-1': [
          ratedResource({ arn: a, tags: untagged, ownerRef: payments }),
          ratedResource({ arn: b, tags: untagged, ownerRef: sre }),
        ],
      });
      const tick = () => new Promise(resolve => setTimeout(resolve, 3));
      const long = new Date(Date.now() + 30 * 86_400_000).toISOString();
      const earlier = new Date(Date.now() - 86_400_000).toISOString();
      const exemption = (
        id: string,
        overrides: Partial<StoredExemption>,
      ): StoredExemption => ({
        id,
        checkId: 'tagging.required',
        severity: 'high',
        arns: [a],
        teamRef: payments,
        reason: 'Tagged by the platform pipeline from next quarter on',
        expiresAt: long,
        status: 'active',
        requestedBy: 'user:default/ann',
        requestedAt: earlier,
        approvedBy: 'user:default/pat',
        approvedAt: earlier,
        ...overrides,
      });
      // in force before the first reviews: one to revoke
      await exemptionStore.insert(exemption('to-revoke', {}));
      await exemptionStore.insert(
        exemption('to-approve', {
          status: 'pending',
          approvedBy: undefined,
          approvedAt: undefined,
        }),
      );
      await exemptionStore.insert(
        exemption('sre', {
          arns: [b],
          teamRef: sre,
          status: 'pending',
          approvedBy: undefined,
          approvedAt: undefined,
        }),
      );

      const first = await service.createReview(
        { entityRef: payments },
        credentials,
      );
      const org = await service.createReview(
        { entityRef: 'organisation' },
        credentials,
      );
      expect((await service.getChanges(first.id, {})).exemptions).toEqual([]);

      // one approved long ago that expires before the next reviews
      const expiresAt = new Date(Date.now() + 300).toISOString();
      await exemptionStore.insert(exemption('to-expire', { expiresAt }));
      const between = async () => {
        await tick();
        return new Date().toISOString();
      };
      await exemptionStore.transition({
        id: 'to-approve',
        from: ['pending'],
        to: 'active',
        actor: 'user:default/pat',
        at: await between(),
      });
      await exemptionStore.transition({
        id: 'sre',
        from: ['pending'],
        to: 'active',
        actor: 'user:default/pat',
        at: await between(),
      });
      const revokedAt = await between();
      await exemptionStore.transition({
        id: 'to-revoke',
        from: ['active'],
        to: 'revoked',
        actor: 'user:default/sam',
        at: revokedAt,
      });
      await new Promise(resolve =>
        setTimeout(resolve, Date.parse(expiresAt) - Date.now() + 5),
      );
      const second = await service.createReview(
        { entityRef: payments },
        credentials,
      );
      const changes = await service.getChanges(second.id, {});
      expect(
        changes.exemptions!.map(e => [e.exemptionId, e.change, e.by]),
      ).toEqual([
        ['to-approve', 'started', 'user:default/pat'],
        ['to-revoke', 'revoked', 'user:default/sam'],
        ['to-expire', 'expired', undefined],
      ]);
      expect(changes.exemptions![1]).toEqual({
        exemptionId: 'to-revoke',
        change: 'revoked',
        at: revokedAt,
        by: 'user:default/sam',
        checkId: 'tagging.required',
        teamRef: payments,
        resourceCount: 1,
        arns: [a],
        reason: 'Tagged by the platform pipeline from next quarter on',
        expiresAt: long,
        requestedBy: 'user:default/ann',
        approvedBy: 'user:default/pat',
      });
      // the first page only
      const cursor = Buffer.from(a).toString('base64url');
      expect(
        (await service.getChanges(second.id, { cursor })).exemptions,
      ).toBeUndefined();

      // the organisation's review lists every team's
      const orgAgain = await service.createReview(
        { entityRef: 'organisation' },
        credentials,
      );
      const orgChanges = await service.getChanges(orgAgain.id, {});
      expect(orgChanges.sinceReviewId).toBe(org.id);
      expect(orgChanges.exemptions!.map(e => e.exemptionId)).toEqual([
        'to-approve',
        'sre',
        'to-revoke',
        'to-expire',
      ]);
      // and compared with a later review, the window is the same
      expect(
        (
          await service.getChanges(first.id, { since: second.id })
        ).exemptions!.map(e => e.exemptionId),
      ).toEqual(['to-approve', 'to-revoke', 'to-expire']);
    },
  );

  it.each(databases.eachSupportedId())(
    'carries open actions into the next review and prunes old reviews, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { store, reviewStore, service } = await setUp(knex);
      await runScan(store, ACCOUNT, {
        'us-east-1': [
          ratedResource({
            arn: instanceArn('a'),
            tags: untagged,
            ownerRef: payments,
          }),
        ],
      });
      const first = await service.createReview(
        { entityRef: payments },
        credentials,
      );
      const open = await service.addAction(first.id, {
        title: 'Agree a cost centre',
        assignee: 'group:default/payments',
      });
      const dropped = await service.addAction(first.id, {
        title: 'Drop me',
        assignee: 'alice',
      });
      expect(dropped.assignee).toBe('user:default/alice');
      await service.updateAction(dropped.id, { status: 'dropped', note: 'no' });
      const second = await service.createReview(
        { entityRef: payments },
        credentials,
      );
      expect(second.actions.map(a => a.id)).toEqual([open.id]);

      expect(await reviewStore.pruneReviews(new Date(Date.now() + 1000))).toBe(
        2,
      );
      expect(await reviewStore.listReviews()).toEqual([]);
      expect(await reviewStore.getAction(open.id)).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'ranks the fixes of a review with the rules package, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { store, service } = await setUp(knex);
      await runScan(store, ACCOUNT, {
        'us-east-1': [
          ratedResource({
            arn: instanceArn('a'),
            tags: untagged,
            ownerRef: payments,
          }),
          ratedResource({
            arn: instanceArn('b'),
            tags: tagged,
            ownerRef: payments,
          }),
        ],
      });
      const review = await service.createReview(
        { entityRef: payments },
        credentials,
      );
      const fixes = await service.getFixes(review.id);
      const tag = fixes.items.find(f => f.checkId === 'tagging.required');
      expect(tag).toMatchObject({
        arns: [instanceArn('a')],
        title: expect.any(String),
        before: { score: review.total.score, grade: review.total.grade },
      });
      expect(tag!.gain).toBeGreaterThan(0);
      expect(fixes.items.map(f => f.gainPerResource)).toEqual(
        [...fixes.items.map(f => f.gainPerResource)].sort((x, y) => y - x),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses bad input with a message, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { service } = await setUp(knex);
      await expect(
        service.createReview({ entityRef: 'component:default/x' }, credentials),
      ).rejects.toThrow(/expected Groups/);
      await expect(
        service.createReview(
          { entityRef: 'group:default/nobody' },
          credentials,
        ),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      const review = await service.createReview(
        { entityRef: 'organisation' },
        credentials,
      );
      await expect(
        service.addAction(review.id, { title: 'x', assignee: 'component:a' }),
      ).rejects.toThrow(/user or group/);
      await expect(
        service.addAction(review.id, {
          title: 'x',
          assignee: 'alice',
          due: '2026-02-30',
        }),
      ).rejects.toThrow(/due must be a date/);
      await expect(
        service.addAction(review.id, {
          title: 'x',
          assignee: 'alice',
          checkId: 'no.such',
        }),
      ).rejects.toThrow(/no check no.such/);
      await expect(service.getReview('nope')).rejects.toMatchObject({
        name: 'NotFoundError',
      });
      await expect(
        service.updateAction('nope', { status: 'done' }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      await expect(
        service.getChanges(review.id, { cursor: 'garbage' }),
      ).resolves.toMatchObject({ items: [] });
    },
  );
});
