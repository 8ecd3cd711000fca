import type { Knex } from 'knex';
import type { OwnershipChange } from '../notify/types';
import type { CurrentRegionRow, ResourceRow } from './tables';

type ChangeRow = Pick<ResourceRow, 'arn' | 'name' | 'owner_ref'> & {
  previous_arn: string | null;
  previous_owner_ref: string | null;
};

/**
 * The resources a running scan collected in the given regions whose owner
 * differs from the account's current (previous committed) data, new resources
 * with an owner included. Empty on an account's first scan, which has nothing
 * to differ from. Read before the scan commits, while the previous rows exist.
 */
export async function listOwnershipChanges(
  db: Knex,
  scanId: string,
  regions: string[],
): Promise<OwnershipChange[]> {
  const scan: { account_id: string } | undefined = await db('scans')
    .select('account_id')
    .where('id', scanId)
    .first();
  if (!scan || !regions.length) return [];
  const current: CurrentRegionRow[] = await db('current_regions').where(
    'account_id',
    scan.account_id,
  );
  const previousScanIds = [
    ...new Set(current.map(c => c.scan_id).filter(id => id !== scanId)),
  ];
  if (!previousScanIds.length) return [];

  const rows: ChangeRow[] = await db('resources as n')
    .leftJoin('resources as o', join =>
      join
        .on('o.arn', 'n.arn')
        .andOn('o.account_id', 'n.account_id')
        .onIn('o.scan_id', previousScanIds),
    )
    .where('n.scan_id', scanId)
    .whereIn('n.region', regions)
    .where(q =>
      q
        .where(q2 => q2.whereNull('o.arn').whereNotNull('n.owner_ref'))
        .orWhereRaw('coalesce(n.owner_ref, ?) <> coalesce(o.owner_ref, ?)', [
          '',
          '',
        ]),
    )
    .select(
      'n.arn',
      'n.name',
      'n.owner_ref',
      'o.arn as previous_arn',
      'o.owner_ref as previous_owner_ref',
    )
    .orderBy('n.arn');

  // a bucket listed from two regions of the previous data joins twice
  const byArn = new Map<string, OwnershipChange>();
  for (const row of rows) {
    if (byArn.has(row.arn)) continue;
    const change: OwnershipChange = { arn: row.arn, name: row.name };
    if (row.owner_ref !== null) change.ownerRef = row.owner_ref;
    if (row.previous_owner_ref !== null) {
      change.previousOwnerRef = row.previous_owner_ref;
    }
    if (change.ownerRef !== change.previousOwnerRef) byArn.set(row.arn, change);
  }
  return [...byArn.values()];
}
