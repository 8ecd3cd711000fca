import type { CheckResult } from '../checks/types';
import { resolveChecklistConfig } from '../config/resolveChecklistConfig';
import { scoreResults } from './scoreResults';

const r = (
  checkId: string,
  status: CheckResult['status'],
  severity: CheckResult['severity'],
) => ({ checkId, status, severity });

// weights: critical 10, high 5, medium 3, low 1
describe('scoreResults', () => {
  it('scores 100 when nothing applies', () => {
    expect(scoreResults([r('a.x', 'not-applicable', 'critical')])).toEqual({
      score: 100,
      grade: 'A',
      rawScore: 100,
    });
  });

  it('caps a failing critical at 39.9, naming the first critical failure', () => {
    const results = [
      r('a.one', 'pass', 'high'),
      r('a.two', 'fail', 'critical'),
      r('a.three', 'fail', 'critical'),
      r('a.four', 'pass', 'high'),
      r('a.five', 'fail', 'high'),
    ];
    // raw: 10 passed of 35 applicable = 28.6, below the cap: not capped
    expect(scoreResults(results)).toEqual({
      score: 28.6,
      grade: 'F',
      rawScore: 28.6,
    });
    const mostlyPassing = [
      ...Array.from({ length: 10 }, (_, i) => r(`b.${i}`, 'pass', 'high')),
      r('a.two', 'fail', 'critical'),
      r('a.three', 'fail', 'critical'),
      r('a.five', 'fail', 'high'),
    ];
    // raw: 50 of 75 = 66.7; capped at 39.9 by the first critical failure
    expect(scoreResults(mostlyPassing)).toEqual({
      score: 39.9,
      grade: 'F',
      rawScore: 66.7,
      cappedBy: { checkId: 'a.two', severity: 'critical', cap: 39.9 },
    });
  });

  it('caps a failing high at 74.9 and a failing medium at 89.9; low does not cap', () => {
    const passes = Array.from({ length: 20 }, (_, i) =>
      r(`p.${i}`, 'pass', 'high'),
    );
    // 100 of 105 = 95.2
    expect(scoreResults([...passes, r('h.x', 'fail', 'high')])).toEqual({
      score: 74.9,
      grade: 'C',
      rawScore: 95.2,
      cappedBy: { checkId: 'h.x', severity: 'high', cap: 74.9 },
    });
    // 100 of 103 = 97.1
    expect(scoreResults([...passes, r('m.x', 'fail', 'medium')])).toEqual({
      score: 89.9,
      grade: 'B',
      rawScore: 97.1,
      cappedBy: { checkId: 'm.x', severity: 'medium', cap: 89.9 },
    });
    // 100 of 101 = 99
    expect(scoreResults([...passes, r('l.x', 'fail', 'low')])).toEqual({
      score: 99,
      grade: 'A',
      rawScore: 99,
    });
  });

  it('takes the worst failing severity, not the first failure', () => {
    const results = [
      r('m.x', 'fail', 'medium'),
      r('h.x', 'fail', 'high'),
      ...Array.from({ length: 30 }, (_, i) => r(`p.${i}`, 'pass', 'high')),
    ];
    expect(scoreResults(results).cappedBy).toEqual({
      checkId: 'h.x',
      severity: 'high',
      cap: 74.9,
    });
  });

  it('reads the caps from scoring.caps, merged over the defaults', () => {
    const config = resolveChecklistConfig({
      scoring: { caps: { high: 50, low: 95 } },
    });
    expect(config.scoring.caps).toEqual({
      critical: 39.9,
      high: 50,
      medium: 89.9,
      low: 95,
    });
    const passes = Array.from({ length: 20 }, (_, i) =>
      r(`p.${i}`, 'pass', 'high'),
    );
    expect(
      scoreResults([...passes, r('h.x', 'fail', 'high')], config).score,
    ).toBe(50);
    expect(
      scoreResults([...passes, r('l.x', 'fail', 'low')], config).score,
    ).toBe(95);
  });
});
