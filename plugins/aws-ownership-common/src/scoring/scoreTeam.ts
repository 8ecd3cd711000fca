import { severityWeights } from '../checks/severity';
import { checklistIds, type ChecklistId } from '../checks/types';
import { gradeForScore, roundScore, type Grade } from './grade';
import type {
  FailingCheck,
  ResourceRating,
  ScoreAndGrade,
  TeamScore,
  TeamScoreTotals,
} from './types';

/**
 * An incremental team aggregate: add ratings one by one, read the score at any time.
 *
 * @public
 */
export interface TeamScoreAccumulator {
  /** Adds one resource's rating; it is not kept, only folded into the totals. */
  add(rating: ResourceRating): void;
  /** Adds the totals of ratings aggregated elsewhere (another region, another accumulator). */
  addTotals(totals: TeamScoreTotals): void;
  /** The totals of everything added so far: what `addTotals` takes. */
  totals(): TeamScoreTotals;
  /** The team score of every rating added so far, exactly as `scoreTeam` gives it for them. */
  result(): TeamScore;
}

const grades: ReadonlyArray<Grade> = ['A', 'B', 'C', 'D', 'F'];

/** The worse of two grades. */
const worseGrade = (a: Grade, b: Grade): Grade =>
  grades.indexOf(a) > grades.indexOf(b) ? a : b;

const withGrade = (score: number): ScoreAndGrade => ({
  score,
  grade: gradeForScore(score),
});

/**
 * Creates an incremental form of `scoreTeam`: memory stays bounded by the
 * number of distinct checks and checklists, not by the number of resources,
 * so a backend can aggregate a team's ratings as it streams them. Its totals
 * are sums, so those of disjoint sets of ratings (one per region, say) add up
 * to the totals of their union.
 *
 * @public
 */
export function createTeamScoreAccumulator(): TeamScoreAccumulator {
  let count = 0;
  let scoreSum = 0;
  let failingResourceCount = 0;
  let criticalFailingResourceCount = 0;
  let exemptResultCount = 0;
  // per checklist: the sum over resources of each resource's checklist score
  const checklistSums = new Map<string, number>(
    checklistIds.map(id => [id, 0]),
  );
  const failing = new Map<string, FailingCheck>();

  function add(rating: ResourceRating): void {
    count++;
    scoreSum += rating.score;
    const applicable = new Map<string, number>();
    const passed = new Map<string, number>();
    const failedHere = new Set<string>();
    for (const { checkId, checklist, status, severity } of rating.results) {
      if (status === 'exempt') exemptResultCount++;
      if (status === 'not-applicable' || status === 'exempt') continue;
      const weight = severityWeights[severity] ?? 0;
      applicable.set(checklist, (applicable.get(checklist) ?? 0) + weight);
      if (status === 'pass') {
        passed.set(checklist, (passed.get(checklist) ?? 0) + weight);
      } else if (status === 'fail' && !failedHere.has(checkId)) {
        failedHere.add(checkId);
        const entry = failing.get(checkId);
        if (entry) entry.failingResources++;
        else
          failing.set(checkId, {
            checkId,
            checklist,
            severity,
            failingResources: 1,
          });
      }
    }
    if (failedHere.size) failingResourceCount++;
    if (
      rating.results.some(r => r.status === 'fail' && r.severity === 'critical')
    ) {
      criticalFailingResourceCount++;
    }
    for (const checklist of new Set([
      ...checklistSums.keys(),
      ...applicable.keys(),
    ])) {
      const weight = applicable.get(checklist) ?? 0;
      const score =
        weight === 0 ? 100 : (100 * (passed.get(checklist) ?? 0)) / weight;
      checklistSums.set(checklist, (checklistSums.get(checklist) ?? 0) + score);
    }
  }

  function addTotals(other: TeamScoreTotals): void {
    count += other.resourceCount;
    scoreSum += other.scoreSum;
    failingResourceCount += other.failingResourceCount;
    criticalFailingResourceCount += other.criticalFailingResourceCount;
    exemptResultCount += other.exemptResultCount;
    for (const [checklist, sum] of Object.entries(other.checklistSums)) {
      checklistSums.set(checklist, (checklistSums.get(checklist) ?? 0) + sum);
    }
    for (const check of other.failingChecks) {
      const entry = failing.get(check.checkId);
      if (entry) entry.failingResources += check.failingResources;
      else failing.set(check.checkId, { ...check });
    }
  }

  function totals(): TeamScoreTotals {
    return {
      resourceCount: count,
      scoreSum,
      failingResourceCount,
      criticalFailingResourceCount,
      exemptResultCount,
      checklistSums: Object.fromEntries(checklistSums),
      failingChecks: [...failing.values()].map(entry => ({ ...entry })),
    };
  }

  function result(): TeamScore {
    const mean = (sum: number) => (count === 0 ? 100 : roundScore(sum / count));
    const checklists = Object.fromEntries(
      [...checklistSums].map(([checklist, sum]) => [
        checklist,
        withGrade(mean(sum)),
      ]),
    ) as Record<ChecklistId, ScoreAndGrade>;
    const failingChecks = [...failing.values()]
      .map(entry => ({ ...entry }))
      .sort(
        (a, b) =>
          b.failingResources - a.failingResources ||
          (severityWeights[b.severity] ?? 0) -
            (severityWeights[a.severity] ?? 0) ||
          a.checkId.localeCompare(b.checkId),
      );
    const score = mean(scoreSum);
    const grade = gradeForScore(score);
    return {
      score,
      grade: criticalFailingResourceCount ? worseGrade(grade, 'C') : grade,
      checklists,
      resourceCount: count,
      failingResourceCount,
      criticalFailingResourceCount,
      exemptResultCount,
      failingChecks,
    };
  }

  return { add, addTotals, totals, result };
}

/**
 * Aggregates a team's resource ratings: mean (capped) score and grade,
 * per-checklist scores, resource counts, and failing checks ranked by
 * resources failing them.
 *
 * @public
 */
export function scoreTeam(ratings: ReadonlyArray<ResourceRating>): TeamScore {
  const accumulator = createTeamScoreAccumulator();
  for (const rating of ratings) accumulator.add(rating);
  return accumulator.result();
}
