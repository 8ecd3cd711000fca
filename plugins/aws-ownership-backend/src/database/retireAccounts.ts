import type { Knex } from 'knex';
import type { CurrentRegionRow } from './tables';

/** What retiring the accounts that left scope did. */
export interface AccountRetirement {
  /** Accounts out of scope whose data is still served, marked stale. */
  stale: string[];
  /** Accounts whose data was last seen before the cutoff and was dropped. */
  dropped: string[];
}

/**
 * Marks the data of every account that is no longer in scope stale, and drops
 * the regions of those last seen before `dropBefore` with their resources.
 * Idempotent, so every replica may run it.
 */
export async function retireAccounts(
  db: Knex,
  options: { inScope: ReadonlyArray<string>; dropBefore: Date },
): Promise<AccountRetirement> {
  const cutoff = options.dropBefore.toISOString();
  return db.transaction(async trx => {
    const retired: CurrentRegionRow[] = await trx('current_regions').whereNotIn(
      'account_id',
      options.inScope,
    );
    const expired = retired.filter(r => r.last_seen_at < cutoff);
    for (const row of expired) {
      await trx('resources')
        .where({ account_id: row.account_id, region: row.region })
        .delete();
      await trx('current_regions')
        .where({ account_id: row.account_id, region: row.region })
        .delete();
      await trx('region_totals')
        .where({ account_id: row.account_id, region: row.region })
        .delete();
    }
    const kept = retired.filter(r => r.last_seen_at >= cutoff);
    if (kept.some(r => !r.stale)) {
      await trx('current_regions')
        .whereIn(
          'account_id',
          kept.map(r => r.account_id),
        )
        .update({ stale: true });
    }
    const unique = (rows: CurrentRegionRow[]) => [
      ...new Set(rows.map(r => r.account_id)),
    ];
    return { stale: unique(kept), dropped: unique(expired) };
  });
}
