import { TestDatabases } from '@backstage/backend-test-utils';
import {
  createTeamScoreAccumulator,
  type TeamScore,
  unownedTeamRef,
} from '@aws-ownership/backstage-plugin-common';
import {
  ACCOUNT,
  OTHER_ACCOUNT,
  createTestStore,
  instanceArn,
  ratedResource,
  runScan,
} from './__testUtils__/fixtures';
import { retireAccounts } from './retireAccounts';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

type Store = Awaited<ReturnType<typeof createTestStore>>;

/** Every team's score added up from the kept region totals. */
async function fromTotals(store: Store): Promise<Record<string, TeamScore>> {
  const byTeam = new Map<
    string,
    ReturnType<typeof createTeamScoreAccumulator>
  >();
  for (const region of await store.listCurrentRegionTotals()) {
    for (const [team, totals] of Object.entries(region.totals)) {
      if (!byTeam.has(team)) byTeam.set(team, createTeamScoreAccumulator());
      byTeam.get(team)!.addTotals(totals);
    }
  }
  return Object.fromEntries([...byTeam].map(([t, a]) => [t, a.result()]));
}

/** Every team's score from reading every current resource, the long way. */
async function fromResources(store: Store): Promise<Record<string, TeamScore>> {
  const byTeam = new Map<
    string,
    ReturnType<typeof createTeamScoreAccumulator>
  >();
  for await (const batch of store.streamRatings()) {
    for (const row of batch) {
      const team = row.ownerRef ?? unownedTeamRef;
      if (!byTeam.has(team)) byTeam.set(team, createTeamScoreAccumulator());
      byTeam.get(team)!.add(row.rating);
    }
  }
  return Object.fromEntries([...byTeam].map(([t, a]) => [t, a.result()]));
}

const payments = 'group:default/payments';
const search = 'group:default/search';

const instance = (id: string, region: string, ownerRef?: string) =>
  ratedResource({
    arn: instanceArn(id, region),
    tags: ownerRef ? { owner: ownerRef.split('/')[1], Name: `web-${id}` } : {},
    ownerRef,
  });

describe('region totals', () => {
  it.each(databases.eachSupportedId())(
    'add up to the team scores of every current resource as scans commit, fail and move resources, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await createTestStore(knex);
      const bucket = (region: string) =>
        ratedResource({
          arn: 'arn:aws:s3:::shared-logs',
          sourceRegion: region,
          tags: { owner: 'search' },
          ownerRef: search,
        });

      await runScan(store, ACCOUNT, {
        'us-east-1': [
          instance('a', 'us-east-1', payments),
          instance('b', 'us-east-1', search),
          instance('c', 'us-east-1'),
        ],
        'eu-west-1': [
          instance('d', 'eu-west-1', payments),
          bucket('eu-west-1'),
        ],
      });
      await runScan(store, OTHER_ACCOUNT, {
        'us-east-1': [instance('e', 'us-east-1', payments)],
      });
      const first = await fromTotals(store);
      expect(first).toEqual(await fromResources(store));
      expect(first[payments].resourceCount).toBe(3);
      expect(first[search].resourceCount).toBe(2);
      expect(first[unownedTeamRef].resourceCount).toBe(1);
      // one row per current region: the replaced scans' rows went with their resources
      expect(Number((await knex('region_totals').count({ n: '*' }))[0].n)).toBe(
        3,
      );

      // eu-west-1 fails: its old rows stay (stale), but the bucket, now seen
      // from us-east-1, leaves them; b changed owner
      await runScan(store, ACCOUNT, {
        'us-east-1': [
          instance('a', 'us-east-1', payments),
          instance('b', 'us-east-1', payments),
          bucket('us-east-1'),
        ],
        'eu-west-1': 'failed',
      });
      const second = await fromTotals(store);
      expect(second).toEqual(await fromResources(store));
      expect(second[payments].resourceCount).toBe(4);
      expect(second[search].resourceCount).toBe(1);
      expect(second[unownedTeamRef]).toBeUndefined();
      expect(
        (await store.listCurrentRegionTotals()).find(
          r => r.accountId === ACCOUNT && r.region === 'eu-west-1',
        ),
      ).toMatchObject({ stale: true });
      expect(Number((await knex('region_totals').count({ n: '*' }))[0].n)).toBe(
        3,
      );

      // an account retired long ago leaves the totals with its resources
      await retireAccounts(knex, {
        inScope: [ACCOUNT],
        dropBefore: new Date(Date.now() + 60_000),
      });
      const third = await fromTotals(store);
      expect(third).toEqual(await fromResources(store));
      expect(third[payments].resourceCount).toBe(3);
      expect(
        await knex('region_totals').where('account_id', OTHER_ACCOUNT),
      ).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'are computed, once, for regions committed before totals were kept, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await createTestStore(knex);
      await runScan(store, ACCOUNT, {
        'us-east-1': [
          instance('a', 'us-east-1', payments),
          instance('b', 'us-east-1'),
        ],
      });
      const kept = await knex('region_totals').select();
      await knex('region_totals').delete();

      expect(await fromTotals(store)).toEqual(await fromResources(store));
      const stored = await knex('region_totals').select();
      expect(stored).toHaveLength(1);
      expect(JSON.parse(stored[0].totals)).toEqual(JSON.parse(kept[0].totals));
    },
  );
});
