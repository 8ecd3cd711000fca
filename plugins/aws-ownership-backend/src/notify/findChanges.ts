import {
  severityWeights,
  unownedTeamRef,
  type Grade,
} from '@aws-ownership/backstage-plugin-common';
import type { TeamScorecard } from '../schema/types';
import type { ExpiringExemption, OwnershipChange } from './types';

type FailingCheck = TeamScorecard['failingChecks'][number];

const gradesBestFirst: ReadonlyArray<Grade> = ['A', 'B', 'C', 'D', 'F'];

/** A failing check of a team with how many more of its resources fail it than before. */
export interface WorsenedCheck extends FailingCheck {
  /** Resources failing it now minus before. */
  newlyFailing: number;
}

/** A team whose grade fell between two snapshots. */
export interface GradeDrop {
  teamRef: string;
  displayName: string;
  from: Grade;
  to: Grade;
  fromScore: number;
  toScore: number;
  /** The checks more of its resources fail than before, weightiest first. */
  causes: WorsenedCheck[];
}

/** A team with critical checks that none of its resources failed before. */
export interface CriticalFailures {
  teamRef: string;
  displayName: string;
  checks: FailingCheck[];
}

const failingCount = (card: TeamScorecard | undefined, checkId: string) =>
  card?.failingChecks.find(c => c.checkId === checkId)?.failingResources ?? 0;

const byRef = (cards: ReadonlyArray<TeamScorecard>) =>
  new Map(cards.map(c => [c.teamRef, c]));

/** The checks that more of a team's resources fail now than before, weightiest first. */
export function worsenedChecks(
  before: TeamScorecard | undefined,
  now: TeamScorecard,
): WorsenedCheck[] {
  return now.failingChecks
    .map(c => ({
      ...c,
      newlyFailing: c.failingResources - failingCount(before, c.checkId),
    }))
    .filter(c => c.newlyFailing > 0)
    .sort(
      (a, b) =>
        b.newlyFailing * severityWeights[b.severity] -
          a.newlyFailing * severityWeights[a.severity] ||
        a.checkId.localeCompare(b.checkId),
    );
}

/**
 * Teams (not `unowned`) whose grade fell by at least `minimumSteps` grades
 * (A to B is one) from the previous snapshot to the current one.
 */
export function findGradeDrops(
  previous: ReadonlyArray<TeamScorecard>,
  current: ReadonlyArray<TeamScorecard>,
  minimumSteps = 1,
): GradeDrop[] {
  const before = byRef(previous);
  const drops: GradeDrop[] = [];
  for (const now of current) {
    const then = before.get(now.teamRef);
    if (!then || now.teamRef === unownedTeamRef) continue;
    const steps =
      gradesBestFirst.indexOf(now.grade) - gradesBestFirst.indexOf(then.grade);
    if (steps < minimumSteps) continue;
    drops.push({
      teamRef: now.teamRef,
      displayName: now.displayName ?? now.teamRef,
      from: then.grade,
      to: now.grade,
      fromScore: then.score,
      toScore: now.score,
      causes: worsenedChecks(then, now),
    });
  }
  return drops;
}

/**
 * Teams (not `unowned`) with critical checks that their resources fail now
 * and none did in the previous snapshot.
 */
export function findNewCriticalFailures(
  previous: ReadonlyArray<TeamScorecard>,
  current: ReadonlyArray<TeamScorecard>,
): CriticalFailures[] {
  const before = byRef(previous);
  return current
    .filter(now => now.teamRef !== unownedTeamRef)
    .map(now => ({
      teamRef: now.teamRef,
      displayName: now.displayName ?? now.teamRef,
      checks: now.failingChecks.filter(
        c =>
          c.severity === 'critical' &&
          c.failingResources > 0 &&
          failingCount(before.get(now.teamRef), c.checkId) === 0,
      ),
    }))
    .filter(t => t.checks.length > 0);
}

/**
 * Splits ownership changes into resources newly attributed to each known team
 * and resources that had a known team and now have none (or a dangling owner).
 */
export function groupOwnershipChanges(
  changes: ReadonlyArray<OwnershipChange>,
  teamRefs: ReadonlySet<string>,
): { attributed: Map<string, OwnershipChange[]>; unowned: OwnershipChange[] } {
  const owned = (ref?: string): ref is string =>
    ref !== undefined && teamRefs.has(ref);
  const attributed = new Map<string, OwnershipChange[]>();
  const unowned: OwnershipChange[] = [];
  for (const change of changes) {
    if (owned(change.ownerRef)) {
      if (change.ownerRef === change.previousOwnerRef) continue;
      const list = attributed.get(change.ownerRef) ?? [];
      list.push(change);
      attributed.set(change.ownerRef, list);
    } else if (owned(change.previousOwnerRef)) {
      unowned.push(change);
    }
  }
  return { attributed, unowned };
}

/**
 * The active exemptions that came within `withinDays` of their expiry since
 * the previous team-score pass, by team: each is told once, by the first pass
 * that finds it in the window (none without a previous pass, the baseline).
 */
export function findExpiringExemptions(
  exemptions: ReadonlyArray<ExpiringExemption>,
  window: { previousAt?: string; now: Date; withinDays: number },
): Map<string, ExpiringExemption[]> {
  const byTeam = new Map<string, ExpiringExemption[]>();
  if (!window.previousAt) return byTeam;
  const lead = window.withinDays * 24 * 60 * 60 * 1000;
  const from = Date.parse(window.previousAt) + lead;
  const to = window.now.getTime() + lead;
  for (const exemption of exemptions) {
    const expires = Date.parse(exemption.expiresAt);
    if (!exemption.teamRef || expires <= from || expires > to) continue;
    if (expires <= window.now.getTime()) continue;
    const list = byTeam.get(exemption.teamRef) ?? [];
    list.push(exemption);
    byTeam.set(exemption.teamRef, list);
  }
  return byTeam;
}
