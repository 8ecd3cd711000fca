import { screen } from '@testing-library/react';
import {
  apiEntity,
  apiError,
  componentEntity,
  groupEntity,
  mockApi,
  scorecard,
  userEntity,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { ScorecardSummaryCard } from './ScorecardSummaryCard';

describe('ScorecardSummaryCard', () => {
  it('shows progress while loading', async () => {
    renderWithApi(<ScorecardSummaryCard />, {
      api: mockApi({ getScorecard: jest.fn(() => new Promise(() => {})) }),
      entity: groupEntity,
    });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error', async () => {
    renderWithApi(<ScorecardSummaryCard />, {
      api: mockApi({
        getScorecard: jest.fn(async () => {
          throw await apiError(500, 'Error', 'boom');
        }),
      }),
      entity: groupEntity,
    });
    expect((await screen.findAllByText(/boom/))[0]).toBeInTheDocument();
  });

  it('says so when nothing is attributed', async () => {
    renderWithApi(<ScorecardSummaryCard />, {
      api: mockApi({
        getScorecard: jest.fn(async () => scorecard({ resourceCount: 0 })),
      }),
      entity: componentEntity,
    });
    expect(
      await screen.findByText(
        'No AWS resources are attributed to this component.',
      ),
    ).toBeInTheDocument();
  });

  it('shows score, grade, the worst check and links to the tab', async () => {
    renderWithApi(<ScorecardSummaryCard />, {
      api: mockApi({ getScorecard: jest.fn(async () => scorecard()) }),
      entity: groupEntity,
    });
    expect(await screen.findByTestId('aws-ownership-score')).toHaveTextContent(
      '72.5',
    );
    expect(screen.getAllByLabelText('Grade C')[0]).toBeInTheDocument();
    expect(screen.getByText('Worst check')).toBeInTheDocument();
    expect(screen.getByText('12 resources')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /View AWS ownership/ }),
    ).toHaveAttribute('href', '/catalog/default/group/payments/aws-ownership');
  });

  it('says when critical failures hold the grade', async () => {
    renderWithApi(<ScorecardSummaryCard />, {
      api: mockApi({
        getScorecard: jest.fn(async () =>
          scorecard({ score: 93, grade: 'C', criticalFailingResourceCount: 2 }),
        ),
      }),
      entity: groupEntity,
    });
    expect(
      await screen.findByText(
        'Grade held at C by 2 resources failing a critical check',
      ),
    ).toBeInTheDocument();
  });

  it.each([
    ['API', apiEntity],
    ['User', userEntity],
  ])('renders nothing on a %s', async (_kind, entity) => {
    const api = mockApi({ getScorecard: jest.fn(async () => scorecard()) });
    renderWithApi(
      <div data-testid="host">
        <ScorecardSummaryCard />
      </div>,
      { api, entity },
    );
    expect(await screen.findByTestId('host')).toBeEmptyDOMElement();
    expect(api.getScorecard).not.toHaveBeenCalled();
  });
});
