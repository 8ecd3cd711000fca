import { screen } from '@testing-library/react';
import { mockApi } from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { EvidenceCoverage } from './EvidenceCoverage';

const coverage = (region: string, extra: Record<string, unknown> = {}) => ({
  accountId: '222233334444',
  region,
  scanId: 'scan-1',
  configRecording: 'on' as const,
  recordedByConfig: 40,
  listedByTagging: 36,
  neverTagged: 4,
  evidenceAvailable: true,
  ...extra,
});

describe('EvidenceCoverage', () => {
  it('lists each region with Config recording, counts and why evidence is missing', async () => {
    renderWithApi(<EvidenceCoverage />, {
      api: mockApi({
        getAccounts: jest.fn(async () => [
          {
            accountId: '222233334444',
            regions: ['us-east-1', 'eu-central-1'],
            source: 'config' as const,
            coverage: [
              coverage('us-east-1'),
              coverage('eu-central-1', {
                configRecording: 'off',
                recordedByConfig: 0,
                neverTagged: 0,
                evidenceAvailable: false,
                evidenceUnavailableReason:
                  'AWS Config is not recording in eu-central-1',
              }),
            ],
          },
        ]),
      }),
    });
    const on = await screen.findByTestId('coverage-222233334444-us-east-1');
    expect(on).toHaveTextContent('recording');
    expect(on).toHaveTextContent('40');
    expect(on).toHaveTextContent('available');
    const off = screen.getByTestId('coverage-222233334444-eu-central-1');
    expect(off).toHaveTextContent(
      'unavailable: AWS Config is not recording in eu-central-1',
    );
  });
});
