import {
  createTeamScoreAccumulator,
  TeamScoreAccumulator,
  unownedTeamRef,
} from '@aws-ownership/backstage-plugin-common';
import type { TeamScorecard } from '../schema/types';
import type { AwsOwnershipStore, StoredTeam } from '../database/types';

/**
 * Computes every team's scorecard (and the `unowned` one) over the current
 * resources and stores them as one snapshot of the history. Each current
 * region's totals by team were kept when it committed (region_totals), so
 * this adds up a few numbers per region and team, not every resource: with
 * hundreds of accounts committing one after another, re-reading the whole
 * organisation after each would take longer than the scans.
 */
export async function aggregateTeamScores(options: {
  store: AwsOwnershipStore;
  teams: StoredTeam[];
  snapshotId: string;
  computedAt: Date;
}): Promise<TeamScorecard[]> {
  const { store, teams, snapshotId, computedAt } = options;
  const byTeam = new Map<string, TeamScoreAccumulator>([
    [unownedTeamRef, createTeamScoreAccumulator()],
  ]);
  const staleTeams = new Set<string>();
  for (const region of await store.listCurrentRegionTotals()) {
    for (const [team, totals] of Object.entries(region.totals)) {
      let accumulator = byTeam.get(team);
      if (!accumulator) {
        accumulator = createTeamScoreAccumulator();
        byTeam.set(team, accumulator);
      }
      accumulator.addTotals(totals);
      if (region.stale) staleTeams.add(team);
    }
  }
  const names = new Map(teams.map(t => [t.ref, t.displayName]));
  const scorecards: TeamScorecard[] = [...byTeam].map(
    ([teamRef, accumulator]) => ({
      teamRef,
      displayName:
        teamRef === unownedTeamRef ? 'Unowned' : names.get(teamRef) ?? teamRef,
      ...accumulator.result(),
      scanId: snapshotId,
      computedAt: computedAt.toISOString(),
      stale: staleTeams.has(teamRef),
    }),
  );
  await store.writeTeamScores({ snapshotId, computedAt, scorecards });
  return scorecards;
}
