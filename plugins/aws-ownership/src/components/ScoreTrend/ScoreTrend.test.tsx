import { screen } from '@testing-library/react';
import { apiError, mockApi } from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { ScoreTrend } from './ScoreTrend';

const point = (at: string, score: number) => ({
  scanId: at,
  at,
  score,
  grade: 'C' as const,
  resourceCount: 10,
});

describe('ScoreTrend', () => {
  it('shows progress while loading', async () => {
    renderWithApi(<ScoreTrend entityRef="group:default/payments" />, {
      api: mockApi({ getHistory: jest.fn(() => new Promise(() => {})) }),
    });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error', async () => {
    renderWithApi(<ScoreTrend entityRef="group:default/payments" />, {
      api: mockApi({
        getHistory: jest.fn(async () => {
          throw await apiError(500, 'Error', 'history broke');
        }),
      }),
    });
    expect(
      (await screen.findAllByText(/history broke/))[0],
    ).toBeInTheDocument();
  });

  it('says so without history', async () => {
    renderWithApi(<ScoreTrend entityRef="group:default/payments" />, {
      api: mockApi({ getHistory: jest.fn(async () => []) }),
    });
    expect(await screen.findByText('No scan history yet.')).toBeInTheDocument();
  });

  it('summarises the history it charts', async () => {
    renderWithApi(<ScoreTrend entityRef="group:default/payments" />, {
      api: mockApi({
        getHistory: jest.fn(async () => [
          point('2026-01-01T00:00:00Z', 55),
          point('2026-01-02T00:00:00Z', 61.5),
          point('2026-01-03T00:00:00Z', 64),
        ]),
      }),
    });
    expect(
      await screen.findByText('From 55 to 64 over 3 scans.'),
    ).toBeInTheDocument();
  });

  it('handles a single scan', async () => {
    renderWithApi(<ScoreTrend entityRef="group:default/payments" />, {
      api: mockApi({
        getHistory: jest.fn(async () => [point('2026-01-01T00:00:00Z', 55)]),
      }),
    });
    expect(await screen.findByText('One scan so far: 55.')).toBeInTheDocument();
  });
});
