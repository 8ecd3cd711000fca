import { ConflictError, NotFoundError } from '@backstage/errors';
import type { ScanStatus } from '../schema/types';
import type { Knex } from 'knex';
import { deleteRegionTotals, refreshRegionTotals } from './regionTotals';
import { unfinishedStatuses } from './scanRow';
import type { CurrentRegionRow, ScanRow } from './tables';
import type { ScanCompletion } from './types';

/** Reads a scan that must not have ended; throws NotFoundError or ConflictError otherwise. */
export async function runningScan(
  db: Knex,
  scanId: string,
  options: { lock?: boolean } = {},
): Promise<ScanRow> {
  const query = db('scans').where('id', scanId).first();
  // a share lock (PostgreSQL; SQLite serialises writers anyway) waits for a
  // transaction ending the scan, so no row lands after the scan committed
  if (options.lock) query.forShare();
  const scan: ScanRow | undefined = await query;
  if (!scan) throw new NotFoundError(`No scan ${scanId}`);
  if (!unfinishedStatuses.includes(scan.status as ScanStatus)) {
    throw new ConflictError(
      `Scan ${scanId} has already ended (${scan.status})`,
    );
  }
  return scan;
}

/**
 * Records the resources of a committing scan whose owner differs from the
 * account's current (previous) data, before that data is replaced. Runs
 * after the scan's rows of failed regions are gone, so only what becomes
 * current counts; a resource new to the account has no change to record.
 */
async function recordOwnershipChanges(
  trx: Knex.Transaction,
  scanId: string,
  now: string,
): Promise<void> {
  const changed = trx('resources as n')
    // the arn first: resources_arn_idx finds the few rows of one resource
    .join('resources as o', join =>
      join.on('o.arn', 'n.arn').andOn('o.account_id', 'n.account_id'),
    )
    .join('current_regions as c', join =>
      join
        .on('c.account_id', 'o.account_id')
        .andOn('c.region', 'o.region')
        .andOn('c.scan_id', 'o.scan_id'),
    )
    .where('n.scan_id', scanId)
    .whereNot('o.scan_id', scanId)
    .whereRaw("coalesce(n.owner_ref, '') <> coalesce(o.owner_ref, '')")
    .distinct(
      'n.arn',
      'n.account_id',
      'o.owner_ref as from_owner_ref',
      'n.owner_ref as to_owner_ref',
      // typed: PostgreSQL's DISTINCT cannot compare parameters of unknown type
      trx.raw('cast(? as varchar(36)) as scan_id', [scanId]),
      trx.raw('cast(? as varchar(30)) as changed_at', [now]),
    );
  const columns = [
    'arn',
    'account_id',
    'from_owner_ref',
    'to_owner_ref',
    'scan_id',
    'changed_at',
  ];
  await trx
    .into(
      trx.raw(`?? (${columns.map(() => '??').join(', ')})`, [
        'ownership_changes',
        ...columns,
      ]),
    )
    .insert(changed);
}

/**
 * Makes a running scan's succeeded regions current and keeps the previous data
 * of its other regions, marked stale; keeps every current region's team score
 * totals in step with its rows. Runs inside the caller's transaction.
 */
export async function commitScan(
  trx: Knex.Transaction,
  scanId: string,
  completion: ScanCompletion,
): Promise<void> {
  const now = new Date().toISOString();
  // updating first takes the scan's row lock on PostgreSQL, so concurrent
  // completions or abandons of one scan run one after the other
  const ended = await trx('scans')
    .where('id', scanId)
    .whereIn('status', unfinishedStatuses)
    .update({
      status: completion.status,
      regions: JSON.stringify(completion.regions),
      progress: JSON.stringify(completion.progress),
      error: completion.error ?? null,
      finished_at: now,
    });
  const scan = await trx('scans').where('id', scanId).first();
  if (!scan) throw new NotFoundError(`No scan ${scanId}`);
  if (!ended) {
    throw new ConflictError(
      `Scan ${scanId} has already ended (${scan.status})`,
    );
  }
  const accountId: string = scan.account_id;
  const outcomes = completion.regions.filter(o => o.accountId === accountId);
  const succeeded = [
    ...new Set(
      outcomes.filter(o => o.status === 'succeeded').map(o => o.region),
    ),
  ];
  const kept = [
    ...new Set(outcomes.map(o => o.region).filter(r => !succeeded.includes(r))),
  ];

  await trx('resources')
    .where('scan_id', scanId)
    .whereNotIn('region', succeeded)
    .delete();

  const previous: CurrentRegionRow[] = await trx('current_regions').where(
    'account_id',
    accountId,
  );
  if (succeeded.length) await recordOwnershipChanges(trx, scanId, now);
  for (const region of succeeded) {
    const old = previous.find(p => p.region === region);
    if (old && old.scan_id !== scanId) {
      await trx('resources')
        .where({ scan_id: old.scan_id, account_id: accountId, region })
        .delete();
      await deleteRegionTotals(trx, { scanId: old.scan_id, region });
    }
    await refreshRegionTotals(trx, { scanId, accountId, region });
  }
  if (succeeded.length) {
    await trx('current_regions')
      .insert(
        succeeded.map(region => ({
          account_id: accountId,
          region,
          scan_id: scanId,
          last_seen_at: now,
          stale: false,
        })),
      )
      .onConflict(['account_id', 'region'])
      .merge(['scan_id', 'last_seen_at', 'stale']);
  }
  if (kept.length) {
    await trx('current_regions')
      .where('account_id', accountId)
      .whereIn('region', kept)
      .update({ stale: true });
  }

  // A resource this scan saw in a succeeded region (an S3 bucket listed from
  // another region) leaves the older data of the account's other regions.
  const older = previous.filter(
    p => !succeeded.includes(p.region) && p.scan_id !== scanId,
  );
  if (succeeded.length && older.length) {
    const moved = await trx('resources')
      .where('account_id', accountId)
      .where(q => {
        for (const p of older) {
          q.orWhere(q2 => q2.where({ scan_id: p.scan_id, region: p.region }));
        }
      })
      .whereIn('arn', trx('resources').select('arn').where('scan_id', scanId))
      .delete();
    if (moved) {
      for (const p of older) {
        await refreshRegionTotals(trx, {
          scanId: p.scan_id,
          accountId,
          region: p.region,
        });
      }
    }
  }
}

/** Ends an unfinished scan without making anything current; false when it had already ended. */
export async function discardScan(
  trx: Knex.Transaction,
  scanId: string,
  status: 'cancelled' | 'failed',
  error: string | undefined,
): Promise<boolean> {
  const ended = await trx('scans')
    .where('id', scanId)
    .whereIn('status', unfinishedStatuses)
    .update({
      status,
      error: error ?? null,
      finished_at: new Date().toISOString(),
    });
  if (!ended) {
    if (!(await trx('scans').where('id', scanId).first())) {
      throw new NotFoundError(`No scan ${scanId}`);
    }
    return false;
  }
  await trx('resources').where('scan_id', scanId).delete();
  return true;
}
