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
    {
      arn: 'arn:d',
      name: 'd',
      resourceType: 'sqs:queue',
      kind: 'changed',
      fixed: [],
      regressed: [],
      owner: { from: 'group:default/sre', to: 'group:default/payments' },
      move: 'in',
      scoreAfter: 80,
    },
    {
      arn: 'arn:e',
      name: 'e',
      resourceType: 'sqs:queue',
      kind: 'changed',
      fixed: [],
      regressed: [],
      owner: { to: 'group:default/payments-api' },
      move: 'in',
      scoreAfter: 80,
    },
    {
      arn: 'arn:f',
      name: 'f',
      resourceType: 'sqs:queue',
      kind: 'changed',
      fixed: [],
      regressed: [],
      owner: { from: 'group:default/payments', to: 'group:default/sre' },
      move: 'out',
    },
  ],
  exemptions: [
    {
      exemptionId: 'x1',
      change: 'started',
      at: '2026-11-10T09:00:00.000Z',
      by: 'user:default/pat',
      checkId: 'responsibility.backup',
      teamRef: 'group:default/payments',
      resourceCount: 3,
      arns: ['arn:x', 'arn:y', 'arn:z'],
      reason: 'Scratch data,\nrebuilt from source every night',
      expiresAt: '2027-01-31T00:00:00.000Z',
      requestedBy: 'user:default/ann',
      approvedBy: 'user:default/pat',
    },
    {
      exemptionId: 'x2',
      change: 'expired',
      at: '2026-11-20T00:00:00.000Z',
      checkId: 'tagging.required',
      teamRef: 'group:default/payments',
      resourceCount: 1,
      arns: ['arn:x'],
      reason: 'Tagged by the pipeline from next quarter on',
      expiresAt: '2026-11-20T00:00:00.000Z',
      requestedBy: 'user:default/ann',
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
    // across the scope's edge: in (not new) and out, naming a sub-team
    expect(pack).toContain('### New (0)');
    expect(pack).toContain('### Owner changed (4)');
    expect(pack).toContain(
      '- d (`arn:d`): into Payments and its sub-teams from group:default/sre',
    );
    expect(pack).toContain(
      '- e (`arn:e`): into Payments and its sub-teams (group:default/payments-api) from unowned',
    );
    expect(pack).toContain(
      '- f (`arn:f`): out of Payments and its sub-teams to group:default/sre',
    );
    expect(pack).toContain(
      '### Exemptions started, expired or revoked (2)\n\n' +
        '- Started 2026-11-10T09:00:00.000Z by user:default/pat: `responsibility.backup` on 3 resources of group:default/payments, requested by user:default/ann, expires 2027-01-31T00:00:00.000Z. Reason: Scratch data, rebuilt from source every night\n' +
        '- Expired 2026-11-20T00:00:00.000Z: `tagging.required` on 1 resource of group:default/payments, requested by user:default/ann, expires 2026-11-20T00:00:00.000Z. Reason: Tagged by the pipeline from next quarter on\n',
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
