import { exemptionStatusAt } from '@aws-ownership/backstage-plugin-common';
import type { StoredExemption } from '../exemptions/types';
import type { ReviewExemptionChange } from './types';

/** How many ARNs of one exemption a review lists; `resourceCount` says how many it covers. */
export const REVIEW_EXEMPTION_ARNS = 20;

const order: Record<ReviewExemptionChange['change'], number> = {
  started: 0,
  expired: 1,
  revoked: 2,
};

/**
 * What happened to these exemptions after `after` and up to `until` (ISO
 * 8601): one entry per start (approval, or the request of one stored already
 * active), expiry (as `exemptionStatusAt` reads it: the stored status is
 * still pending or active) and revocation, in time order.
 */
export function exemptionChangesBetween(
  exemptions: ReadonlyArray<StoredExemption>,
  after: string,
  until: string,
): ReviewExemptionChange[] {
  const from = Date.parse(after);
  const to = Date.parse(until);
  const within = (at: string | undefined): at is string => {
    if (at === undefined) return false;
    const t = Date.parse(at);
    return t > from && t <= to;
  };
  const changes: ReviewExemptionChange[] = [];
  for (const e of exemptions) {
    const base = {
      exemptionId: e.id,
      checkId: e.checkId,
      ...(e.teamRef !== undefined ? { teamRef: e.teamRef } : {}),
      resourceCount: e.arns.length,
      arns: e.arns.slice(0, REVIEW_EXEMPTION_ARNS),
      reason: e.reason,
      expiresAt: e.expiresAt,
      requestedBy: e.requestedBy,
      ...(e.approvedBy !== undefined ? { approvedBy: e.approvedBy } : {}),
    };
    const createdActive = e.status === 'active' && e.approvedAt === undefined;
    const startedAt = createdActive ? e.requestedAt : e.approvedAt;
    if (within(startedAt)) {
      const by = createdActive ? e.requestedBy : e.approvedBy;
      changes.push({
        ...base,
        change: 'started',
        at: startedAt,
        ...(by !== undefined ? { by } : {}),
      });
    }
    if (
      exemptionStatusAt(e, new Date(from)) !== 'expired' &&
      exemptionStatusAt(e, new Date(to)) === 'expired'
    ) {
      changes.push({ ...base, change: 'expired', at: e.expiresAt });
    }
    if (e.status === 'revoked' && within(e.revokedAt)) {
      changes.push({
        ...base,
        change: 'revoked',
        at: e.revokedAt,
        ...(e.revokedBy !== undefined ? { by: e.revokedBy } : {}),
      });
    }
  }
  return changes.sort(
    (a, b) =>
      Date.parse(a.at) - Date.parse(b.at) ||
      Number(a.exemptionId > b.exemptionId) -
        Number(a.exemptionId < b.exemptionId) ||
      order[a.change] - order[b.change],
  );
}
