import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { StartReviewButton } from './StartReviewButton';

describe('StartReviewButton', () => {
  it('takes a review of the scope', async () => {
    const createReview = jest.fn(async () => ({ id: 'r1' } as any));
    await renderWithApi(
      <StartReviewButton
        entityRef="group:default/payments"
        includeDescendants
      />,
      { api: mockApi(), reviewsApi: { createReview } },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Start review' }));
    await waitFor(() =>
      expect(createReview).toHaveBeenCalledWith({
        entityRef: 'group:default/payments',
        includeDescendants: true,
      }),
    );
  });

  it('shows why a review could not be taken', async () => {
    const createReview = jest.fn(async () => {
      throw new Error('Missing permission aws-ownership.review.create');
    });
    await renderWithApi(<StartReviewButton entityRef="organisation" />, {
      api: mockApi(),
      reviewsApi: { createReview },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Start review' }));
    expect(
      (
        await screen.findAllByText(
          /Missing permission aws-ownership.review.create/,
        )
      )[0],
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start review' })).toBeEnabled();
  });
});
