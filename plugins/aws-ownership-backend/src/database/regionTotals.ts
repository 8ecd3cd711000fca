import {
  createTeamScoreAccumulator,
  type TeamScoreAccumulator,
  type TeamScoreTotals,
  unownedTeamRef,
} from '@aws-ownership/backstage-plugin-common';
import type { Knex } from 'knex';
import { aggregationColumns, toRatingForAggregation } from './resourceRow';
import type { CurrentRegionRow, ResourceRow } from './tables';

/** Team score totals by owner ref (`unowned` for resources without a resolvable owner). */
export type TotalsByTeam = Record<string, TeamScoreTotals>;

/** A row of `region_totals`. */
interface RegionTotalsRow {
  scan_id: string;
  account_id: string;
  region: string;
  /** JSON TotalsByTeam. */
  totals: string;
}

/** One current region's totals, as the team scores add them up. */
export interface CurrentRegionTotals {
  accountId: string;
  region: string;
  scanId: string;
  stale: boolean;
  totals: TotalsByTeam;
}

const BATCH = 2000;

/**
 * Adds up, by owner, the ratings of the resources one scan holds for an
 * account and region, reading them in batches.
 */
async function computeRegionTotals(
  db: Knex,
  key: Pick<RegionTotalsRow, 'scan_id' | 'account_id' | 'region'>,
): Promise<TotalsByTeam> {
  const byTeam = new Map<string, TeamScoreAccumulator>();
  let after: string | undefined;
  for (;;) {
    const query = db('resources')
      .select(...aggregationColumns)
      .where({
        scan_id: key.scan_id,
        account_id: key.account_id,
        region: key.region,
      })
      .orderBy('arn')
      .limit(BATCH);
    if (after !== undefined) query.where('arn', '>', after);
    const rows: Array<Pick<ResourceRow, (typeof aggregationColumns)[number]>> =
      await query;
    for (const row of rows) {
      const { ownerRef, rating } = toRatingForAggregation({
        ...row,
        stale: false,
      });
      const team = ownerRef ?? unownedTeamRef;
      let accumulator = byTeam.get(team);
      if (!accumulator) {
        accumulator = createTeamScoreAccumulator();
        byTeam.set(team, accumulator);
      }
      accumulator.add(rating);
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1].arn;
  }
  return Object.fromEntries(
    [...byTeam].map(([team, accumulator]) => [team, accumulator.totals()]),
  );
}

/**
 * (Re)computes and stores the totals of a scan's resources in an account and
 * region. Called as a region becomes current, and whenever a current region's
 * rows change, inside the transaction that changes them.
 */
export async function refreshRegionTotals(
  db: Knex,
  key: { scanId: string; accountId: string; region: string },
): Promise<void> {
  const row: RegionTotalsRow = {
    scan_id: key.scanId,
    account_id: key.accountId,
    region: key.region,
    totals: '',
  };
  row.totals = JSON.stringify(await computeRegionTotals(db, row));
  await db('region_totals')
    .insert(row)
    .onConflict(['scan_id', 'region'])
    .merge(['totals']);
}

/** Forgets the totals of a scan's region whose rows are gone. */
export async function deleteRegionTotals(
  db: Knex,
  key: { scanId: string; region: string },
): Promise<void> {
  await db('region_totals')
    .where({ scan_id: key.scanId, region: key.region })
    .delete();
}

/**
 * The totals of every current region. A region committed before totals were
 * kept gets them now: its rows no longer change, so whichever replica computes
 * them first stores them.
 */
export async function listCurrentRegionTotals(
  db: Knex,
): Promise<CurrentRegionTotals[]> {
  const rows: Array<CurrentRegionRow & { totals: string | null }> = await db(
    'current_regions as c',
  )
    .leftJoin('region_totals as t', join =>
      join.on('t.scan_id', 'c.scan_id').andOn('t.region', 'c.region'),
    )
    .select('c.account_id', 'c.region', 'c.scan_id', 'c.stale', 't.totals')
    .orderBy('c.account_id')
    .orderBy('c.region');
  const result: CurrentRegionTotals[] = [];
  for (const row of rows) {
    let totals: TotalsByTeam;
    if (row.totals === null) {
      const key = {
        scan_id: row.scan_id,
        account_id: row.account_id,
        region: row.region,
      };
      totals = await computeRegionTotals(db, key);
      await db('region_totals')
        .insert({ ...key, totals: JSON.stringify(totals) })
        .onConflict(['scan_id', 'region'])
        .ignore();
    } else {
      totals = JSON.parse(row.totals);
    }
    result.push({
      accountId: row.account_id,
      region: row.region,
      scanId: row.scan_id,
      stale: Boolean(row.stale),
      totals,
    });
  }
  return result;
}
