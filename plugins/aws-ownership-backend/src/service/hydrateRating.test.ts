import {
  buildResource,
  defaultChecklistConfig,
  evaluateResource,
  resolveChecklistConfig,
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
// what the store gives back: statuses without texts, and no cap (it depends on the config)
const { cappedBy: _cappedBy, ...storedRating } = rating;
const stored: RatedResource = {
  resource,
  ownership,
  category: 'abstract',
  rating: {
    ...storedRating,
    results: rating.results.map(({ checkId, checklist, status, severity }) => ({
      checkId,
      checklist,
      status,
      severity,
      message: '',
    })),
  },
};

describe('hydrateRating', () => {
  it('rebuilds every message, remediation and command of the same rating', () => {
    const hydrated = hydrateRating(stored, defaultChecklistConfig, []);
    expect(hydrated.rating).toEqual(rating);
    const allowed = hydrated.rating.results.find(
      r => r.checkId === 'tagging.allowed-values',
    );
    expect(allowed?.status).toBe('fail');
    expect(allowed?.command).toContain(
      'aws resourcegroupstaggingapi tag-resources',
    );
  });

  it('keeps the stored status and says so when today’s settings decide otherwise', () => {
    const relaxed = resolveChecklistConfig({
      tagging: { allowedValues: { environment: [] } },
    });
    const hydrated = hydrateRating(stored, relaxed, []);
    const allowed = hydrated.rating.results.find(
      r => r.checkId === 'tagging.allowed-values',
    );
    expect(allowed?.status).toBe('fail');
    expect(allowed?.message).toMatch(
      /^Rated fail by the last scan; with the current checklist settings it would be/,
    );
    expect(hydrated.rating.score).toBe(rating.score);
  });

  it('names the check that capped the score, under the configured caps', () => {
    // the owner tag resolves to no Group: a critical failure
    expect(
      hydrateRating(stored, defaultChecklistConfig, []).rating.cappedBy,
    ).toEqual({
      checkId: 'responsibility.owner-resolves',
      severity: 'critical',
      cap: 39.9,
    });
    const stricter = resolveChecklistConfig({
      scoring: { caps: { critical: 19.9 } },
    });
    expect(hydrateRating(stored, stricter, []).rating.cappedBy).toEqual({
      checkId: 'responsibility.owner-resolves',
      severity: 'critical',
      cap: 19.9,
    });
    expect(hydrateRating(stored, stricter, []).rating.rawScore).toBe(
      rating.rawScore,
    );
  });
});
