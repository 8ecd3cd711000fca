import { scoreTeam } from '@aws-ownership/backstage-plugin-common';
import type { TeamScorecard } from '../schema/types';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  createTestStore,
  instanceArn,
  ratedResource,
} from './__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function scorecard(
  teamRef: string,
  tagged: number,
  scanId: string,
): TeamScorecard {
  const ratings = Array.from(
    { length: 3 },
    (_, i) =>
      ratedResource({
        arn: instanceArn(`${teamRef.length}${i}`),
        tags:
          i < tagged
            ? {
                Name: `web-${i}`,
                environment: 'prod',
                'cost-center': 'cc',
                application: 'shop',
              }
            : {},
      }).rating,
  );
  return {
    ...scoreTeam(ratings),
    teamRef,
    displayName: `Team ${teamRef}`,
    scanId,
    stale: tagged === 0,
  };
}

describe('DatabaseAwsOwnershipStore teams', () => {
  it.each(databases.eachSupportedId())(
    'replaces the Group hierarchy from several scans at once, %p',
    async databaseId => {
      const store = await createTestStore(await databases.init(databaseId));
      const teams = Array.from({ length: 50 }, (_, i) => ({
        ref: `group:default/t${String(i).padStart(2, '0')}`,
        childRefs: [],
      }));
      await Promise.all([1, 2, 3, 4].map(() => store.replaceTeams(teams)));
      expect(await store.listTeams()).toEqual(teams);
    },
  );

  it.each(databases.eachSupportedId())(
    'replaces and lists the Group hierarchy, %p',
    async databaseId => {
      const store = await createTestStore(await databases.init(databaseId));
      expect(await store.listTeams()).toEqual([]);
      await store.replaceTeams([
        {
          ref: 'group:default/root',
          displayName: 'Root',
          childRefs: ['group:default/a'],
        },
        {
          ref: 'group:default/a',
          parentRef: 'group:default/root',
          childRefs: [],
        },
      ]);
      const next = [
        {
          ref: 'group:default/b',
          displayName: 'B',
          parentRef: 'group:default/root',
          childRefs: [],
        },
        { ref: 'group:default/root', childRefs: ['group:default/b'] },
      ];
      await store.replaceTeams(next);
      expect(await store.listTeams()).toEqual([next[0], next[1]]);
      const many = Array.from({ length: 9000 }, (_, i) => ({
        ref: `group:default/t${i}`,
        childRefs: [],
      }));
      await store.replaceTeams(many);
      expect(await store.listTeams()).toHaveLength(9000);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps score snapshots: latest with the previous scores, history, prune, %p',
    async databaseId => {
      const store = await createTestStore(await databases.init(databaseId));
      expect(await store.getLatestTeamScores()).toEqual({
        scorecards: [],
        previousScores: {},
      });
      expect(await store.pruneTeamScores(new Date())).toBe(0);

      const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12));
      const snapshots = [1, 2, 3].map(n => ({
        snapshotId: `s${n}`,
        computedAt: day(n),
        scorecards: [
          scorecard('group:default/payments', n - 1, `scan-${n}`),
          scorecard('unowned', 0, `scan-${n}`),
        ],
      }));
      for (const s of snapshots) await store.writeTeamScores(s);
      // writing a snapshot again replaces it
      await store.writeTeamScores(snapshots[2]);

      const latest = await store.getLatestTeamScores();
      expect(latest.computedAt).toBe(day(3).toISOString());
      expect(latest.scorecards).toEqual(
        snapshots[2].scorecards
          .map(s => ({ ...s, computedAt: day(3).toISOString() }))
          .sort((a, b) => (a.teamRef < b.teamRef ? -1 : 1)),
      );
      expect(latest.previousScores).toEqual({
        'group:default/payments': snapshots[1].scorecards[0].score,
        unowned: snapshots[1].scorecards[1].score,
      });
      expect(snapshots[1].scorecards[0].score).not.toBe(
        snapshots[2].scorecards[0].score,
      );

      const history = await store.getTeamHistory('group:default/payments');
      expect(history).toEqual(
        snapshots.map((s, i) => ({
          scanId: `scan-${i + 1}`,
          at: day(i + 1).toISOString(),
          score: s.scorecards[0].score,
          grade: s.scorecards[0].grade,
          resourceCount: 3,
        })),
      );
      expect(
        (
          await store.getTeamHistory('group:default/payments', { limit: 2 })
        ).map(p => p.at),
      ).toEqual([day(2).toISOString(), day(3).toISOString()]);
      expect(await store.getTeamHistory('group:default/none')).toEqual([]);

      expect(await store.pruneTeamScores(day(2))).toBe(1);
      expect(
        (await store.getTeamHistory('unowned')).map(p => p.scanId),
      ).toEqual(['scan-2', 'scan-3']);
      // the latest snapshot survives any cutoff
      expect(await store.pruneTeamScores(day(30))).toBe(1);
      expect(
        (await store.getTeamHistory('unowned')).map(p => p.scanId),
      ).toEqual(['scan-3']);
      expect((await store.getLatestTeamScores()).previousScores).toEqual({});
      expect((await store.getLatestTeamScores()).scorecards).toHaveLength(2);
    },
  );
});
