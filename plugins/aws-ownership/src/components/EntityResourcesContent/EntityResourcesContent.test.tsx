import { screen } from '@testing-library/react';
import {
  apiError,
  componentEntity,
  mockApi,
  resourcePage,
  scorecard,
  systemEntity,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { EntityResourcesContent } from './EntityResourcesContent';

describe('EntityResourcesContent', () => {
  it('shows progress while loading', async () => {
    renderWithApi(<EntityResourcesContent />, {
      api: mockApi({ getScorecard: jest.fn(() => new Promise(() => {})) }),
      entity: componentEntity,
    });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error', async () => {
    renderWithApi(<EntityResourcesContent />, {
      api: mockApi({
        getScorecard: jest.fn(async () => {
          throw await apiError(500, 'Error', 'boom');
        }),
      }),
      entity: componentEntity,
    });
    expect((await screen.findAllByText(/boom/))[0]).toBeInTheDocument();
  });

  it('says how to attach resources when there are none', async () => {
    renderWithApi(<EntityResourcesContent />, {
      api: mockApi({
        getScorecard: jest.fn(async () => {
          throw await apiError(404, 'NotFoundError', 'none');
        }),
      }),
      entity: systemEntity,
    });
    expect(
      await screen.findByText('No AWS resources attached to this system'),
    ).toBeInTheDocument();
    expect(screen.getByText(/component=orders/)).toBeInTheDocument();
  });

  it('lists the resources attached to the component with their ratings', async () => {
    const api = mockApi({
      getScorecard: jest.fn(async () =>
        scorecard({
          entityRef: 'component:default/orders-api',
          kind: 'component',
        }),
      ),
      listResources: jest.fn(async () => resourcePage(['orders-queue'])),
    });
    renderWithApi(<EntityResourcesContent />, { api, entity: componentEntity });
    expect(await screen.findByText('orders-queue')).toBeInTheDocument();
    expect(screen.getByTestId('aws-ownership-score')).toHaveTextContent('72.5');
    expect(api.getScorecard).toHaveBeenCalledWith(
      'component:default/orders-api',
      undefined,
    );
    expect(api.listResources).toHaveBeenCalledWith({
      component: ['component:default/orders-api'],
      limit: 25,
    });
    // the owner column links to the team that owns each one
    expect(
      screen.getAllByRole('link', { name: /payments/ })[0],
    ).toHaveAttribute('href', expect.stringContaining('/group/payments'));
  });
});
