import type { CheckResult } from '../checks/types';
import { createTeamScoreAccumulator } from './scoreTeam';
import type { ResourceRating } from './types';

const result = (
  checkId: string,
  status: CheckResult['status'],
  severity: CheckResult['severity'],
): CheckResult => ({
  checkId,
  checklist: checkId.split('.')[0] as CheckResult['checklist'],
  status,
  severity,
  message: '',
});

const rating = (score: number, results: CheckResult[]): ResourceRating => ({
  arn: `arn:${score}`,
  score,
  grade: 'A',
  rawScore: score,
  results,
});

// Three resources, figures worked out by hand (weights: critical 10, high 5,
// medium 3, low 1).
const one = rating(100, [
  result('naming.convention', 'pass', 'medium'), // naming 3/3 = 100
  result('tagging.required', 'pass', 'high'), // tagging 5/5 = 100
]);
const two = rating(74.9, [
  result('tagging.required', 'fail', 'high'),
  result('tagging.headroom', 'pass', 'low'), // tagging 1/6 = 16.67
  result('responsibility.escalation', 'fail', 'medium'), // responsibility 0/3 = 0
]);
const three = rating(39.9, [
  result('tagging.required', 'fail', 'high'), // tagging 0/5 = 0
  result('tagging.required', 'fail', 'high'), // a check reported twice counts once
  result('responsibility.owner-assigned', 'fail', 'critical'), // 0/10 = 0
  result('naming.convention', 'not-applicable', 'medium'), // naming: 100
]);

