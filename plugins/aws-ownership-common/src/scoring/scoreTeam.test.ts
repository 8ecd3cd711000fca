import type { CheckResult } from '../checks/types';
import { scoreTeam } from './scoreTeam';
import type { ResourceRating } from './types';

const result = (
  checkId: string,
  status: CheckResult['status'],
  severity: CheckResult['severity'] = 'high',
): CheckResult => ({
  checkId,
  checklist: checkId.split('.')[0] as CheckResult['checklist'],
  status,
  severity,
  message: '',
});

const rating = (
  arn: string,
  score: number,
  results: CheckResult[],
): ResourceRating => ({
  arn,
  score,
  grade: 'A',
  rawScore: score,
  results,
});

describe('scoreTeam', () => {
  it('averages resource scores and ranks failing checks by resources failing them', () => {
    const team = scoreTeam([
      rating('a', 100, [
        result('naming.convention', 'pass', 'medium'),
        result('tagging.required', 'pass'),
      ]),
      rating('b', 50, [
        result('tagging.required', 'fail'),
        result('tagging.headroom', 'pass', 'low'),
        result('responsibility.owner-assigned', 'fail', 'critical'),
      ]),
      rating('c', 0, [
        result('tagging.required', 'fail'),
        result('naming.convention', 'not-applicable', 'medium'),
      ]),
    ]);
    expect(team.score).toBe(50);
    expect(team.grade).toBe('D');
    expect(team.criticalFailingResourceCount).toBe(1);
    expect(team.resourceCount).toBe(3);
    expect(team.failingResourceCount).toBe(2);
    expect(team.failingChecks).toEqual([
      {
        checkId: 'tagging.required',
        checklist: 'tagging',
        severity: 'high',
        failingResources: 2,
      },
      {
        checkId: 'responsibility.owner-assigned',
        checklist: 'responsibility',
        severity: 'critical',
        failingResources: 1,
      },
    ]);
  });

  it('scores each checklist with the same formula, averaged over resources', () => {
    const team = scoreTeam([
      // tagging: 5 of 6 => 83.33; responsibility 0 of 10 => 0
      rating('a', 0, [
        result('tagging.required', 'pass'),
        result('tagging.headroom', 'fail', 'low'),
        result('responsibility.owner-assigned', 'fail', 'critical'),
      ]),
      // tagging 100, responsibility nothing applicable => 100
      rating('b', 0, [result('tagging.required', 'pass')]),
    ]);
    expect(team.checklists.tagging.score).toBe(91.7);
    expect(team.checklists.tagging.grade).toBe('A');
    expect(team.checklists.responsibility.score).toBe(50);
    expect(team.checklists.naming).toEqual({ score: 100, grade: 'A' });
  });

  it('breaks ties by severity, then id', () => {
    const team = scoreTeam([
      rating('a', 0, [
        result('tagging.headroom', 'fail', 'low'),
        result('tagging.zzz', 'fail', 'high'),
        result('tagging.aaa', 'fail', 'high'),
      ]),
    ]);
    expect(team.failingChecks.map(f => f.checkId)).toEqual([
      'tagging.aaa',
      'tagging.zzz',
      'tagging.headroom',
    ]);
  });

  it('scores an empty team 100 with no resources', () => {
    expect(scoreTeam([])).toMatchObject({
      score: 100,
      grade: 'A',
      resourceCount: 0,
      failingResourceCount: 0,
      failingChecks: [],
    });
  });
});
