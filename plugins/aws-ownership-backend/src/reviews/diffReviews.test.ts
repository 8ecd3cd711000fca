import { createTeamScoreAccumulator } from '@aws-ownership/backstage-plugin-common';
import { diffResource, diffScore, diffTeams } from './diffReviews';
import type { FrozenTeamScore, SnapshotResource } from './types';

const snap = (
  checkStatuses: string,
  ownerRef: string | undefined = 'group:default/payments',
): SnapshotResource => ({
  arn: 'arn:aws:s3:::orders',
  name: 'orders',
  resourceType: 's3:bucket',
  ownerRef,
  score: 50,
  checkStatuses,
});

describe('diffResource', () => {
  it('reports a check newly failing as regressed and one newly passing as fixed', () => {
    const change = diffResource(
      snap(',tagging.required=fht,naming.convention=pmn,tagging.headroom=nlt,'),
      snap(',tagging.required=pht,naming.convention=fmn,tagging.headroom=flt,'),
    );
    expect(change).toMatchObject({
      kind: 'changed',
      fixed: ['tagging.required'],
      regressed: ['naming.convention', 'tagging.headroom'],
    });
    expect(change?.owner).toBeUndefined();
  });

  it('reports nothing when no status and no owner changed', () => {
    expect(diffResource(snap(',a.b=fht,'), snap(',a.b=fht,'))).toBeUndefined();
  });

  it('reports an owner change both ways', () => {
    expect(
      diffResource(snap(',a.b=pht,'), snap(',a.b=pht,', 'group:default/sre')),
    ).toMatchObject({
      kind: 'changed',
      owner: { from: 'group:default/payments', to: 'group:default/sre' },
    });
    expect(
      diffResource(
        { ...snap(',a.b=pht,'), ownerRef: undefined },
        snap(',a.b=pht,'),
      ),
    ).toMatchObject({
      owner: { from: undefined, to: 'group:default/payments' },
    });
  });

  it('reports new and gone resources without claiming fixes', () => {
    expect(diffResource(undefined, snap(',a.b=fht,'))).toMatchObject({
      kind: 'new',
      regressed: [],
      fixed: [],
      scoreAfter: 50,
    });
    expect(diffResource(snap(',a.b=fht,'), undefined)).toMatchObject({
      kind: 'gone',
      fixed: [],
      scoreBefore: 50,
    });
  });

  it('reports a resource that came into a team scope as an owner change into it, claiming no checks', () => {
    const movedIn = diffResource(undefined, {
      ...snap(',a.b=fht,c.d=pht,'),
      move: 'in',
      ownerBefore: 'group:default/sre',
    });
    expect(movedIn).toEqual({
      arn: 'arn:aws:s3:::orders',
      name: 'orders',
      resourceType: 's3:bucket',
      kind: 'changed',
      regressed: [],
      fixed: [],
      owner: { from: 'group:default/sre', to: 'group:default/payments' },
      move: 'in',
      scoreBefore: undefined,
      scoreAfter: 50,
    });
    // from nobody
    expect(
      diffResource(undefined, { ...snap(',a.b=fht,'), move: 'in' }),
    ).toMatchObject({
      kind: 'changed',
      owner: { from: undefined, to: 'group:default/payments' },
      move: 'in',
    });
    // and one that left the scope says so
    expect(
      diffResource(snap(',a.b=pht,'), {
        ...snap(',a.b=pht,', 'group:default/sre'),
        move: 'out',
      }),
    ).toMatchObject({
      kind: 'changed',
      owner: { from: 'group:default/payments', to: 'group:default/sre' },
      move: 'out',
    });
  });
});

const team = (teamRef: string, score: number): FrozenTeamScore => {
  const empty = createTeamScoreAccumulator().result();
  return {
    ...empty,
    score,
    grade: score >= 90 ? 'A' : 'C',
    checklists: { ...empty.checklists, tagging: { score, grade: 'C' } },
    teamRef,
    displayName: teamRef,
  };
};

describe('diffScore and diffTeams', () => {
  it('gives score, grade and checklist deltas', () => {
    const d = diffScore('t', 'T', team('t', 60), team('t', 92.4));
    expect(d).toMatchObject({
      before: { score: 60, grade: 'C' },
      after: { score: 92.4, grade: 'A' },
      change: 32.4,
    });
    expect(d.checklists.tagging.change).toBe(32.4);
    expect(d.checklists.naming.change).toBe(0);
  });

  it('lists teams of either review, gone ones last without a change', () => {
    const deltas = diffTeams(
      [team('a', 50), team('gone', 70)],
      [team('new', 80), team('a', 60)],
    );
    expect(deltas.map(d => [d.teamRef, d.change])).toEqual([
      ['new', undefined],
      ['a', 10],
      ['gone', undefined],
    ]);
  });
});
