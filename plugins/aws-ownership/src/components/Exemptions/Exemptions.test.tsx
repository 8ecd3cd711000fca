import { act, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { awsOwnershipApiRef } from '../../api';
import userEvent from '@testing-library/user-event';
import type { ApiExemption } from '@aws-ownership/backstage-plugin-common';
import { apiError, mockApi, ratedResource } from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { ResourceDetailDrawer } from '../ResourceDetailDrawer';
import { ExemptionApprovals } from './ExemptionApprovals';
import { TeamExemptions } from './TeamExemptions';

const arn = 'arn:aws:sqs:eu-west-1:111122223333:orders-queue';
const reason = 'The queue is drained and deleted next sprint';

const exemption = (overrides: Partial<ApiExemption> = {}): ApiExemption => ({
  id: 'ex-1',
  checkId: 'tagging.required',
  severity: 'high',
  arns: [arn],
  teamRef: 'group:default/payments',
  reason,
  expiresAt: '2026-12-24T23:59:59.000Z',
  status: 'pending',
  requestedBy: 'user:default/ann',
  requestedAt: '2026-11-29T10:00:00.000Z',
  ...overrides,
});

const openDrawer = async (api: ReturnType<typeof mockApi>) => {
  renderWithApi(<ResourceDetailDrawer arn={arn} onClose={jest.fn()} />, {
    api,
  });
  return within(await screen.findByRole('dialog', { name: 'Resource detail' }));
};

describe('exemptions in the UI', () => {
  it('requests an exemption for a failing check from the resource drawer', async () => {
    const requestExemption = jest.fn(async () => exemption());
    const api = mockApi({
      getResource: jest.fn(async () => ratedResource('orders-queue')),
      requestExemption,
    });
    const drawer = await openDrawer(api);
    // only the failing check offers it
    expect(
      within(
        drawer.getByTestId('check-responsibility.owner-assigned'),
      ).queryByRole('button', {
        name: 'Request exemption',
      }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(await drawer.findByTestId('check-tagging.required')).getByRole(
        'button',
        {
          name: 'Request exemption',
        },
      ),
    );
    const form = within(
      await screen.findByRole('dialog', { name: /Request an exemption/ }),
    );
    const submit = form.getByRole('button', { name: 'Request' });
    await userEvent.type(
      form.getByLabelText(/Why this check is wrong/),
      'too short',
    );
    expect(submit).toBeDisabled();
    await userEvent.clear(form.getByLabelText(/Why this check is wrong/));
    await userEvent.type(
      form.getByLabelText(/Why this check is wrong/),
      reason,
    );
    await userEvent.click(submit);
    await waitFor(() =>
      expect(requestExemption).toHaveBeenCalledWith({
        checkId: 'tagging.required',
        arns: [arn],
        teamRef: undefined,
        reason,
        expiresAt: expect.stringMatching(/T23:59:59.000Z$/),
      }),
    );
    expect(
      await within(drawer.getByTestId('check-tagging.required')).findByText(
        'Exemption requested: waiting for approval',
      ),
    ).toBeInTheDocument();
  });

  it("shows the backend's reason when a request is refused", async () => {
    const api = mockApi({
      getResource: jest.fn(async () => ratedResource('orders-queue')),
      requestExemption: jest.fn(async () => {
        throw await apiError(
          400,
          'InputError',
          'Invalid exemption: expiresAt: at most 90 days from now',
        );
      }),
    });
    const drawer = await openDrawer(api);
    await userEvent.click(
      await drawer.findByRole('button', { name: 'Request exemption' }),
    );
    const form = within(
      await screen.findByRole('dialog', { name: /Request an exemption/ }),
    );
    await userEvent.type(
      form.getByLabelText(/Why this check is wrong/),
      reason,
    );
    await userEvent.click(form.getByRole('button', { name: 'Request' }));
    expect(
      await form.findByText(/at most 90 days from now/),
    ).toBeInTheDocument();
  });

  it('shows an exempt result greyed with its reason and expiry, and offers no request', async () => {
    const resource = ratedResource('orders-queue');
    resource.rating.results[0] = {
      ...resource.rating.results[0],
      status: 'exempt',
      exemption: { id: 'ex-1', reason, expiresAt: '2026-12-24T23:59:59.000Z' },
    };
    const drawer = await openDrawer(
      mockApi({ getResource: jest.fn(async () => resource) }),
    );
    const check = await drawer.findByTestId('check-tagging.required');
    expect(check).toHaveTextContent('Exempt');
    expect(check).toHaveTextContent(`Exempt until Dec 24, 2026: ${reason}`);
    expect(check).toHaveStyle({ opacity: '0.6' });
    expect(
      within(check).queryByRole('button', { name: 'Request exemption' }),
    ).not.toBeInTheDocument();
  });

  it("lists a team's pending exemptions and those ending soon", async () => {
    const listExemptions = jest.fn(async (query?: { status?: string }) =>
      query?.status === 'pending'
        ? [exemption()]
        : [
            exemption({
              id: 'ex-2',
              status: 'active',
              checkId: 'responsibility.backup',
            }),
          ],
    );
    renderWithApi(<TeamExemptions entityRef="group:default/payments" />, {
      api: mockApi({ listExemptions }),
    });
    const pending = await screen.findByRole('list', {
      name: 'Pending exemptions',
    });
    expect(pending).toHaveTextContent(
      'tagging.required · 1 resource · pending until Dec 24, 2026',
    );
    expect(pending).toHaveTextContent(reason);
    expect(
      screen.getByRole('list', { name: 'Exemptions expiring soon' }),
    ).toHaveTextContent('responsibility.backup');
    expect(listExemptions).toHaveBeenCalledWith({
      entityRef: 'group:default/payments',
      status: 'active',
      expiringWithinDays: 14,
    });
  });

  it('lets an approver approve a pending exemption', async () => {
    const approveExemption = jest.fn(async () =>
      exemption({ status: 'active' }),
    );
    const listExemptions = jest.fn(async () => [exemption()]);
    renderWithApi(<ExemptionApprovals />, {
      api: mockApi({ listExemptions, approveExemption }),
      canScan: true,
    });
    const list = await screen.findByRole('list', {
      name: 'Exemptions to approve',
    });
    listExemptions.mockResolvedValue([]);
    await userEvent.click(
      within(list).getByRole('button', { name: 'Approve' }),
    );
    expect(approveExemption).toHaveBeenCalledWith('ex-1');
    await waitFor(() =>
      expect(
        screen.queryByRole('list', { name: 'Exemptions to approve' }),
      ).not.toBeInTheDocument(),
    );
  });

  it('shows no approvals to someone without the permission', async () => {
    // usePermission caches answers per permission and resource for the module
    const listExemptions = jest.fn(async () => [exemption({ id: 'ex-9' })]);
    const authorize = jest.fn(async () => ({ result: 'DENY' as const }));
    await renderInTestApp(<ExemptionApprovals />, {
      apis: [
        [awsOwnershipApiRef, mockApi({ listExemptions })],
        [permissionApiRef, { authorize } as any],
      ],
    });
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({ resourceRef: 'ex-9' }),
      ),
    );
    await act(() => authorize.mock.results[0].value);
    expect(screen.queryByText('Exemptions to approve')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
  });
});
