import {
  createOwnershipResolver,
  defaultChecklistConfig,
  type Exemption,
} from '@aws-ownership/backstage-plugin-common';
import { exampleEntities } from '../__testUtils__/exampleEntities';
import { ResourceRater } from './ResourceRater';

const now = new Date('2026-11-29T12:00:00.000Z');
const queue = (name: string, owner: string) => ({
  ResourceARN: `arn:aws:sqs:us-east-1:111122223333:${name}`,
  Tags: [{ Key: 'owner', Value: owner }],
});

describe('ResourceRater with exemptions', () => {
  const exemption: Exemption = {
    id: 'ex-1',
    checkId: 'tagging.required',
    arns: [],
    selector: { resourceType: 'sqs:queue' },
    teamRef: 'group:default/payments',
    reason: 'Queues of the payments sandbox, torn down weekly',
    expiresAt: '2026-12-01T00:00:00.000Z',
    status: 'active',
    requestedBy: 'user:default/ann',
    requestedAt: '2026-11-01T00:00:00.000Z',
  };
  const rater = (exemptions: Exemption[]) =>
    new ResourceRater(
      createOwnershipResolver(exampleEntities(), {
        ...defaultChecklistConfig.ownership,
        escalationAnnotations:
          defaultChecklistConfig.responsibility.escalationAnnotations,
      }),
      defaultChecklistConfig,
      [],
      exemptions,
      now,
    );
  const status = (rated: ReturnType<ResourceRater['rate']>) =>
    rated.rating.results.find(r => r.checkId === 'tagging.required')?.status;

  it("applies a selector at the scan to the requesting team's matching resources only", () => {
    const withExemption = rater([exemption]);
    expect(
      status(withExemption.rate(queue('new-queue', 'payments'), 'us-east-1')),
    ).toBe('exempt');
    expect(
      status(withExemption.rate(queue('their-queue', 'search'), 'us-east-1')),
    ).toBe('fail');
  });

  it('stops applying an exemption that has expired by the scan', () => {
    const expired = rater([{ ...exemption, expiresAt: now.toISOString() }]);
    expect(
      status(expired.rate(queue('new-queue', 'payments'), 'us-east-1')),
    ).toBe('fail');
  });
});
