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

  it('says which failing check capped the score, and the score before it', async () => {
    const capped = ratedResource('orders-queue');
    capped.rating = {
      ...capped.rating,
      score: 74.9,
      grade: 'C',
      rawScore: 92.3,
      cappedBy: { checkId: 'tagging.required', severity: 'high', cap: 74.9 },
    };
    render(mockApi({ getResource: jest.fn(async () => capped) }));
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Resource detail' }),
    );
    expect(
      await dialog.findByText('Capped at C by: Required tags present'),
    ).toBeInTheDocument();
    expect(
      dialog.getByText('sqs:queue · score 74.9 (92.3 before the cap)'),
    ).toBeInTheDocument();
    expect(dialog.getAllByLabelText('Grade C')[0]).toBeInTheDocument();
  });

  it('names a check added by a backend module from the check catalogue', async () => {
    const capped = ratedResource('orders-queue');
    capped.rating = {
      ...capped.rating,
      score: 39.9,
      grade: 'F',
      rawScore: 39.9,
      cappedBy: {
        checkId: 'acme.public-bucket',
        severity: 'critical',
        cap: 39.9,
      },
    };
    render(
      mockApi({
        getResource: jest.fn(async () => capped),
        listChecks: jest.fn(async () => [
          {
            id: 'acme.public-bucket',
            checklist: 'responsibility' as const,
            title: 'Bucket is not public',
            description: 'No public ACL or policy.',
            severity: 'critical' as const,
            appliesTo: 's3:bucket',
            remediation: 'Block public access.',
            enabled: true,
            source: 'module' as const,
          },
        ]),
      }),
    );
    expect(
      await screen.findByText('Capped at F by: Bucket is not public'),
    ).toBeInTheDocument();
    // the raw score equals the score: nothing to add
    expect(screen.getByText('sqs:queue · score 39.9')).toBeInTheDocument();
  });

  it('says nothing about a cap for a resource that is not capped', async () => {
    render(
      mockApi({
        getResource: jest.fn(async () => ratedResource('orders-queue')),
      }),
    );
    expect(
      await screen.findByRole('heading', { name: 'orders-queue' }),
    ).toBeInTheDocument();
    expect(screen.getByText('sqs:queue · score 80')).toBeInTheDocument();
    expect(screen.queryByText(/Capped at/)).not.toBeInTheDocument();
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
