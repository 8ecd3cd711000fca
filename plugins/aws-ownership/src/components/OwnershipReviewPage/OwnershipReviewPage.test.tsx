import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  apiError,
  mockApi,
  resourcePage,
  scorecardList,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { OwnershipReviewPage } from './OwnershipReviewPage';

const render = (api = mockApi()) =>
  renderWithApi(<OwnershipReviewPage />, { api });

describe('OwnershipReviewPage', () => {
  it('shows progress while the leaderboard loads', async () => {
    render(mockApi({ listScorecards: jest.fn(() => new Promise(() => {})) }));
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error when the leaderboard fails', async () => {
    render(
      mockApi({
        listScorecards: jest.fn(async () => {
          throw await apiError(403, 'NotAllowedError', 'not allowed');
        }),
      }),
    );
    expect((await screen.findAllByText(/not allowed/))[0]).toBeInTheDocument();
  });

  it('says so before the first scan', async () => {
    render(
      mockApi({
        listScorecards: jest.fn(async () => ({ items: [], staleRegions: [] })),
      }),
    );
    expect(await screen.findByText('No scorecards yet')).toBeInTheDocument();
    expect(screen.getByTestId('aws-ownership-last-scan')).toHaveTextContent(
      'Last scan: none yet',
    );
  });

  it('lists the unowned bucket first, then teams by score, and the unowned resources', async () => {
    const api = mockApi({
      listScorecards: jest.fn(async () =>
        scorecardList({
          staleRegions: [
            {
              accountId: '222233334444',
              region: 'us-east-1',
              lastSeenAt: '2026-01-09T08:00:00Z',
            },
          ],
        }),
      ),
      listResources: jest.fn(async () => resourcePage(['stray-bucket'])),
    });
    render(api);
    const teams = await screen
      .findByText('Teams', { selector: 'h2, h5, h6' })
      .catch(() => screen.findAllByText('Teams').then(all => all[0]));
    expect(teams).toBeInTheDocument();
    const rows = (await screen.findAllByRole('row')).map(r => r.textContent);
    const order = ['Unowned', 'Platform', 'Payments'].map(name =>
      rows.findIndex(text => text?.includes(name)),
    );
    expect(order[0]).toBeGreaterThan(-1);
    expect(order[0]).toBeLessThan(order[1]);
    expect(order[1]).toBeLessThan(order[2]);
    expect(screen.getByText('-1.5')).toBeInTheDocument();
    // each team links to its tab on the catalog page
    expect(screen.getByRole('link', { name: 'Platform' })).toHaveAttribute(
      'href',
      '/catalog/default/group/platform/aws-ownership',
    );
    expect(screen.getAllByText(/1 stale region/)[0]).toBeInTheDocument();
    expect(screen.getByTestId('aws-ownership-last-scan')).toHaveTextContent(
      'Last scan:',
    );
    expect(await screen.findByText('stray-bucket')).toBeInTheDocument();
    expect(api.listResources).toHaveBeenCalledWith({
      owner: ['unowned'],
      limit: 50,
    });
    // no permission: no scan button
    expect(
      screen.queryByRole('button', { name: /Scan now/ }),
    ).not.toBeInTheDocument();
  });

  it("shows a team's resources from its leaderboard row", async () => {
    const api = mockApi({
      listScorecards: jest.fn(async () => scorecardList()),
      listResources: jest.fn(async () => resourcePage(['x-queue'])),
    });
    render(api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Show the resources of Platform',
      }),
    );
    await waitFor(() =>
      expect(api.listResources).toHaveBeenLastCalledWith({
        owner: ['group:default/platform'],
        limit: 50,
      }),
    );
  });

  it('exports the current view as CSV', async () => {
    const createObjectURL = jest.fn(() => 'blob:csv');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function checkDownload(this: HTMLAnchorElement) {
        expect(this.download).toBe('aws-ownership-resources.csv');
      });
    const api = mockApi({
      listScorecards: jest.fn(async () => scorecardList()),
      listResources: jest.fn(async () => resourcePage(['stray-bucket'])),
      exportResourcesCsv: jest.fn(async () => 'arn,name\na,b\n'),
    });
    render(api);
    await screen.findByText('stray-bucket');
    await userEvent.click(screen.getByRole('button', { name: /Export CSV/ }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.exportResourcesCsv).toHaveBeenCalledWith({ owner: ['unowned'] });
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });

  it('filters the resources by account', async () => {
    const api = mockApi({
      listScorecards: jest.fn(async () => scorecardList()),
      listResources: jest.fn(async () => resourcePage(['stray-bucket'])),
    });
    render(api);
    await screen.findByText('stray-bucket');
    // the filter select, not the table's sort header
    await userEvent.click(
      screen.getAllByRole('button', { name: /Account/ })[0],
    );
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByText('111122223333'),
    );
    await waitFor(() =>
      expect(api.listResources).toHaveBeenLastCalledWith({
        owner: ['unowned'],
        account: ['111122223333'],
        limit: 50,
      }),
    );
  });
});