describe('createTeamScoreAccumulator', () => {
  it('gives the hand-computed team score', () => {
    const accumulator = createTeamScoreAccumulator();
    [one, two, three].forEach(r => accumulator.add(r));
    expect(accumulator.result()).toEqual({
      // (100 + 74.9 + 39.9) / 3 = 71.6: a C; a critical failure caps at C anyway
      score: 71.6,
      grade: 'C',
      checklists: {
        naming: { score: 100, grade: 'A' },
        // (100 + 16.67 + 0) / 3 = 38.9
        tagging: { score: 38.9, grade: 'F' },
        // (100 + 0 + 0) / 3 = 33.3
        responsibility: { score: 33.3, grade: 'F' },
      },
      resourceCount: 3,
      failingResourceCount: 2,
      criticalFailingResourceCount: 1,
      exemptResultCount: 0,
      failingChecks: [
        {
          checkId: 'tagging.required',
          checklist: 'tagging',
          severity: 'high',
          failingResources: 2,
        },
        // ties: heavier severity first
        {
          checkId: 'responsibility.owner-assigned',
          checklist: 'responsibility',
          severity: 'critical',
          failingResources: 1,
        },
        {
          checkId: 'responsibility.escalation',
          checklist: 'responsibility',
          severity: 'medium',
          failingResources: 1,
        },
      ],
    });
  });

  it('grades a team with a critical failure at most C, whatever its mean', () => {
    const accumulator = createTeamScoreAccumulator();
    for (let i = 0; i < 9; i++) accumulator.add(rating(100, []));
    accumulator.add(
      rating(39.9, [result('tagging.no-secrets', 'fail', 'critical')]),
    );
    // mean (900 + 39.9) / 10 = 94.0: an A without the critical failure
    expect(accumulator.result()).toMatchObject({
      score: 94,
      grade: 'C',
      criticalFailingResourceCount: 1,
      exemptResultCount: 0,
    });
    const clean = createTeamScoreAccumulator();
    for (let i = 0; i < 10; i++) clean.add(rating(94, []));
    expect(clean.result()).toMatchObject({ score: 94, grade: 'A' });
  });

  it('keeps a worse grade than C', () => {
    const accumulator = createTeamScoreAccumulator();
    accumulator.add(
      rating(20, [result('responsibility.owner-assigned', 'fail', 'critical')]),
    );
    expect(accumulator.result()).toMatchObject({ score: 20, grade: 'F' });
  });

  it('can be read along the way; results already returned do not change', () => {
    const accumulator = createTeamScoreAccumulator();
    accumulator.add(one);
    const first = accumulator.result();
    accumulator.add(three);
    expect(first).toMatchObject({
      score: 100,
      grade: 'A',
      resourceCount: 1,
      failingChecks: [],
    });
    // (100 + 39.9) / 2 = 69.95, rounded to one decimal
    expect(accumulator.result()).toMatchObject({
      score: 70,
      grade: 'C',
      resourceCount: 2,
    });
  });

  it('scores an empty team 100 and A', () => {
    expect(createTeamScoreAccumulator().result()).toEqual({
      score: 100,
      grade: 'A',
      checklists: {
        naming: { score: 100, grade: 'A' },
        tagging: { score: 100, grade: 'A' },
        responsibility: { score: 100, grade: 'A' },
      },
      resourceCount: 0,
      failingResourceCount: 0,
      criticalFailingResourceCount: 0,
      exemptResultCount: 0,
      failingChecks: [],
    });
  });

  it('scores a checklist an extension reports like the built-in ones', () => {
    const accumulator = createTeamScoreAccumulator();
    accumulator.add(
      rating(50, [
        { ...result('x.one', 'pass', 'high'), checklist: 'x' as never },
        { ...result('x.two', 'fail', 'high'), checklist: 'x' as never },
      ]),
    );
    expect(
      (accumulator.result().checklists as Record<string, unknown>).x,
    ).toEqual({ score: 50, grade: 'D' });
  });

  it('gives its totals as sums, worked out by hand', () => {
    const accumulator = createTeamScoreAccumulator();
    [one, two, three].forEach(r => accumulator.add(r));
    const totals = accumulator.totals();
    expect({
      ...totals,
      checklistSums: Object.fromEntries(
        Object.entries(totals.checklistSums).map(([k, v]) => [
          k,
          Math.round(v * 100) / 100,
        ]),
      ),
    }).toEqual({
      resourceCount: 3,
      scoreSum: 214.8,
      failingResourceCount: 2,
      criticalFailingResourceCount: 1,
      exemptResultCount: 0,
      // naming 100 + 100 + 100; tagging 100 + 16.67 + 0; responsibility 100 + 0 + 0
      checklistSums: { naming: 300, tagging: 116.67, responsibility: 100 },
      failingChecks: expect.arrayContaining([
        {
          checkId: 'tagging.required',
          checklist: 'tagging',
          severity: 'high',
          failingResources: 2,
        },
      ]),
    });
    expect(totals.failingChecks).toHaveLength(3);
  });

  it('adds totals of disjoint sets (through JSON) to the score of their union', () => {
    const whole = createTeamScoreAccumulator();
    [one, two, three].forEach(r => whole.add(r));
    const first = createTeamScoreAccumulator();
    first.add(one);
    first.add(three);
    const second = createTeamScoreAccumulator();
    second.add(two);
    const merged = createTeamScoreAccumulator();
    merged.addTotals(JSON.parse(JSON.stringify(first.totals())));
    merged.addTotals(JSON.parse(JSON.stringify(second.totals())));
    merged.addTotals(createTeamScoreAccumulator().totals());
    expect(merged.result()).toEqual(whole.result());
    // adding ratings after totals goes on from them
    merged.add(one);
    whole.add(one);
    expect(merged.result()).toEqual(whole.result());
  });

  it('does not share its failing checks with the totals it gave or took', () => {
    const source = createTeamScoreAccumulator();
    source.add(two);
    const totals = source.totals();
    const target = createTeamScoreAccumulator();
    target.addTotals(totals);
    target.addTotals(totals);
    expect(totals.failingChecks[0].failingResources).toBe(1);
    expect(source.result().failingChecks[0].failingResources).toBe(1);
    expect(target.result().failingChecks[0].failingResources).toBe(2);
  });
});
