import type { CheckResult } from '../checks/types';
import { scoreTeam } from '../scoring/scoreTeam';
import type { ResourceRating } from '../scoring/types';
import { applyExemptions } from './applyExemptions';
import type { Exemption } from './types';

const ARN = 'arn:aws:s3:::website';

const result = (
  checkId: string,
  status: CheckResult['status'],
  severity: CheckResult['severity'],
): CheckResult => ({
  checkId,
  checklist: 'responsibility',
  status,
  severity,
  message: '',
});

// weights: critical 10, high 5, medium 3, low 1
const rating: ResourceRating = {
  arn: ARN,
  score: 39.9,
  grade: 'F',
  rawScore: 47.4,
  cappedBy: { checkId: 'r.public', severity: 'critical', cap: 39.9 },
  results: [
    result('r.public', 'fail', 'critical'),
    result('r.owner', 'pass', 'high'),
    result('r.backup', 'pass', 'high'),
    result('r.name', 'fail', 'low'),
    result('r.na', 'not-applicable', 'critical'),
  ],
};

const exemption = (overrides: Partial<Exemption> = {}): Exemption => ({
  id: 'ex-1',
  checkId: 'r.public',
  arns: [ARN],
  reason: 'The bucket serves the public website',
  expiresAt: '2026-12-01T12:00:00.000Z',
  status: 'active',
  requestedBy: 'user:default/ann',
  requestedAt: '2026-11-01T00:00:00.000Z',
  ...overrides,
});

describe('applyExemptions', () => {
  const before = new Date('2026-12-01T11:59:59.999Z');

  it('waives the failure: it leaves the applicable weight and no longer caps', () => {
    const exempted = applyExemptions(rating, [exemption()], before);
    expect(exempted.results[0]).toEqual({
      ...rating.results[0],
      status: 'exempt',
      exemption: {
        id: 'ex-1',
        reason: 'The bucket serves the public website',
        expiresAt: '2026-12-01T12:00:00.000Z',
      },
    });
    // 10 passed of 11 applicable (the exempt critical weighs nothing); no cap
    expect(exempted).toMatchObject({ score: 90.9, grade: 'A', rawScore: 90.9 });
    expect(exempted.cappedBy).toBeUndefined();
  });

  it('stops applying at the expiry, to the boundary millisecond: the check fails again', () => {
    const exempted = applyExemptions(rating, [exemption()], before);
    const atExpiry = applyExemptions(
      exempted,
      [exemption()],
      new Date('2026-12-01T12:00:00.000Z'),
    );
    expect(atExpiry.results[0]).toEqual(rating.results[0]);
    expect(atExpiry).toMatchObject({ score: 39.9, grade: 'F' });
    expect(atExpiry.cappedBy).toEqual(rating.cappedBy);
  });

  it('ignores pending, revoked, other checks and other resources', () => {
    for (const other of [
      exemption({ status: 'pending' }),
      exemption({ status: 'revoked' }),
      exemption({ checkId: 'r.owner' }),
      exemption({ arns: ['arn:aws:s3:::other'] }),
    ]) {
      expect(applyExemptions(rating, [other], before)).toBe(rating);
    }
  });

  it('never turns a pass into exempt', () => {
    const exempted = applyExemptions(
      rating,
      [exemption({ checkId: 'r.owner' })],
      before,
    );
    expect(exempted.results[1].status).toBe('pass');
  });

  it('matches a selector against the resource', () => {
    const resource = {
      arn: ARN,
      accountId: '',
      region: '',
      resourceType: 's3:bucket',
      tags: { Purpose: 'website' },
    };
    const bySelector = exemption({
      arns: [],
      selector: {
        resourceType: 's3:bucket',
        tag: { key: 'purpose', value: 'website' },
      },
    });
    expect(
      applyExemptions(rating, [bySelector], before, { resource }).results[0]
        .status,
    ).toBe('exempt');
    expect(
      applyExemptions(rating, [bySelector], before, {
        resource: { ...resource, tags: { purpose: 'shop' } },
      }).results[0].status,
    ).toBe('fail');
  });

  it('counts exempt results apart in the team score, neither passing nor failing', () => {
    const exempted = applyExemptions(
      rating,
      [exemption(), exemption({ id: 'ex-2', checkId: 'r.name' })],
      before,
    );
    const team = scoreTeam([exempted]);
    expect(team.exemptResultCount).toBe(2);
    expect(team.failingResourceCount).toBe(0);
    expect(team.criticalFailingResourceCount).toBe(0);
    expect(team.failingChecks).toEqual([]);
    expect(team).toMatchObject({ score: 100, grade: 'A' });
    expect(scoreTeam([rating])).toMatchObject({
      exemptResultCount: 0,
      failingResourceCount: 1,
      grade: 'F',
    });
  });
});
