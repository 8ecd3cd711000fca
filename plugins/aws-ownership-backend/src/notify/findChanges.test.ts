import type { TeamScorecard } from '../schema/types';
import {
  findExpiringExemptions,
  findGradeDrops,
  findNewCriticalFailures,
  groupOwnershipChanges,
} from './findChanges';

const card = (
  teamRef: string,
  score: number,
  grade: TeamScorecard['grade'],
  failingChecks: TeamScorecard['failingChecks'] = [],
): TeamScorecard => ({
  teamRef,
  displayName: teamRef.split('/')[1],
  score,
  grade,
  checklists: {} as TeamScorecard['checklists'],
  resourceCount: 10,
  failingResourceCount: 0,
  failingChecks,
});

const failing = (
  checkId: string,
  severity: 'critical' | 'high' | 'medium' | 'low',
  failingResources: number,
) => ({ checkId, checklist: 'tagging' as const, severity, failingResources });

describe('findGradeDrops', () => {
  it('finds a team that fell a grade, with the checks that worsened, weightiest first', () => {
    const before = [
      card('group:default/a', 95, 'A', [failing('t.low', 'low', 1)]),
    ];
    const after = [
      card('group:default/a', 80, 'B', [
        failing('t.low', 'low', 4),
        failing('t.high', 'high', 2),
        failing('t.same', 'medium', 0),
      ]),
    ];
    expect(findGradeDrops(before, after)).toEqual([
      {
        teamRef: 'group:default/a',
        displayName: 'a',
        from: 'A',
        to: 'B',
        fromScore: 95,
        toScore: 80,
        causes: [
          { ...failing('t.high', 'high', 2), newlyFailing: 2 },
          { ...failing('t.low', 'low', 4), newlyFailing: 3 },
        ],
      },
    ]);
  });

  it('ignores a steady or rising grade, a new team, unowned, and drops below the threshold', () => {
    const before = [
      card('group:default/a', 95, 'A'),
      card('group:default/b', 80, 'B'),
      card('unowned', 95, 'A'),
    ];
    const after = [
      card('group:default/a', 91, 'A'),
      card('group:default/b', 95, 'A'),
      card('group:default/c', 10, 'F'),
      card('unowned', 10, 'F'),
    ];
    expect(findGradeDrops(before, after)).toEqual([]);
    expect(
      findGradeDrops(
        [card('group:default/a', 95, 'A')],
        [card('group:default/a', 80, 'B')],
        2,
      ),
    ).toEqual([]);
  });
});

describe('findNewCriticalFailures', () => {
  it('lists critical checks no resource of the team failed before', () => {
    const before = [
      card('group:default/a', 95, 'A', [failing('c.old', 'critical', 1)]),
    ];
    const after = [
      card('group:default/a', 60, 'C', [
        failing('c.old', 'critical', 3),
        failing('c.new', 'critical', 2),
        failing('h.new', 'high', 2),
      ]),
      card('unowned', 60, 'C', [failing('c.new', 'critical', 2)]),
    ];
    expect(findNewCriticalFailures(before, after)).toEqual([
      {
        teamRef: 'group:default/a',
        displayName: 'a',
        checks: [failing('c.new', 'critical', 2)],
      },
    ]);
    expect(findNewCriticalFailures(after, after)).toEqual([]);
  });
});

describe('groupOwnershipChanges', () => {
  it('splits resources newly attributed to known teams from those that lost a known owner', () => {
    const teams = new Set(['group:default/a', 'group:default/b']);
    const { attributed, unowned } = groupOwnershipChanges(
      [
        { arn: 'new', name: 'new', ownerRef: 'group:default/a' },
        {
          arn: 'moved',
          name: 'moved',
          ownerRef: 'group:default/b',
          previousOwnerRef: 'group:default/a',
        },
        { arn: 'lost', name: 'lost', previousOwnerRef: 'group:default/a' },
        {
          arn: 'dangling',
          name: 'dangling',
          ownerRef: 'group:default/gone',
          previousOwnerRef: 'group:default/b',
        },
        { arn: 'never', name: 'never', ownerRef: 'group:default/gone' },
      ],
      teams,
    );
    expect([...attributed]).toEqual([
      ['group:default/a', [expect.objectContaining({ arn: 'new' })]],
      ['group:default/b', [expect.objectContaining({ arn: 'moved' })]],
    ]);
    expect(unowned.map(c => c.arn)).toEqual(['lost', 'dangling']);
  });
});

describe('findExpiringExemptions', () => {
  const now = new Date('2026-12-01T12:00:00.000Z');
  const day = 24 * 60 * 60 * 1000;
  const at = (ms: number) => new Date(ms).toISOString();
  const exemption = (id: string, expiresInMs: number, teamRef?: string) => ({
    id,
    checkId: 'responsibility.backup',
    expiresAt: at(now.getTime() + expiresInMs),
    teamRef,
  });

  it('tells each team once, in the pass that finds its exemption entering the window', () => {
    const payments = 'group:default/payments';
    const exemptions = [
      exemption('entered', 7 * day - 1000, payments),
      exemption('told-before', 6 * day, payments),
      exemption('later', 7 * day + 1000, payments),
      exemption('no-team', 3 * day),
      exemption('ended', -1000, payments),
    ];
    const found = findExpiringExemptions(exemptions, {
      previousAt: at(now.getTime() - 12 * 60 * 60 * 1000),
      now,
      withinDays: 7,
    });
    expect([...found.keys()]).toEqual([payments]);
    expect(found.get(payments)!.map(e => e.id)).toEqual(['entered']);
  });

  it('tells nothing in the first pass (there is nothing to compare against)', () => {
    const found = findExpiringExemptions(
      [exemption('soon', day, 'group:default/payments')],
      { now, withinDays: 7 },
    );
    expect(found.size).toBe(0);
  });
});
