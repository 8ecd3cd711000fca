import { severityWeights } from '../checks/severity';
import { checklistIds, type ChecklistId } from '../checks/types';
import { gradeForScore, roundScore } from './grade';
import type {
  FailingCheck,
  ResourceRating,
  ScoreAndGrade,
  TeamScore,
} from './types';

/**
 * An incremental team aggregate: add ratings one by one, read the score at any time.
 *
 * @public
 */
export interface TeamScoreAccumulator {
  /** Adds one resource's rating; it is not kept, only folded into the totals. */
  add(rating: ResourceRating): void;
  /** The team score of every rating added so far, exactly as `scoreTeam` gives it for them. */
  result(): TeamScore;
}

/**
 * Creates an incremental form of `scoreTeam`: memory stays bounded by the
 * number of distinct checks and checklists, not by the number of resources,
 * so a backend can aggregate a team's ratings as it streams them.
 * `result()` equals `scoreTeam` of the same ratings in the same order.
 *
 * @public
 */
export function createTeamScoreAccumulator(): TeamScoreAccumulator {
  let total = 0;
  let count = 0;
  let failingResourceCount = 0;
  const checklistTotals = new Map<string, number>();
  const failing = new Map<string, FailingCheck>();
  // scratch, reused for every rating
  const applicable = new Map<string, number>();
  const passed = new Map<string, number>();
  const failedHere = new Set<string>();

  function add(rating: ResourceRating): void {
    count++;
    total += rating.score;
    applicable.clear();
    passed.clear();
    failedHere.clear();
    let fails = false;
    for (const checkResult of rating.results) {
      if (checkResult.status === 'not-applicable') continue;
      const weight = severityWeights[checkResult.severity] ?? 0;
      applicable.set(
        checkResult.checklist,
        (applicable.get(checkResult.checklist) ?? 0) + weight,
      );
      if (checkResult.status === 'pass') {
        passed.set(
          checkResult.checklist,
          (passed.get(checkResult.checklist) ?? 0) + weight,
        );
      } else if (!failedHere.has(checkResult.checkId)) {
        fails = true;
        failedHere.add(checkResult.checkId);
        const entry = failing.get(checkResult.checkId);
        if (entry) entry.failingResources++;
        else {
          failing.set(checkResult.checkId, {
            checkId: checkResult.checkId,
            checklist: checkResult.checklist,
            severity: checkResult.severity,
            failingResources: 1,
          });
        }
      }
    }
    if (fails) failingResourceCount++;
    const addChecklist = (checklist: string) => {
      const weight = applicable.get(checklist) ?? 0;
      const score =
        weight === 0 ? 100 : (100 * (passed.get(checklist) ?? 0)) / weight;
      checklistTotals.set(
        checklist,
        (checklistTotals.get(checklist) ?? 0) + score,
      );
    };
    for (const checklist of checklistIds) addChecklist(checklist);
    for (const checklist of applicable.keys()) {
      if (!(checklistIds as ReadonlyArray<string>).includes(checklist)) {
        addChecklist(checklist);
      }
    }
  }

  function result(): TeamScore {
    const mean = (sum: number) => (count === 0 ? 100 : roundScore(sum / count));
    const withGrade = (score: number): ScoreAndGrade => ({
      score,
      grade: gradeForScore(score),
    });
    const checklists = {} as Record<ChecklistId, ScoreAndGrade>;
    for (const checklist of new Set<string>([
      ...checklistIds,
      ...checklistTotals.keys(),
    ])) {
      checklists[checklist as ChecklistId] = withGrade(
        mean(checklistTotals.get(checklist) ?? 0),
      );
    }
    const failingChecks = [...failing.values()]
      .map(entry => ({ ...entry }))
      .sort(
        (a, b) =>
          b.failingResources - a.failingResources ||
          (severityWeights[b.severity] ?? 0) -
            (severityWeights[a.severity] ?? 0) ||
          a.checkId.localeCompare(b.checkId),
      );
    return {
      ...withGrade(mean(total)),
      checklists,
      resourceCount: count,
      failingResourceCount,
      failingChecks,
    };
  }

  return { add, result };
}

/**
 * Aggregates a team's resource ratings: mean score and grade, per-checklist
 * scores, resource counts, and failing checks ranked by resources failing them.
 *
 * @public
 */
export function scoreTeam(ratings: ReadonlyArray<ResourceRating>): TeamScore {
  const accumulator = createTeamScoreAccumulator();
  for (const rating of ratings) accumulator.add(rating);
  return accumulator.result();
}
