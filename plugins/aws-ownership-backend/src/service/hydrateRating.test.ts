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
// what the store gives back: statuses without texts
const stored: RatedResource = {
  resource,
  ownership,
  category: 'abstract',
  rating: {
    ...rating,
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
});
