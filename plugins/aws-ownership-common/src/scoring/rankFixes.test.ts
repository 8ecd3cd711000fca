import type { CheckResult } from '../checks/types';
import { rankFixes } from './rankFixes';
import { scoreResults } from './scoreResults';
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

const rating = (arn: string, results: CheckResult[]): ResourceRating => ({
  arn,
  results,
  ...scoreResults(results),
});

// weights: high 5, medium 3, low 1; caps: high 74.9, medium 89.9
const missingTag = (arn: string) =>
  rating(arn, [
    result('tagging.required', 'fail', 'high'),
    result('naming.convention', 'pass', 'medium'),
  ]); // raw 3/8 = 37.5
const badName = rating('arn:c', [
  result('tagging.required', 'pass', 'high'),
  result('naming.convention', 'fail', 'medium'),
]); // raw 5/8 = 62.5
const clean = rating('arn:d', [result('tagging.required', 'pass', 'high')]);

describe('rankFixes', () => {
  it('re-scores the team with each failing check passing, best gain per resource first', () => {
    const fixes = rankFixes([
      missingTag('arn:a'),
      missingTag('arn:b'),
      badName,
      clean,
    ]);
    // now: (37.5 + 37.5 + 62.5 + 100) / 4 = 59.4 (D)
    // tag a and b: (100 + 100 + 62.5 + 100) / 4 = 90.6 (A): +31.2, 15.6 a resource
    // rename c: (37.5 + 37.5 + 100 + 100) / 4 = 68.8 (C): +9.4, 9.4 a resource
    expect(fixes).toEqual([
      {
        checkId: 'tagging.required',
        arns: ['arn:a', 'arn:b'],
        before: { score: 59.4, grade: 'D' },
        after: { score: 90.6, grade: 'A' },
        gain: 31.2,
        gainPerResource: 15.6,
      },
      {
        checkId: 'naming.convention',
        arns: ['arn:c'],
        before: { score: 59.4, grade: 'D' },
        after: { score: 68.8, grade: 'C' },
        gain: 9.4,
        gainPerResource: 9.4,
      },
    ]);
  });

  it('lifts a cap only when no other capping check still fails', () => {
    const twoFailures = rating('arn:e', [
      result('tagging.required', 'fail', 'high'),
      result('naming.convention', 'fail', 'medium'),
      result('tagging.headroom', 'pass', 'low'),
    ]); // raw 1/9 = 11.1
    const [tag] = rankFixes([twoFailures]).filter(
      f => f.checkId === 'tagging.required',
    );
    // raw 6/9 = 66.7, below the medium cap 89.9: not capped
    expect(tag.after).toEqual({ score: 66.7, grade: 'C' });
  });

  it('has nothing to offer a team that passes everything', () => {
    expect(rankFixes([clean])).toEqual([]);
    expect(rankFixes([])).toEqual([]);
  });
});
