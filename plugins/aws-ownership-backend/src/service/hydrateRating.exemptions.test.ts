import {
  buildResource,
  defaultChecklistConfig,
  evaluateResource,
  type Exemption,
} from '@aws-ownership/backstage-plugin-common';
import type { RatedResource } from '../schema/types';
import { hydrateRating } from './hydrateRating';

const resource = buildResource({
  arn: 'arn:aws:sqs:us-east-1:111122223333:orders-queue',
  tags: { owner: 'payments', environment: 'Prod' },
  sourceRegion: 'us-east-1',
});
const ownership = { ownerTag: { key: 'owner', value: 'payments' } };
const rating = evaluateResource(resource, ownership);
const failing = rating.results.find(r => r.status === 'fail')!;

const exemption: Exemption = {
  id: 'ex-1',
  checkId: failing.checkId,
  arns: [resource.arn],
  reason: 'A queue drained and deleted next week',
  expiresAt: '2026-12-01T00:00:00.000Z',
  status: 'active',
  requestedBy: 'user:default/ann',
  requestedAt: '2026-11-01T00:00:00.000Z',
};

/** What the store gives back: statuses without texts. */
const stored = (r: typeof rating): RatedResource => ({
  resource,
  ownership,
  category: 'abstract',
  rating: {
    ...r,
    results: r.results.map(({ checkId, checklist, status, severity }) => ({
      checkId,
      checklist,
      status,
      severity,
      message: '',
    })),
  },
});

const resultOf = (rated: RatedResource) =>
  rated.rating.results.find(r => r.checkId === failing.checkId)!;

describe('hydrateRating with exemptions', () => {
  const before = new Date('2026-11-30T23:59:59.999Z');
  const at = new Date('2026-12-01T00:00:00.000Z');

  it('applies an exemption approved since the scan at once, with its reason and expiry', () => {
    const hydrated = hydrateRating(
      stored(rating),
      defaultChecklistConfig,
      [],
      [exemption],
      before,
    );
    expect(resultOf(hydrated)).toMatchObject({
      status: 'exempt',
      message: failing.message,
      exemption: {
        id: 'ex-1',
        reason: exemption.reason,
        expiresAt: exemption.expiresAt,
      },
    });
    expect(hydrated.rating.rawScore).toBeGreaterThan(rating.rawScore);
  });

  it('fails the check again once the exemption a scan applied has expired', () => {
    const scanned = hydrateRating(
      stored(rating),
      defaultChecklistConfig,
      [],
      [exemption],
      before,
    );
    const hydrated = hydrateRating(
      stored(scanned.rating),
      defaultChecklistConfig,
      [],
      [exemption],
      at,
    );
    expect(resultOf(hydrated)).toMatchObject({
      status: 'fail',
      message: failing.message,
    });
    expect(resultOf(hydrated).exemption).toBeUndefined();
    expect(hydrated.rating.rawScore).toBe(rating.rawScore);
    expect(hydrated.rating.score).toBe(rating.score);
    expect(hydrated.rating.grade).toBe(rating.grade);
  });
});
