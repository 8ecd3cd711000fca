import { buildNotifications, type ScanChanges } from './buildNotifications';
import type { NotificationsConfig } from './types';

const config: NotificationsConfig = {
  enabled: true,
  kinds: ['exemptions-expiring'],
  minimumGradeDrop: 1,
  unownedRecipients: [],
  maxListed: 10,
  exemptionExpiryDays: 7,
};
const payments = 'group:default/payments';
const now = new Date('2026-12-01T12:00:00.000Z');
const inDays = (days: number) =>
  new Date(now.getTime() + days * 24 * 60 * 60 * 1000).toISOString();

describe('buildNotifications: exemptions ending', () => {
  const changes: ScanChanges = {
    scanId: 'scan-2',
    previous: [],
    current: [],
    ownershipChanges: [],
    teams: [{ ref: payments, displayName: 'Payments', childRefs: [] }],
    previousAt: inDays(-1),
    now,
    activeExemptions: [
      {
        id: 'ex-2',
        checkId: 'responsibility.backup',
        expiresAt: inDays(6.5),
        teamRef: payments,
      },
      {
        id: 'ex-1',
        checkId: 'tagging.required',
        expiresAt: inDays(6.9),
        teamRef: payments,
      },
    ],
  };

  it('tells the team which exemptions end soon, with a scope naming them', () => {
    const [sent, ...more] = buildNotifications(changes, config);
    expect(more).toEqual([]);
    expect(sent).toEqual({
      recipients: { type: 'entity', entityRef: payments },
      payload: expect.objectContaining({
        title: 'Payments: 2 exemptions ending within 7 days',
        link: '/catalog/default/group/payments/aws-ownership',
        severity: 'normal',
        topic: 'aws-ownership',
        scope: `aws-ownership:exemptions-expiring:${payments}:ex-1,ex-2`,
      }),
    });
    expect(sent.payload.description).toContain('Backed up until');
    expect(sent.payload.description).toContain('Required tags present until');
  });

  it('sends nothing when the kind is not configured', () => {
    expect(
      buildNotifications(changes, {
        ...config,
        kinds: ['grade-dropped'],
      }),
    ).toEqual([]);
  });
});
