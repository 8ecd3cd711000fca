import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  ApiActionItem,
  ApiReview,
  ApiReviewChanges,
  ApiReviewFixes,
  AwsOwnershipReviewsApi,
} from '@aws-ownership/backstage-plugin-common';
import { mockApi } from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { ReviewMeeting } from './ReviewMeetingPage';

const team = {
  teamRef: 'group:default/payments',
  displayName: 'Payments',
  score: 71.6,
  grade: 'C' as const,
  resourceCount: 12,
  failingResourceCount: 4,
  criticalFailingResourceCount: 0,
  checklists: {},
  failingChecks: [],
};

const action = (over: Partial<ApiActionItem> = {}): ApiActionItem => ({
  id: 'a1',
  reviewId: 'r2',
  title: 'Tag the orders bucket',
  assignee: 'user:default/alice',
  due: '2026-12-15',
  arns: [],
  status: 'open',
  createdAt: '2026-11-29T10:00:00Z',
  updatedAt: '2026-11-29T10:00:00Z',
  ...over,
});

function review(actions: ApiActionItem[]): ApiReview {
  return {
    id: 'r2',
    entityRef: 'group:default/payments',
    includeDescendants: false,
    createdAt: '2026-11-29T10:00:00Z',
    displayName: 'Payments',
    previousReviewId: 'r1',
    total: team,
    teams: [team],
    actions,
  };
}

const changes: ApiReviewChanges = {
  reviewId: 'r2',
  sinceReviewId: 'r1',
  sinceCreatedAt: '2026-11-01T10:00:00Z',
  total: {
    teamRef: 'group:default/payments',
    displayName: 'Payments',
    before: { score: 60, grade: 'C' },
    after: { score: 71.6, grade: 'C' },
    change: 11.6,
    checklists: {},
  },
  teams: [],
  items: [
    {
      arn: 'arn:aws:s3:::orders-bucket-with-a-very-long-name-that-would-wrap',
      name: 'orders-bucket-with-a-very-long-name-that-would-wrap',
      resourceType: 's3:bucket',
      kind: 'changed',
      fixed: ['tagging.required'],
      regressed: [],
    },
    {
      arn: 'arn:aws:sqs:us-east-1:111122223333:gone',
      name: 'gone-queue',
      resourceType: 'sqs:queue',
      kind: 'gone',
      fixed: [],
      regressed: [],
    },
    {
      arn: 'arn:aws:sqs:us-east-1:111122223333:moved',
      name: 'moved-queue',
      resourceType: 'sqs:queue',
      kind: 'changed',
      fixed: [],
      regressed: [],
      owner: { from: 'group:default/sre', to: 'group:default/payments' },
    },
  ],
};

const fixes: ApiReviewFixes = {
  reviewId: 'r2',
  items: [
    {
      checkId: 'tagging.required',
      title: 'Required tags present',
      checklist: 'tagging',
      arns: ['a', 'b', 'c', 'd'],
      before: { score: 71.6, grade: 'C' },
      after: { score: 77.8, grade: 'B' },
      gain: 6.2,
      gainPerResource: 1.55,
    },
  ],
};

function reviewsApi(actions: ApiActionItem[]) {
  let current = actions;
  const api = {
    getReview: jest.fn(async () => review(current)),
    getChanges: jest.fn(async () => changes),
    getFixes: jest.fn(async () => fixes),
    listReviews: jest.fn(async () => []),
    getPackUrl: jest.fn(async () => 'http://backend/reviews/r2/pack.md'),
    addAction: jest.fn(
      async (_id: string, body: { title: string; assignee: string }) => {
        const added = action({ id: 'a2', ...body });
        current = [...current, added];
        return added;
      },
    ),
    updateAction: jest.fn(
      async (id: string, body: { status: ApiActionItem['status'] }) => {
        current = current.map(a => (a.id === id ? { ...a, ...body } : a));
        return current.find(a => a.id === id)!;
      },
    ),
  } satisfies Partial<AwsOwnershipReviewsApi>;
  return api;
}

