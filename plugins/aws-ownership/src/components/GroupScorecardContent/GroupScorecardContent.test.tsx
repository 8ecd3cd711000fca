import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  apiError,
  groupEntity,
  mockApi,
  ratedResource,
  resourcePage,
  scorecard,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { GroupScorecardContent } from './GroupScorecardContent';

const render = (api = mockApi()) =>
  renderWithApi(<GroupScorecardContent />, { api, entity: groupEntity });

describe('GroupScorecardContent', () => {
  it('shows progress while the scorecard loads', async () => {
    render(mockApi({ getScorecard: jest.fn(() => new Promise(() => {})) }));
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error when the scorecard fails', async () => {
    render(
      mockApi({
        getScorecard: jest.fn(async () => {
          throw await apiError(500, 'Error', 'database is locked');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/database is locked/))[0],
    ).toBeInTheDocument();
    expect(screen.queryByTestId('aws-ownership-score')).not.toBeInTheDocument();
  });

  it('says so when the team owns nothing (404 or zero resources)', async () => {
    const { unmount } = render(
      mockApi({
        getScorecard: jest.fn(async () => {
          throw await apiError(404, 'NotFoundError', 'no scorecard');
        }),
      }),
    );
    expect(
      await screen.findByText('No AWS resources owned by this team'),
    ).toBeInTheDocument();
    unmount();
    render(
      mockApi({
        getScorecard: jest.fn(async () =>
          scorecard({ resourceCount: 0, failingChecks: [] }),
        ),
      }),
    );
    expect(
      await screen.findByText('No AWS resources owned by this team'),
    ).toBeInTheDocument();
  });

  it('shows score, grade, checklists, failing checks ranked and the resources', async () => {
    const api = mockApi({
      getScorecard: jest.fn(async () => scorecard()),
      listResources: jest.fn(async () =>
        resourcePage(['orders-queue', 'refunds-queue'], { totalCount: 2 }),
      ),
      getHistory: jest.fn(async () => [
        {
          scanId: 's1',
          at: '2026-01-09T08:00:00Z',
          score: 70,
          grade: 'C' as const,
          resourceCount: 40,
        },
        {
          scanId: 's2',
          at: '2026-01-10T08:00:00Z',
          score: 72.5,
          grade: 'C' as const,
          resourceCount: 42,
        },
      ]),
    });
    render(api);

    expect(await screen.findByTestId('aws-ownership-score')).toHaveTextContent(
      '72.5',
    );
    expect(screen.getAllByLabelText('Grade C').length).toBeGreaterThan(0);
    expect(
      screen.getByText('+2.5 since the previous scan'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('checklist-naming')).toHaveAttribute(
      'aria-label',
      'Naming: 91, grade A',
    );
    expect(screen.getByTestId('checklist-responsibility')).toHaveAttribute(
      'aria-label',
      'Responsibility: 38, grade F',
    );

    // ranked by resources affected, titles and remediation from -common
    const failing = within(
      screen.getByRole('list', { name: 'Failing checks' }),
    );
    const items = failing.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('12');
    expect(items[1]).toHaveTextContent('3');
    expect(items[0]).toHaveTextContent(/What to do:/);
    expect(items[0]).not.toHaveTextContent('responsibility.backup');

    expect(await screen.findByText('orders-queue')).toBeInTheDocument();
    expect(screen.getByText('refunds-queue')).toBeInTheDocument();
    expect(api.getScorecard).toHaveBeenCalledWith(
      'group:default/payments',
      undefined,
    );
    expect(api.listResources).toHaveBeenCalledWith({
      owner: ['group:default/payments'],
      limit: 25,
    });
    expect(
      await screen.findByText('From 70 to 72.5 over 2 scans.'),
    ).toBeInTheDocument();
    expect(api.getHistory).toHaveBeenCalledWith('group:default/payments', {
      limit: 50,
    });
  });

  it('says when critical failures hold the grade at C', async () => {
    render(
      mockApi({
        getScorecard: jest.fn(async () =>
          scorecard({
            score: 91.2,
            grade: 'C',
            criticalFailingResourceCount: 3,
          }),
        ),
      }),
    );
    expect(await screen.findByTestId('aws-ownership-score')).toHaveTextContent(
      '91.2',
    );
    expect(screen.getAllByLabelText('Grade C').length).toBeGreaterThan(0);
    expect(
      screen.getByText(
        'Grade held at C by 3 resources failing a critical check',
      ),
    ).toBeInTheDocument();
  });

  it('counts critical failures without claiming a hold the score explains', async () => {
    render(
      mockApi({
        getScorecard: jest.fn(async () =>
          scorecard({ score: 52, grade: 'D', criticalFailingResourceCount: 1 }),
        ),
      }),
    );
    expect(
      await screen.findByText('1 resource failing a critical check'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/held at/)).not.toBeInTheDocument();
  });

  it('says nothing of critical failures when there are none', async () => {
    render(
      mockApi({
        getScorecard: jest.fn(async () =>
          scorecard({ criticalFailingResourceCount: 0 }),
        ),
      }),
    );
    await screen.findByTestId('aws-ownership-score');
    expect(screen.queryByText(/critical check/)).not.toBeInTheDocument();
  });

  it('rolls up sub-teams when the switch is on', async () => {
    const api = mockApi({
      getScorecard: jest.fn(async () => scorecard()),
      listResources: jest.fn(async () => resourcePage(['orders-queue'])),
    });
    render(api);
    await screen.findByTestId('aws-ownership-score');
    await userEvent.click(screen.getByLabelText('Include sub-teams'));
    await waitFor(() =>
      expect(api.getScorecard).toHaveBeenLastCalledWith(
        'group:default/payments',
        { includeDescendants: true },
      ),
    );
    await waitFor(() =>
      expect(api.listResources).toHaveBeenLastCalledWith({
        owner: ['group:default/payments'],
        includeDescendants: true,
        limit: 25,
      }),
    );
  });

  it('filters the resources by a failing check', async () => {
    const api = mockApi({
      getScorecard: jest.fn(async () => scorecard()),
      listResources: jest.fn(async () => resourcePage(['orders-queue'])),
    });
    render(api);
    await screen.findByText('orders-queue');
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Show these resources' })[0],
    );
    await waitFor(() =>
      expect(api.listResources).toHaveBeenLastCalledWith({
        owner: ['group:default/payments'],
        checkId: 'responsibility.backup',
        limit: 25,
      }),
    );
  });

  it('pages forward with the cursor and back with the stack', async () => {
    const api = mockApi({
      getScorecard: jest.fn(async () => scorecard()),
      listResources: jest.fn(async query =>
        query?.cursor === 'c2'
          ? resourcePage(['page-two'], { totalCount: 26 })
          : resourcePage(['page-one'], { totalCount: 26, nextCursor: 'c2' }),
      ),
    });
    render(api);
    await screen.findByText('page-one');
    expect(
      screen.getByRole('button', { name: 'Previous page' }),
    ).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('page-two')).toBeInTheDocument();
    expect(api.listResources).toHaveBeenLastCalledWith({
      owner: ['group:default/payments'],
      cursor: 'c2',
      limit: 25,
    });
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await userEvent.click(
      screen.getByRole('button', { name: 'Previous page' }),
    );
    expect(await screen.findByText('page-one')).toBeInTheDocument();
  });

  it('sorts on the server', async () => {
    const api = mockApi({
      getScorecard: jest.fn(async () => scorecard()),
      listResources: jest.fn(async () => resourcePage(['orders-queue'])),
    });
    render(api);
    await screen.findByText('orders-queue');
    await userEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(api.listResources).toHaveBeenLastCalledWith({
        owner: ['group:default/payments'],
        sort: 'score',
        order: 'asc',
        limit: 25,
      }),
    );
  });

  it('opens a resource in the detail drawer', async () => {
    const api = mockApi({
      getScorecard: jest.fn(async () => scorecard()),
      listResources: jest.fn(async () => resourcePage(['orders-queue'])),
      getResource: jest.fn(async () => ratedResource('orders-queue')),
    });
    render(api);
    await userEvent.click(await screen.findByText('orders-queue'));
    const drawer = await screen.findByRole('dialog', {
      name: 'Resource detail',
    });
    expect(
      await within(drawer).findByText(
        'Missing required tags: cost-center, application',
      ),
    ).toBeInTheDocument();
    expect(api.getResource).toHaveBeenCalledWith(
      'arn:aws:sqs:eu-west-1:111122223333:orders-queue',
    );
  });

  it('keeps working with 5,000 resources: one page at a time', async () => {
    const names = Array.from({ length: 25 }, (_, i) => `queue-${i}`);
    const api = mockApi({
      getScorecard: jest.fn(async () =>
        scorecard({ resourceCount: 5000, failingResourceCount: 4000 }),
      ),
      listResources: jest.fn(async () =>
        resourcePage(names, { totalCount: 5000, nextCursor: 'next' }),
      ),
    });
    render(api);
    expect(await screen.findByText('queue-24')).toBeInTheDocument();
    expect(screen.getByText('1–25 of 5,000')).toBeInTheDocument();
    expect(
      screen.getByText('5,000 resources, 4,000 failing a check'),
    ).toBeInTheDocument();
  });
});
