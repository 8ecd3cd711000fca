import type { StoredExemption } from './types';

/** A row of the `exemptions` table. */
export interface ExemptionRow {
  id: string;
  check_id: string;
  severity: string;
  arns: string;
  selector: string | null;
  team_ref: string | null;
  reason: string;
  expires_at: string;
  status: string;
  requested_by: string;
  requested_at: string;
  approved_by: string | null;
  approved_at: string | null;
  revoked_by: string | null;
  revoked_at: string | null;
}

/** The row that keeps an exemption. */
export function toExemptionRow(exemption: StoredExemption): ExemptionRow {
  return {
    id: exemption.id,
    check_id: exemption.checkId,
    severity: exemption.severity,
    arns: JSON.stringify(exemption.arns),
    selector: exemption.selector ? JSON.stringify(exemption.selector) : null,
    team_ref: exemption.teamRef ?? null,
    reason: exemption.reason,
    expires_at: exemption.expiresAt,
    status: exemption.status,
    requested_by: exemption.requestedBy,
    requested_at: exemption.requestedAt,
    approved_by: exemption.approvedBy ?? null,
    approved_at: exemption.approvedAt ?? null,
    revoked_by: exemption.revokedBy ?? null,
    revoked_at: exemption.revokedAt ?? null,
  };
}

/** The exemption a row keeps. */
export function fromExemptionRow(row: ExemptionRow): StoredExemption {
  const exemption: StoredExemption = {
    id: row.id,
    checkId: row.check_id,
    severity: row.severity as StoredExemption['severity'],
    arns: JSON.parse(row.arns),
    reason: row.reason,
    expiresAt: row.expires_at,
    status: row.status as StoredExemption['status'],
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
  };
  if (row.selector !== null) exemption.selector = JSON.parse(row.selector);
  if (row.team_ref !== null) exemption.teamRef = row.team_ref;
  if (row.approved_by !== null) exemption.approvedBy = row.approved_by;
  if (row.approved_at !== null) exemption.approvedAt = row.approved_at;
  if (row.revoked_by !== null) exemption.revokedBy = row.revoked_by;
  if (row.revoked_at !== null) exemption.revokedAt = row.revoked_at;
  return exemption;
}
