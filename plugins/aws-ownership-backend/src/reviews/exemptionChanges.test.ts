import type { StoredExemption } from '../exemptions/types';
import { exemptionChangesBetween } from './exemptionChanges';

const after = '2026-12-01T00:00:00.000Z';
const until = '2026-12-08T00:00:00.000Z';
const inside = '2026-12-03T00:00:00.000Z';
const later = '2027-01-01T00:00:00.000Z';

const exemption = (
  id: string,
  overrides: Partial<StoredExemption> = {},
): StoredExemption => ({
  id,
  checkId: 'responsibility.backup',
  severity: 'high',
  arns: ['arn:aws:s3:::scratch'],
  teamRef: 'group:default/blue',
  reason: 'Scratch data, rebuilt from source every night',
  expiresAt: later,
  status: 'pending',
  requestedBy: 'user:default/ann',
  requestedAt: '2026-11-29T00:00:00.000Z',
  ...overrides,
});

describe('exemptionChangesBetween', () => {
  it('lists each start, expiry and revocation in the window, in time order, with who and what', () => {
    const arns = Array.from(
      { length: 25 },
      (_, i) => `arn:aws:s3:::bucket-${i}`,
    );
    const changes = exemptionChangesBetween(
      [
        exemption('revoked', {
          status: 'revoked',
          approvedBy: 'user:default/pat',
          approvedAt: '2026-12-02T00:00:00.000Z',
          revokedBy: 'user:default/sam',
          revokedAt: '2026-12-04T00:00:00.000Z',
        }),
        exemption('approved', {
          status: 'active',
          arns,
          approvedBy: 'user:default/pat',
          approvedAt: inside,
          expiresAt: '2026-12-07T00:00:00.000Z',
        }),
        exemption('created-active', { status: 'active', requestedAt: inside }),
        // expiry at the end of the window counts, at its start does not
        exemption('lapsed', { expiresAt: until }),
        exemption('gone-before', { status: 'active', expiresAt: after }),
        exemption('approved-at-start', {
          status: 'active',
          approvedBy: 'user:default/pat',
          approvedAt: after,
        }),
      ],
      after,
      until,
    );
    expect(changes.map(c => [c.exemptionId, c.change, c.at, c.by])).toEqual([
      ['revoked', 'started', '2026-12-02T00:00:00.000Z', 'user:default/pat'],
      ['approved', 'started', inside, 'user:default/pat'],
      ['created-active', 'started', inside, 'user:default/ann'],
      ['revoked', 'revoked', '2026-12-04T00:00:00.000Z', 'user:default/sam'],
      ['approved', 'expired', '2026-12-07T00:00:00.000Z', undefined],
      ['lapsed', 'expired', until, undefined],
    ]);
    const approved = changes.find(c => c.exemptionId === 'approved')!;
    expect(approved).toMatchObject({
      checkId: 'responsibility.backup',
      teamRef: 'group:default/blue',
      resourceCount: 25,
      reason: 'Scratch data, rebuilt from source every night',
      expiresAt: '2026-12-07T00:00:00.000Z',
      requestedBy: 'user:default/ann',
      approvedBy: 'user:default/pat',
    });
    expect(approved.arns).toEqual(arns.slice(0, 20));
  });

  it('lists nothing for a window nothing happened in', () => {
    expect(
      exemptionChangesBetween(
        [exemption('quiet', { requestedAt: inside })],
        after,
        until,
      ),
    ).toEqual([]);
  });
});
