import type { DatabaseService } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { createTeamScoreAccumulator } from '@aws-ownership/backstage-plugin-common';
import type { Knex } from 'knex';
import {
  ACCOUNT,
  createTestStore,
  instanceArn,
  ratedResource,
  runScan,
} from '../database/__testUtils__/fixtures';
import { DatabaseReviewStore } from './DatabaseReviewStore';
import { diffResource } from './diffReviews';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const payments = 'group:default/payments';
const sre = 'group:default/sre';
const platform = 'group:default/platform';

async function setUp(knex: Knex) {
  const store = await createTestStore(knex);
  const reviews = await DatabaseReviewStore.create({
    database: {
      getClient: async () => knex,
      migrations: { skip: false },
    } as DatabaseService,
  });
  const empty = createTeamScoreAccumulator().result();
  // apart from the scans by a millisecond or two, as they are in life
  const tick = () => new Promise(resolve => setTimeout(resolve, 3));
  const review = async (id: string, previousReviewId?: string) => {
    await tick();
    await reviews.createReview(
      {
        id,
        entityRef: payments,
        includeDescendants: false,
        createdAt: new Date().toISOString(),
        displayName: 'Payments',
        ownerRefs: [payments],
        previousReviewId,
      },
      async () => ({ total: empty, teams: [] }),
    );
    await tick();
  };
  const changes = async (sinceId: string, reviewId: string) =>
    (await reviews.changedResources(sinceId, reviewId, { limit: 100 })).map(
      pair => {
        const change = diffResource(pair.before, pair.after);
        return [
          pair.arn,
          change?.kind,
          change?.owner,
          change?.move,
          change?.regressed,
          change?.fixed,
        ];
      },
    );
  return { store, reviews, review, changes };
}

describe('DatabaseReviewStore', () => {
  it.each(databases.eachSupportedId())(
    'tells a resource that came into a team since its last review from one new in AWS, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { store, reviews, review, changes } = await setUp(knex);
      const [a, b, c, d, e, g, h] = ['a', 'b', 'c', 'd', 'e', 'g', 'h'].map(
        id => instanceArn(id),
      );
      const scan = (owners: Record<string, string | undefined>) =>
        runScan(store, ACCOUNT, {
          'us-east-1': Object.entries(owners).map(([arn, ownerRef]) =>
            ratedResource({ arn, ownerRef }),
          ),
        });
      await scan({ [a]: sre, [b]: undefined, [c]: payments, [e]: payments });
      await scan({
        [a]: sre,
        [b]: undefined,
        [c]: payments,
        [e]: payments,
        [g]: sre,
        [h]: sre,
      });
      // g leaves sre for nobody before the first review: not the team's move
      await scan({
        [a]: sre,
        [b]: undefined,
        [c]: payments,
        [e]: payments,
        [g]: undefined,
        [h]: sre,
      });
      await review('r1');

      // a comes from sre, b from nobody, d is new in AWS, e leaves for sre,
      // h goes through platform
      await scan({
        [a]: payments,
        [b]: payments,
        [c]: payments,
        [d]: payments,
        [e]: sre,
        [g]: undefined,
        [h]: platform,
      });
      await scan({
        [a]: payments,
        [b]: payments,
        [c]: payments,
        [d]: payments,
        [e]: sre,
        [g]: payments,
        [h]: payments,
      });
      await review('r2', 'r1');
      expect(await changes('r1', 'r2')).toEqual([
        [a, 'changed', { from: sre, to: payments }, 'in', [], []],
        [b, 'changed', { from: undefined, to: payments }, 'in', [], []],
        [d, 'new', undefined, undefined, [], []],
        [e, 'changed', { from: payments, to: sre }, 'out', [], []],
        [g, 'changed', { from: undefined, to: payments }, 'in', [], []],
        // the owner when r1 was taken, not the last one before payments
        [h, 'changed', { from: sre, to: payments }, 'in', [], []],
      ]);
      // the moved-in resources count in the review's own snapshot
      const snapshot = [];
      for await (const batch of reviews.snapshotBatches('r2')) {
        snapshot.push(...batch.map(r => r.arn));
      }
      expect(snapshot).toEqual([a, b, c, d, g, h]);

      // e comes back: in from sre, measured from r2
      await scan({
        [a]: payments,
        [b]: payments,
        [c]: payments,
        [d]: payments,
        [e]: payments,
        [g]: payments,
        [h]: payments,
      });
      await review('r3', 'r2');
      expect(await changes('r2', 'r3')).toEqual([
        [e, 'changed', { from: sre, to: payments }, 'in', [], []],
      ]);
      // without a previous review, nothing is marked
      await review('r4');
      expect(
        await knex('review_resources')
          .where('review_id', 'r4')
          .whereNotNull('owner_before'),
      ).toEqual([]);
    },
  );
});
