import { createTeamScoreAccumulator } from '@aws-ownership/backstage-plugin-common';
import { renderPack } from './renderPack';
import type { ReviewWithActions } from './ReviewService';
import type { ReviewChanges } from './types';

const total = {
  ...createTeamScoreAccumulator().result(),
  score: 77.8,
  grade: 'B' as const,
};

const review: ReviewWithActions = {
  id: 'r2',
  entityRef: 'group:default/payments',
  includeDescendants: true,
  createdAt: '2026-11-29T10:00:00.000Z',
  displayName: 'Payments',
  total,
  teams: [],
  actions: [
    {
      id: 'a1',
      reviewId: 'r1',
      title: 'Tag the | stack',
      assignee: 'group:default/payments',
      due: '2026-12-15',
      arns: [],
      status: 'done',
      note: 'Closed by scan s1',
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
    },
  ],
};

const changes: ReviewChanges = {
  reviewId: 'r2',
  sinceReviewId: 'r1',
  sinceCreatedAt: '2026-11-01T10:00:00.000Z',
  total: {
    teamRef: 'group:default/payments',
    displayName: 'Payments',
    before: { score: 71.6, grade: 'C' },
    after: { score: 77.8, grade: 'B' },
    change: 6.2,
    checklists: {},
  },
  teams: [],
  items: [
    {
      arn: 'arn:a',
      name: 'a',
      resourceType: 's3:bucket',
      kind: 'changed',
      fixed: ['tagging.required'],
      regressed: [],
    },
    {
      arn: 'arn:b',
      name: 'b',
      resourceType: 'sqs:queue',
      kind: 'gone',
      fixed: [],
      regressed: [],
    },
    {
      arn: 'arn:c',
      name: 'c',
      resourceType: 'sqs:queue',
      kind: 'changed',
      fixed: [],
      regressed: [],
      owner: { from: 'group:default/sre', to: 'group:default/payments' },
    },
  ],
};

describe('renderPack', () => {
  it('writes scope, trend, changes, checks with commands, fixes and actions', () => {
    const pack = renderPack({
      review,
      changes,
      fixes: {
        reviewId: 'r2',
        items: [
          {
            checkId: 'naming.convention',
            title: 'Name follows the convention',
            checklist: 'naming',
            arns: ['arn:x', 'arn:y'],
            before: { score: 77.8, grade: 'B' },
            after: { score: 90.1, grade: 'A' },
            gain: 12.3,
            gainPerResource: 6.15,
          },
        ],
      },
      checks: [
        {
          checkId: 'naming.convention',
          title: 'Name follows the convention',
          severity: 'medium',
          failingResources: 2,
          commands: [
            'aws resourcegroupstaggingapi tag-resources --resource-arn-list arn:x --tags Name=X',
          ],
        },
      ],
    });
    expect(pack).toContain('# Ownership review: Payments and its sub-teams');
    expect(pack).toContain('- Grade: **B** (77.8)');
    expect(pack).toContain(
      '- Trend: C (71.6) to B (77.8), +6.2 since 2026-11-01T10:00:00.000Z',
    );
    expect(pack).toContain('### Fixed (1)\n\n- a (`arn:a`): tagging.required');
    expect(pack).toContain('### Gone (1)\n\n- b (`arn:b`): sqs:queue');
    expect(pack).toContain(
      '- c (`arn:c`): group:default/sre to group:default/payments',
    );
    expect(pack).toContain('```sh\naws resourcegroupstaggingapi tag-resources');
    expect(pack).toContain(
      '| Name follows the convention (`naming.convention`) | 2 | +12.3 | B to A |',
    );
    // a pipe in a title does not break the table
    expect(pack).toContain(
      '| Tag the \\| stack | group:default/payments | 2026-12-15 | done: Closed by scan s1 |',
    );
  });

  it('says when a scope has no earlier review', () => {
    const pack = renderPack({
      review: { ...review, actions: [] },
      changes: {
        ...changes,
        sinceReviewId: undefined,
        items: [],
        total: { ...changes.total, before: undefined },
      },
      fixes: { reviewId: 'r2', items: [] },
      checks: [],
    });
    expect(pack).toContain('- Trend: first review of this scope');
    expect(pack).toContain('No earlier review of this scope.');
    expect(pack).toContain('Nothing to fix.');
    expect(pack).toContain('None yet.');
  });
});