describe('ReviewMeeting', () => {
  it('shows the changes first, then the fixes, the action items and the scorecard', async () => {
    const api = reviewsApi([action()]);
    await renderWithApi(<ReviewMeeting reviewId="r2" />, {
      api: mockApi(),
      reviewsApi: api,
    });
    expect(
      await screen.findByText('Ownership review: Payments'),
    ).toBeInTheDocument();
    const fixed = screen.getByTestId('aws-ownership-changes-fixed');
    expect(within(fixed).getByText('Fixed (1)')).toBeInTheDocument();
    expect(within(fixed).getByText('tagging.required')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('aws-ownership-changes-gone')).getByText(
        'gone-queue',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('aws-ownership-changes-regressed')).getByText(
        'Regressed (0)',
      ),
    ).toBeInTheDocument();
    // owners as entity links, not raw refs in text
    const owner = screen.getByTestId('aws-ownership-changes-owner');
    expect(within(owner).getAllByRole('link').length).toBe(2);
    // the fix list, in the reader's locale
    const fixList = screen.getByTestId('aws-ownership-fix-list');
    expect(
      within(fixList).getByText('Required tags present'),
    ).toBeInTheDocument();
    expect(within(fixList).getByText('+6.2')).toBeInTheDocument();
    // the action item and its assignee link
    const actions = screen.getByTestId('aws-ownership-actions');
    expect(
      within(actions).getByText('Tag the orders bucket'),
    ).toBeInTheDocument();
    expect(within(actions).getByRole('link')).toBeInTheDocument();
    expect(
      screen.getByTestId('aws-ownership-review-scorecard'),
    ).toBeInTheDocument();
    // sections in meeting order
    const order = [
      'aws-ownership-changes-fixed',
      'aws-ownership-fix-list',
      'aws-ownership-actions',
      'aws-ownership-review-scorecard',
    ].map(id => screen.getByTestId(id));
    for (let i = 1; i < order.length; i++) {
      expect(
        order[i - 1].compareDocumentPosition(order[i]) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
    }
  });

  it('adds an action item and closes one inline', async () => {
    const api = reviewsApi([action()]);
    await renderWithApi(<ReviewMeeting reviewId="r2" />, {
      api: mockApi(),
      reviewsApi: api,
    });
    await screen.findByText('Tag the orders bucket');
    await userEvent.type(
      screen.getByLabelText('What will be done'),
      'Rename the queue',
    );
    await userEvent.type(
      screen.getByLabelText('Assignee (user or group)'),
      'group:default/payments',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(api.addAction).toHaveBeenCalledWith('r2', {
        title: 'Rename the queue',
        assignee: 'group:default/payments',
      }),
    );
    expect(await screen.findByText('Rename the queue')).toBeInTheDocument();

    const [firstStatus] = within(
      screen.getByTestId('aws-ownership-actions'),
    ).getAllByText('Open');
    await userEvent.click(firstStatus);
    await userEvent.click(await screen.findByRole('option', { name: 'Done' }));
    await waitFor(() =>
      expect(api.updateAction).toHaveBeenCalledWith('a1', {
        status: 'done',
        note: undefined,
      }),
    );
  });

  it('shows what came into the team as an owner change into it, and the exemptions that started, expired or were revoked', async () => {
    const api = reviewsApi([]);
    api.getChanges.mockResolvedValue({
      ...changes,
      items: [
        {
          arn: 'arn:aws:sqs:us-east-1:111122223333:came-in',
          name: 'came-in-queue',
          resourceType: 'sqs:queue',
          kind: 'changed',
          fixed: [],
          regressed: [],
          owner: { from: 'group:default/sre', to: 'group:default/payments' },
          move: 'in',
          scoreAfter: 80,
        },
        {
          arn: 'arn:aws:sqs:us-east-1:111122223333:was-unowned',
          name: 'was-unowned-queue',
          resourceType: 'sqs:queue',
          kind: 'changed',
          fixed: [],
          regressed: [],
          owner: { to: 'group:default/payments' },
          move: 'in',
          scoreAfter: 80,
        },
        {
          arn: 'arn:aws:sqs:us-east-1:111122223333:brand-new',
          name: 'brand-new-queue',
          resourceType: 'sqs:queue',
          kind: 'new',
          fixed: [],
          regressed: [],
          scoreAfter: 80,
        },
      ],
      exemptions: [
        {
          exemptionId: 'x1',
          change: 'started',
          at: '2026-11-10T09:00:00Z',
          by: 'user:default/pat',
          checkId: 'responsibility.backup',
          teamRef: 'group:default/payments',
          resourceCount: 3,
          arns: ['arn:x', 'arn:y', 'arn:z'],
          reason: 'Scratch data, rebuilt from source every night',
          expiresAt: '2027-01-31T00:00:00Z',
          requestedBy: 'user:default/ann',
          approvedBy: 'user:default/pat',
        },
        {
          exemptionId: 'x2',
          change: 'expired',
          at: '2026-11-20T00:00:00Z',
          checkId: 'tagging.required',
          teamRef: 'group:default/payments',
          resourceCount: 1,
          arns: ['arn:x'],
          reason: 'Tagged by the pipeline from next quarter on',
          expiresAt: '2026-11-20T00:00:00Z',
          requestedBy: 'user:default/ann',
        },
        {
          exemptionId: 'x3',
          change: 'revoked',
          at: '2026-11-21T00:00:00Z',
          by: 'user:default/sam',
          checkId: 'naming.convention',
          teamRef: 'group:default/payments',
          resourceCount: 2,
          arns: ['arn:x', 'arn:y'],
          reason: 'Legacy names kept for the migration window',
          expiresAt: '2027-02-01T00:00:00Z',
          requestedBy: 'user:default/ann',
          approvedBy: 'user:default/pat',
        },
      ],
    });
    await renderWithApi(<ReviewMeeting reviewId="r2" />, {
      api: mockApi(),
      reviewsApi: api,
    });
    const owner = await screen.findByTestId('aws-ownership-changes-owner');
    expect(within(owner).getByText('Owner changed (2)')).toBeInTheDocument();
    const cameIn = within(owner).getByText('came-in-queue').closest('tr')!;
    expect(cameIn).toHaveTextContent('Into Payments from');
    expect(within(cameIn).getByRole('link')).toHaveTextContent('sre');
    const wasUnowned = within(owner)
      .getByText('was-unowned-queue')
      .closest('tr')!;
    expect(wasUnowned).toHaveTextContent('Into Payments from Unowned');
    // only what is new in AWS is new
    const added = screen.getByTestId('aws-ownership-changes-new');
    expect(within(added).getByText('New (1)')).toBeInTheDocument();
    expect(within(added).getByText('brand-new-queue')).toBeInTheDocument();
    expect(within(added).queryByText('came-in-queue')).not.toBeInTheDocument();

    const exemptions = screen.getByTestId('aws-ownership-changes-exemptions');
    expect(
      within(exemptions).getByText(
        'Exemptions started, expired or revoked (3)',
      ),
    ).toBeInTheDocument();
    const rows = within(exemptions).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Started');
    expect(rows[0]).toHaveTextContent('responsibility.backup');
    expect(rows[0]).toHaveTextContent('pat');
    expect(rows[0]).toHaveTextContent(
      'Scratch data, rebuilt from source every night',
    );
    expect(within(rows[0]).getByText('3')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('Expired');
    expect(rows[1]).toHaveTextContent('tagging.required');
    expect(rows[2]).toHaveTextContent('Revoked');
    expect(rows[2]).toHaveTextContent('sam');
  });

  it('says so on the first review of a scope', async () => {
    const api = reviewsApi([]);
    api.getChanges.mockResolvedValue({
      ...changes,
      sinceReviewId: undefined,
      items: [],
    });
    await renderWithApi(<ReviewMeeting reviewId="r2" />, {
      api: mockApi(),
      reviewsApi: api,
    });
    expect(
      await screen.findByText(/first review of this scope/),
    ).toBeInTheDocument();
    expect(screen.getByText('No action items yet.')).toBeInTheDocument();
  });
});
