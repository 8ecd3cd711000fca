import { rankFailingChecks } from './rankFailingChecks';

describe('rankFailingChecks', () => {
  it('ranks by resources failing times severity weight, ties by id', () => {
    const check = (
      checkId: string,
      severity: 'critical' | 'high' | 'medium' | 'low',
      failingResources: number,
    ) => ({
      checkId,
      checklist: 'tagging' as const,
      severity,
      failingResources,
    });
    expect(
      rankFailingChecks([
        check('many-low', 'low', 20),
        check('one-critical', 'critical', 1),
        check('b-high', 'high', 3),
        check('a-high', 'high', 3),
      ]).map(c => [c.checkId, c.priority]),
    ).toEqual([
      ['many-low', 20],
      ['a-high', 15],
      ['b-high', 15],
      ['one-critical', 10],
    ]);
  });
});
