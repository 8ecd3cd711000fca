import type {
  ScoreAndGrade,
  TeamScore,
} from '@aws-ownership/backstage-plugin-common';
import { decodeCheckStatuses } from '../database/checkStatusCodec';
import type {
  FrozenTeamScore,
  ResourceChange,
  ScoreDelta,
  SnapshotResource,
  TeamDelta,
} from './types';

const round = (value: number) => Math.round(value * 10) / 10;

function statuses(resource: SnapshotResource | undefined): Map<string, string> {
  return new Map(
    resource
      ? decodeCheckStatuses(resource.checkStatuses).map(r => [
          r.checkId,
          r.status,
        ])
      : [],
  );
}

/**
 * What changed for one resource between two snapshots (`before` or `after`
 * absent: it is new or gone); undefined when nothing a meeting cares about
 * changed. Neither a new resource's failures nor a gone one's fixes are
 * claimed. A resource that came into a team scope (`after.move === 'in'`,
 * absent from `before`) is an owner change, not new: its checks before are
 * not known, so no regression or fix is claimed for it either.
 */
export function diffResource(
  before: SnapshotResource | undefined,
  after: SnapshotResource | undefined,
): ResourceChange | undefined {
  const either = (after ?? before)!;
  const was = statuses(before);
  const now = statuses(after);
  const regressed: string[] = [];
  const fixed: string[] = [];
  if (before && after) {
    for (const [checkId, status] of now) {
      const previous = was.get(checkId);
      if (status === 'fail' && previous !== undefined && previous !== 'fail') {
        regressed.push(checkId);
      }
      if (status === 'pass' && previous === 'fail') fixed.push(checkId);
    }
  }
  const movedIn = !before && after?.move === 'in';
  const owner = movedIn
    ? { from: after.ownerBefore, to: after.ownerRef }
    : before && after && { from: before.ownerRef, to: after.ownerRef };
  const ownerChanged = owner && (owner.from ?? '') !== (owner.to ?? '');
  let kind: ResourceChange['kind'] = 'changed';
  if (!before && !movedIn) kind = 'new';
  else if (!after) kind = 'gone';
  if (
    kind === 'changed' &&
    !regressed.length &&
    !fixed.length &&
    !ownerChanged
  ) {
    return undefined;
  }
  return {
    arn: either.arn,
    name: either.name,
    resourceType: either.resourceType,
    kind,
    regressed,
    fixed,
    ...(ownerChanged ? { owner } : {}),
    ...(ownerChanged && after?.move ? { move: after.move } : {}),
    scoreBefore: before?.score,
    scoreAfter: after?.score,
  };
}

function delta(
  before: ScoreAndGrade | undefined,
  after: ScoreAndGrade | undefined,
): ScoreDelta {
  const pick = (s?: ScoreAndGrade) => s && { score: s.score, grade: s.grade };
  return {
    before: pick(before),
    after: pick(after),
    change: before && after ? round(after.score - before.score) : undefined,
  };
}

/** How a scorecard and each of its checklists moved between two reviews. */
export function diffScore(
  teamRef: string,
  displayName: string,
  before: TeamScore | undefined,
  after: TeamScore | undefined,
): TeamDelta {
  const checklists = new Set([
    ...Object.keys(before?.checklists ?? {}),
    ...Object.keys(after?.checklists ?? {}),
  ]);
  const of = (score: TeamScore | undefined, checklist: string) =>
    (score?.checklists as Record<string, ScoreAndGrade> | undefined)?.[
      checklist
    ];
  return {
    teamRef,
    displayName,
    ...delta(before, after),
    checklists: Object.fromEntries(
      [...checklists].map(c => [c, delta(of(before, c), of(after, c))]),
    ),
  };
}

/** Every team's movement between two reviews: the teams of either, in the later review's order, then those gone. */
export function diffTeams(
  before: ReadonlyArray<FrozenTeamScore>,
  after: ReadonlyArray<FrozenTeamScore>,
): TeamDelta[] {
  const earlier = new Map(before.map(t => [t.teamRef, t]));
  const later = new Set(after.map(t => t.teamRef));
  return [
    ...after.map(t =>
      diffScore(t.teamRef, t.displayName, earlier.get(t.teamRef), t),
    ),
    ...before
      .filter(t => !later.has(t.teamRef))
      .map(t => diffScore(t.teamRef, t.displayName, t, undefined)),
  ];
}
