import fc from 'fast-check';
import { severityWeights, type Severity } from '../checks/severity';
import { checklistIds, type CheckResult } from '../checks/types';
import type { ChecklistId } from '../checks/types';
import { gradeForScore, roundScore } from './grade';
import { createTeamScoreAccumulator, scoreTeam } from './scoreTeam';
import type {
  FailingCheck,
  ResourceRating,
  ScoreAndGrade,
  TeamScore,
} from './types';

// The batch implementation scoreTeam had before it was built on the
// accumulator, kept verbatim as an independent reference.
function referenceScoreTeam(ratings: ReadonlyArray<ResourceRating>): TeamScore {
  let total = 0;
  let failingResourceCount = 0;
  const checklistTotals = new Map<string, number>();
  const failing = new Map<string, FailingCheck>();
  const applicable = new Map<string, number>();
  const passed = new Map<string, number>();
  for (const rating of ratings) {
    total += rating.score;
    applicable.clear();
    passed.clear();
    let fails = false;
    const failedHere = new Set<string>();
    for (const result of rating.results) {
      if (result.status === 'not-applicable') continue;
      const weight = severityWeights[result.severity] ?? 0;
      applicable.set(
        result.checklist,
        (applicable.get(result.checklist) ?? 0) + weight,
      );
      if (result.status === 'pass') {
        passed.set(
          result.checklist,
          (passed.get(result.checklist) ?? 0) + weight,
        );
      } else if (!failedHere.has(result.checkId)) {
        fails = true;
        failedHere.add(result.checkId);
        const entry = failing.get(result.checkId);
        if (entry) entry.failingResources++;
        else {
          failing.set(result.checkId, {
            checkId: result.checkId,
            checklist: result.checklist,
            severity: result.severity,
            failingResources: 1,
          });
        }
      }
    }
    if (fails) failingResourceCount++;
    const lists = new Set<string>([...checklistIds, ...applicable.keys()]);
    for (const checklist of lists) {
      const weight = applicable.get(checklist) ?? 0;
      const score =
        weight === 0 ? 100 : (100 * (passed.get(checklist) ?? 0)) / weight;
      checklistTotals.set(
        checklist,
        (checklistTotals.get(checklist) ?? 0) + score,
      );
    }
  }
  const count = ratings.length;
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
  const failingChecks = [...failing.values()].sort(
    (a, b) =>
      b.failingResources - a.failingResources ||
      (severityWeights[b.severity] ?? 0) - (severityWeights[a.severity] ?? 0) ||
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

const severity = fc.constantFrom<Severity>('critical', 'high', 'medium', 'low');
// the three checklists plus an unknown one, as an extension might report
const checklist = fc.constantFrom('naming', 'tagging', 'responsibility', 'x');
const resultArb: fc.Arbitrary<CheckResult> = fc.record({
  checkId: fc.constantFrom('a.one', 'a.two', 'b.one', 'b.two', 'c.three'),
  checklist: checklist as fc.Arbitrary<CheckResult['checklist']>,
  status: fc.constantFrom<CheckResult['status']>(
    'pass',
    'fail',
    'not-applicable',
  ),
  severity,
  message: fc.constant(''),
});
const ratingArb: fc.Arbitrary<ResourceRating> = fc.record({
  arn: fc.string(),
  score: fc.integer({ min: 0, max: 1000 }).map(n => n / 10),
  grade: fc.constantFrom('A', 'B', 'C', 'D', 'F'),
  results: fc.array(resultArb, { maxLength: 25 }),
});

describe('createTeamScoreAccumulator', () => {
  it('gives exactly what scoreTeam (and the former batch implementation) gives', () => {
    fc.assert(
      fc.property(fc.array(ratingArb, { maxLength: 40 }), ratings => {
        const accumulator = createTeamScoreAccumulator();
        for (const rating of ratings) accumulator.add(rating);
        const incremental = accumulator.result();
        expect(incremental).toEqual(referenceScoreTeam(ratings));
        expect(incremental).toEqual(scoreTeam(ratings));
        // same key order too, as served
        expect(JSON.stringify(incremental)).toBe(
          JSON.stringify(referenceScoreTeam(ratings)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('can be read along the way: each result covers the ratings added so far', () => {
    fc.assert(
      fc.property(fc.array(ratingArb, { maxLength: 20 }), ratings => {
        const accumulator = createTeamScoreAccumulator();
        const seen: TeamScore[] = [];
        ratings.forEach((rating, i) => {
          accumulator.add(rating);
          const now = accumulator.result();
          expect(now).toEqual(referenceScoreTeam(ratings.slice(0, i + 1)));
          seen.push(now);
        });
        // later additions do not change results already returned
        seen.forEach((earlier, i) =>
          expect(earlier).toEqual(referenceScoreTeam(ratings.slice(0, i + 1))),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('scores an empty team like scoreTeam([])', () => {
    expect(createTeamScoreAccumulator().result()).toEqual(scoreTeam([]));
  });

  it('keeps no rating: memory does not grow with the number of resources', () => {
    const accumulator = createTeamScoreAccumulator();
    const results: CheckResult[] = [
      {
        checkId: 'tagging.required',
        checklist: 'tagging',
        status: 'fail',
        severity: 'high',
        message: 'x'.repeat(1000),
      },
    ];
    for (let i = 0; i < 20000; i++) {
      accumulator.add({ arn: `arn:${i}`, score: 0, grade: 'F', results });
    }
    const team = accumulator.result();
    expect(team.resourceCount).toBe(20000);
    expect(team.failingChecks).toEqual([
      {
        checkId: 'tagging.required',
        checklist: 'tagging',
        severity: 'high',
        failingResources: 20000,
      },
    ]);
  });
});
