import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, mockApi, ratedResource } from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { ResourceDetailDrawer } from './ResourceDetailDrawer';

const arn = 'arn:aws:sqs:eu-west-1:111122223333:orders-queue';
const render = (api = mockApi(), onClose = jest.fn()) =>
  renderWithApi(<ResourceDetailDrawer arn={arn} onClose={onClose} />, {
    api,
  });

describe('ResourceDetailDrawer', () => {
  it('renders nothing without an ARN', async () => {
    renderWithApi(<ResourceDetailDrawer onClose={jest.fn()} />, {
      api: mockApi(),
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows progress while the resource loads', async () => {
    render(mockApi({ getResource: jest.fn(() => new Promise(() => {})) }));
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error when the resource cannot be read', async () => {
    render(
      mockApi({
        getResource: jest.fn(async () => {
          throw await apiError(404, 'NotFoundError', 'no resource');
        }),
      }),
    );
    expect((await screen.findAllByText(/no resource/))[0]).toBeInTheDocument();
  });

  it('shows every check, facts, tags and the console link; copies the command', async () => {
    const writeText = jest.fn(async () => {});
    Object.assign(window.navigator, { clipboard: { writeText } });
    const onClose = jest.fn();
    render(
      mockApi({
        getResource: jest.fn(async () =>
          ratedResource('orders-queue', { stale: true }),
        ),
      }),
      onClose,
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Resource detail',
    });
    const d = within(dialog);
    expect(
      await d.findByRole('heading', { name: 'orders-queue' }),
    ).toBeInTheDocument();
    // all three results with their status
    expect(d.getByTestId('check-tagging.required')).toHaveTextContent('Fails');
    expect(d.getByTestId('check-tagging.required')).toHaveTextContent(
      'What to do: Add the missing tags.',
    );
    expect(
      d.getByTestId('check-responsibility.owner-assigned'),
    ).toHaveTextContent('Passes');
    expect(d.getByTestId('check-responsibility.backup')).toHaveTextContent(
      'Not applicable',
    );
    // facts
    const facts = within(d.getByRole('table', { name: 'Resource facts' }));
    expect(facts.getByText('111122223333')).toBeInTheDocument();
    expect(facts.getByText('eu-west-1')).toBeInTheDocument();
    expect(facts.getByText('abstract')).toBeInTheDocument();
    expect(facts.getByText('group:default/payments')).toBeInTheDocument();
    expect(facts.getByText('stale')).toBeInTheDocument();
    // tags
    const tags = within(d.getByRole('table', { name: 'Tags' }));
    expect(tags.getByText('environment')).toBeInTheDocument();
    expect(tags.getByText('prod')).toBeInTheDocument();
    // console
    expect(
      d.getByRole('link', { name: /Open in the AWS console/ }),
    ).toHaveAttribute('href', 'https://console.aws.amazon.com/sqs/v2/home');
    // copy the CLI command
    await userEvent.click(d.getByRole('button', { name: 'Copy command' }));
    expect(writeText).toHaveBeenCalledWith(
      expect.stringContaining(
        'aws resourcegroupstaggingapi tag-resources --resource-arn-list',
      ),
    );
    await userEvent.click(d.getAllByRole('button', { name: 'Close' })[0]);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('shows a resource without tags or console link', async () => {
    const bare = ratedResource('bare', { consoleUrl: undefined });
    bare.resource = {
      ...bare.resource,
      tags: {},
      service: 'made-up',
      resourceType: 'made-up:thing',
    };
    render(mockApi({ getResource: jest.fn(async () => bare) }));
    expect(await screen.findByText('No tags.')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /Open in the AWS console/ }),
    ).not.toBeInTheDocument();
  });
});
