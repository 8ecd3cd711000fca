import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiScan } from '@aws-ownership/backstage-plugin-common';
import { mockApi, scorecardList } from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { OwnershipReviewPage } from '../OwnershipReviewPage';

// usePermission caches answers per permission for the whole module registry
// (SWR), so the permitted case lives in its own file; the review page's
// tests cover the denied one.
const render = (api = mockApi()) =>
  renderWithApi(<OwnershipReviewPage />, { api, canScan: true });

function scan(status: ApiScan['status'], regionsDone: number): ApiScan {
  return {
    id: 'scan-1',
    accountId: '111122223333',
    status,
    trigger: 'manual',
    createdAt: '2026-01-10T09:00:00Z',
    regions: [],
    progress: {
      regionsTotal: 2,
      regionsDone,
      resourcesCollected: regionsDone * 100,
      resourcesRated: 0,
    },
  };
}

describe('ScanNowButton', () => {
  it('starts a scan and follows its progress when permitted', async () => {
    let finish: (value: ApiScan) => void = () => {};
    const getScan = jest
      .fn()
      .mockResolvedValueOnce(scan('running', 1))
      .mockImplementationOnce(
        () => new Promise<ApiScan>(resolve => (finish = resolve)),
      );
    const listScorecards = jest.fn(async () => scorecardList());
    const api = mockApi({
      listScorecards,
      startScan: jest.fn(async () => [scan('pending', 0)]),
      getScan,
    });
    render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: /Scan now/ }),
    );
    expect(
      await screen.findByRole('progressbar', { name: 'Scan progress' }),
    ).toBeInTheDocument();
    // polled after a second: half the regions done
    expect(await screen.findByText(/1 of 2 regions/)).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Scan progress' }),
    ).toHaveAttribute('aria-valuenow', '50');
    expect(screen.getByRole('button', { name: /Scanning/ })).toBeDisabled();
    await waitFor(() => expect(getScan).toHaveBeenCalledTimes(2));
    await act(async () => finish(scan('succeeded', 2)));
    expect(await screen.findByText(/Scan finished/)).toBeInTheDocument();
    expect(getScan).toHaveBeenCalledWith('scan-1');
    // the leaderboard reloads once the scan is done
    await waitFor(() => expect(listScorecards).toHaveBeenCalledTimes(2));
  });

  it('shows the error when the scan cannot start', async () => {
    const api = mockApi({
      listScorecards: jest.fn(async () => scorecardList()),
      startScan: jest.fn(async () => {
        throw new Error('NotAllowedError: scans are disabled');
      }),
    });
    render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: /Scan now/ }),
    );
    expect(
      (await screen.findAllByText(/scans are disabled/))[0],
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Scan now/ })).toBeEnabled();
  });
});
