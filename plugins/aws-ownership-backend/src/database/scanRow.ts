import type { Scan, ScanStatus } from '../schema/types';
import type { ScanRow } from './tables';

/** The scan a `scans` row stores. */
export function fromScanRow(row: ScanRow): Scan {
  const scan: Scan = {
    id: row.id,
    accountId: row.account_id,
    status: row.status as ScanStatus,
    trigger: row.trigger as Scan['trigger'],
    createdAt: row.created_at,
    regions: JSON.parse(row.regions),
    progress: JSON.parse(row.progress),
  };
  if (row.requested_by !== null) scan.requestedBy = row.requested_by;
  if (row.started_at !== null) scan.startedAt = row.started_at;
  if (row.finished_at !== null) scan.finishedAt = row.finished_at;
  if (row.error !== null) scan.error = row.error;
  return scan;
}

/** Statuses of a scan that has not ended. */
export const unfinishedStatuses: ScanStatus[] = ['pending', 'running'];
