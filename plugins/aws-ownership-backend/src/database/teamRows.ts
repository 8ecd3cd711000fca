import type { Grade } from '@aws-ownership/backstage-plugin-common';
import type { HistoryPoint, TeamScorecard } from '../schema/types';
import type { TeamRow, TeamScoreRow } from './tables';
import type { StoredTeam } from './types';

/** The row that keeps one Group. */
export function toTeamRow(team: StoredTeam): TeamRow {
  return {
    ref: team.ref,
    display_name: team.displayName ?? null,
    parent_ref: team.parentRef ?? null,
    child_refs: JSON.stringify(team.childRefs ?? []),
  };
}

/** The Group a `teams` row keeps. */
export function fromTeamRow(row: TeamRow): StoredTeam {
  const team: StoredTeam = {
    ref: row.ref,
    childRefs: JSON.parse(row.child_refs),
  };
  if (row.display_name !== null) team.displayName = row.display_name;
  if (row.parent_ref !== null) team.parentRef = row.parent_ref;
  return team;
}

/** The scorecard fields kept in `team_scores.data`. */
type StoredScorecardData = Omit<
  TeamScorecard,
  | 'teamRef'
  | 'computedAt'
  | 'score'
  | 'grade'
  | 'resourceCount'
  | 'failingResourceCount'
>;

/** The row that keeps one team's scorecard in a snapshot. */
export function toTeamScoreRow(
  snapshotId: string,
  computedAt: string,
  scorecard: TeamScorecard,
): TeamScoreRow {
  const {
    teamRef,
    computedAt: _ignored,
    score,
    grade,
    resourceCount,
    failingResourceCount,
    ...rest
  } = scorecard;
  const data: StoredScorecardData = rest;
  return {
    snapshot_id: snapshotId,
    team_ref: teamRef,
    computed_at: computedAt,
    score,
    grade,
    resource_count: resourceCount,
    failing_resource_count: failingResourceCount,
    data: JSON.stringify(data),
  };
}

/** The scorecard a `team_scores` row keeps. */
export function fromTeamScoreRow(row: TeamScoreRow): TeamScorecard {
  const data: StoredScorecardData = JSON.parse(row.data);
  return {
    ...data,
    teamRef: row.team_ref,
    computedAt: row.computed_at,
    score: Number(row.score),
    grade: row.grade as Grade,
    resourceCount: Number(row.resource_count),
    failingResourceCount: Number(row.failing_resource_count),
  };
}

/** One history point of a `team_scores` row. */
export function toHistoryPoint(row: TeamScoreRow): HistoryPoint {
  const data: Partial<StoredScorecardData> = JSON.parse(row.data);
  return {
    scanId: data.scanId ?? row.snapshot_id,
    at: row.computed_at,
    score: Number(row.score),
    grade: row.grade as Grade,
    resourceCount: Number(row.resource_count),
  };
}
