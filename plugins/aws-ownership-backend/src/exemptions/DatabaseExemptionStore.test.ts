import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DatabaseExemptionStore } from './DatabaseExemptionStore';
import type { StoredExemption } from './types';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const exemption = (
  id: string,
  overrides: Partial<StoredExemption> = {},
): StoredExemption => ({
  id,
  checkId: 'responsibility.backup',
  severity: 'high',
  arns: ['arn:aws:s3:::scratch'],
  teamRef: 'group:default/blue',
  reason: 'Scratch data, rebuilt from source every night',
  expiresAt: '2026-12-10T00:00:00.000Z',
  status: 'pending',
  requestedBy: 'user:default/ann',
  requestedAt: '2026-11-29T00:00:00.000Z',
  ...overrides,
});

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  return DatabaseExemptionStore.create({
    database: mockServices.database({ knex }),
  });
}

describe('DatabaseExemptionStore', () => {
  it.each(databases.eachSupportedId())(
    'keeps an exemption, its approval, revocation and audit list, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const stored = exemption('ex-1', {
        selector: {
          resourceType: 's3:bucket',
          tag: { key: 'purpose', value: 'scratch' },
        },
      });
      await store.insert(stored);
      expect(await store.get('ex-1')).toEqual(stored);
      expect(await store.get('nope')).toBeUndefined();

      const approved = await store.transition({
        id: 'ex-1',
        from: ['pending'],
        to: 'active',
        actor: 'user:default/pat',
        at: '2026-11-29T01:00:00.000Z',
      });
      expect(approved).toEqual({
        ...stored,
        status: 'active',
        approvedBy: 'user:default/pat',
        approvedAt: '2026-11-29T01:00:00.000Z',
      });
      // a second approval finds it no longer pending
      expect(
        await store.transition({
          id: 'ex-1',
          from: ['pending'],
          to: 'active',
          actor: 'user:default/pat',
          at: '2026-11-29T01:00:01.000Z',
        }),
      ).toBeUndefined();
      await store.transition({
        id: 'ex-1',
        from: ['pending', 'active'],
        to: 'revoked',
        actor: 'user:default/sam',
        at: '2026-11-29T02:00:00.000Z',
      });
      expect(await store.listEvents('ex-1')).toEqual([
        {
          exemptionId: 'ex-1',
          action: 'requested',
          actor: 'user:default/ann',
          at: '2026-11-29T00:00:00.000Z',
        },
        {
          exemptionId: 'ex-1',
          action: 'approved',
          actor: 'user:default/pat',
          at: '2026-11-29T01:00:00.000Z',
        },
        {
          exemptionId: 'ex-1',
          action: 'revoked',
          actor: 'user:default/sam',
          at: '2026-11-29T02:00:00.000Z',
        },
      ]);
      expect(await store.get('ex-1')).toMatchObject({
        status: 'revoked',
        revokedBy: 'user:default/sam',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'lists by team and by status as of an instant, expiry at the boundary, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.insert(
        exemption('a', {
          status: 'active',
          expiresAt: '2026-12-01T00:00:00.000Z',
        }),
      );
      await store.insert(
        exemption('b', {
          status: 'pending',
          expiresAt: '2026-12-20T00:00:00.000Z',
        }),
      );
      await store.insert(
        exemption('c', { status: 'revoked', teamRef: 'group:default/red' }),
      );
      const ids = (list: StoredExemption[]) => list.map(e => e.id);
      const before = '2026-11-30T23:59:59.999Z';
      const at = '2026-12-01T00:00:00.000Z';
      expect(ids(await store.listActive(before))).toEqual(['a']);
      expect(ids(await store.listActive(at))).toEqual([]);
      expect(ids(await store.list({ status: 'expired', now: at }))).toEqual([
        'a',
      ]);
      expect(ids(await store.list({ status: 'pending', now: at }))).toEqual([
        'b',
      ]);
      expect(ids(await store.list({ status: 'revoked', now: at }))).toEqual([
        'c',
      ]);
      expect(
        ids(await store.list({ teamRef: 'group:default/blue', now: at })),
      ).toEqual(['a', 'b']);
      expect(
        ids(
          await store.list({
            now: before,
            expiringBefore: '2026-12-02T00:00:00.000Z',
          }),
        ),
      ).toEqual(['a']);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the exemptions of some teams that started, expired or were revoked in a window, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const after = '2026-12-01T00:00:00.000Z';
      const until = '2026-12-08T00:00:00.000Z';
      const inside = '2026-12-03T00:00:00.000Z';
      const before = '2026-11-20T00:00:00.000Z';
      const later = '2027-01-01T00:00:00.000Z';
      const approved = { approvedBy: 'user:default/pat' };
      for (const e of [
        // in: approved, stored active, revoked, expired (the end included)
        exemption('approved', {
          status: 'active',
          ...approved,
          approvedAt: inside,
          expiresAt: later,
        }),
        exemption('created-active', {
          status: 'active',
          requestedAt: inside,
          expiresAt: later,
        }),
        exemption('revoked', {
          status: 'revoked',
          ...approved,
          approvedAt: before,
          revokedBy: 'user:default/sam',
          revokedAt: inside,
          expiresAt: later,
        }),
        exemption('expired', {
          status: 'active',
          ...approved,
          approvedAt: before,
          expiresAt: until,
        }),
        exemption('lapsed', { requestedAt: before, expiresAt: inside }),
        // out: at the start, before it, after the end, nothing happened, another team
        exemption('at-start', {
          status: 'active',
          ...approved,
          approvedAt: after,
          expiresAt: later,
        }),
        exemption('expired-before', {
          status: 'active',
          ...approved,
          approvedAt: before,
          expiresAt: after,
        }),
        exemption('revoked-after', {
          status: 'revoked',
          ...approved,
          approvedAt: before,
          revokedAt: '2026-12-08T00:00:00.001Z',
          expiresAt: later,
        }),
        exemption('quiet', { requestedAt: inside, expiresAt: later }),
        exemption('red', {
          status: 'active',
          ...approved,
          approvedAt: inside,
          teamRef: 'group:default/red',
          expiresAt: later,
        }),
      ]) {
        await store.insert(e);
      }
      const ids = (list: StoredExemption[]) => list.map(e => e.id).sort();
      const blue = [
        'approved',
        'created-active',
        'expired',
        'lapsed',
        'revoked',
      ];
      expect(
        ids(
          await store.listChangedBetween({
            teamRefs: ['group:default/blue'],
            after,
            until,
          }),
        ),
      ).toEqual(blue);
      expect(ids(await store.listChangedBetween({ after, until }))).toEqual(
        [...blue, 'red'].sort(),
      );
      expect(
        await store.listChangedBetween({ teamRefs: [], after, until }),
      ).toEqual([]);
    },
  );
});
