import {
  createTeamScoreAccumulator,
  TeamScoreAccumulator,
  unownedTeamRef,
} from '@aws-ownership/backstage-plugin-common';
import type { TeamScorecard } from '../schema/types';
import type { AwsOwnershipStore, StoredTeam } from '../database/types';

/**
 * Computes every team's scorecard (and the `unowned` one) over the current
 * resources with the common package's team score accumulator, streaming the
 * ratings so memory stays bounded by the number of teams, and stores them as
 * one snapshot of the history.
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
  for await (const batch of store.streamRatings()) {
    for (const row of batch) {
      const team = row.ownerRef ?? unownedTeamRef;
      let accumulator = byTeam.get(team);
      if (!accumulator) {
        accumulator = createTeamScoreAccumulator();
        byTeam.set(team, accumulator);
      }
      accumulator.add(row.rating);
      if (row.stale) staleTeams.add(team);
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
