import { randomUUID } from 'node:crypto';
import {
  type DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  HistoryPoint,
  RatedResource,
  ResourcePage,
  Scan,
  ScanProgress,
  ScanRegionOutcome,
  ScanStatus,
  TeamScorecard,
} from '../schema/types';
import type { Knex } from 'knex';
import { commitScan, discardScan, runningScan } from './commitScan';
import { listOwnershipChanges } from './ownershipChanges';
import {
  type CurrentRegionTotals,
  listCurrentRegionTotals,
} from './regionTotals';
import type { OwnershipChange } from '../notify/types';
import { applyResourceFilter, currentResources } from './resourceFilter';
import {
  aggregationColumns,
  fromResourceRow,
  toRatingForAggregation,
  toResourceRow,
} from './resourceRow';
import { applySortAndCursor, encodeCursor, resolveSort } from './resourceSort';
import { fromScanRow } from './scanRow';
import { batches } from './batches';
import type {
  CurrentRegionRow,
  CurrentResourceRow,
  ResourceRow,
  ScanRow,
  TeamScoreRow,
} from './tables';
import {
  fromTeamRow,
  fromTeamScoreRow,
  toHistoryPoint,
  toTeamRow,
  toTeamScoreRow,
} from './teamRows';
import type {
  AwsOwnershipStore,
  CurrentRegion,
  NewScan,
  RatingForAggregation,
  ResourceFilter,
  ResourceQuery,
  ScanCompletion,
  StoredTeam,
} from './types';

const migrationsDir = resolvePackagePath(
  '@aws-ownership/backstage-plugin-backend',
  'migrations',
);

const resourceKey = ['scan_id', 'arn'];

/** `totalCount` counts up to this many matches, then says it is a lower bound. */
export const TOTAL_COUNT_CAP = 5000;

function clamp(value: number | undefined, fallback: number, max: number) {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(value)));
}

async function countOf(query: Knex.QueryBuilder): Promise<number> {
  const row = await query.count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

/** The knex (SQLite and PostgreSQL) implementation of `AwsOwnershipStore`. */
export class DatabaseAwsOwnershipStore implements AwsOwnershipStore {
  private constructor(private readonly db: Knex) {}

  /** Connects to the plugin's database and runs its migrations (unless configured to skip them). */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseAwsOwnershipStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseAwsOwnershipStore(client);
  }

  async createScan(scan: NewScan): Promise<Scan> {
    return this.insertScan(scan, 'running');
  }

  async requestScan(scan: NewScan): Promise<Scan> {
    return this.insertScan(scan, 'pending');
  }

  async claimPendingScan(accountId: string): Promise<Scan | undefined> {
    return this.db.transaction(async trx => {
      const pending: ScanRow | undefined = await trx<ScanRow>('scans')
        .where({ account_id: accountId, status: 'pending' })
        .orderBy('created_at')
        .orderBy('id')
        .first();
      if (!pending) return undefined;
      const startedAt = new Date().toISOString();
      const claimed = await trx('scans')
        .where({ id: pending.id, status: 'pending' })
        .update({
          status: 'running',
          started_at: startedAt,
          updated_at: startedAt,
        });
      if (!claimed) return undefined; // another replica claimed it first
      // one run serves every request made meanwhile
      await trx('scans')
        .where({ account_id: accountId, status: 'pending' })
        .update({
          status: 'cancelled',
          finished_at: startedAt,
          error: `Served by scan ${pending.id}`,
        });
      return fromScanRow({
        ...pending,
        status: 'running',
        started_at: startedAt,
      });
    });
  }

  async withdrawScanRequest(scanId: string): Promise<boolean> {
    const deleted = await this.db('scans')
      .where({ id: scanId, status: 'pending' })
      .delete();
    return deleted > 0;
  }

  async getRunningScan(
    accountId: string,
    options: { aliveSince: Date },
  ): Promise<Scan | undefined> {
    const row: ScanRow | undefined = await this.db('scans')
      .where({ account_id: accountId, status: 'running' })
      .where('updated_at', '>=', options.aliveSince.toISOString())
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .first();
    return row && fromScanRow(row);
  }

  private async insertScan(
    scan: NewScan,
    status: 'pending' | 'running',
  ): Promise<Scan> {
    const now = new Date().toISOString();
    const regions: ScanRegionOutcome[] = scan.regions.map(region => ({
      accountId: scan.accountId,
      region,
      status: 'pending',
      resources: 0,
      pages: 0,
    }));
    const progress: ScanProgress = {
      regionsTotal: regions.length,
      regionsDone: 0,
      resourcesCollected: 0,
      resourcesRated: 0,
    };
    const row: ScanRow = {
      id: randomUUID(),
      account_id: scan.accountId,
      trigger: scan.trigger,
      requested_by: scan.requestedBy ?? null,
      status,
      created_at: now,
      started_at: status === 'running' ? now : null,
      finished_at: null,
      regions: JSON.stringify(regions),
      progress: JSON.stringify(progress),
      error: null,
      updated_at: now,
    };
    await this.db('scans').insert(row);
    return fromScanRow(row);
  }

  async updateScanProgress(
    scanId: string,
    regions: ScanRegionOutcome[],
    progress: ScanProgress,
  ): Promise<void> {
    await this.db('scans')
      .where('id', scanId)
      .update({
        regions: JSON.stringify(regions),
        progress: JSON.stringify(progress),
        updated_at: new Date().toISOString(),
      });
  }

  async writeResources(
    scanId: string,
    resources: RatedResource[],
  ): Promise<number> {
    if (!resources.length) return 0;
    return this.db.transaction(async trx => {
      // waits for a concurrent completeScan or abandonScan, then sees it ended
      const scan = await runningScan(trx, scanId, { lock: true });
      if (trx.client.dialect === 'postgresql') {
        // rows stay invisible until completeScan, which commits durably; a
        // crash losing the last staged rows only loses an already-dead scan
        await trx.raw('SET LOCAL synchronous_commit TO OFF');
      }
      const rows = resources.map(r =>
        toResourceRow(scanId, scan.account_id, r),
      );
      let inserted = 0;
      for (const batch of batches(trx, rows, Object.keys(rows[0]).length)) {
        // a resource this scan already wrote (an S3 bucket listed from two
        // regions, a region restarted) is skipped, and not counted
        const written: Pick<ResourceRow, 'arn'>[] = await trx('resources')
          .insert(batch)
          .onConflict(resourceKey)
          .ignore()
          .returning('arn');
        inserted += written.length;
      }
      return inserted;
    });
  }

  async completeScan(scanId: string, completion: ScanCompletion) {
    await this.db.transaction(trx => commitScan(trx, scanId, completion));
    if (await this.statisticsOutdated(scanId)) {
      await this.db.raw('ANALYZE resources');
    }
  }

  /**
   * Whether a committed scan replaced enough of `resources` (a fifth or more
   * of the rows PostgreSQL's statistics know of) for the planner to need fresh
   * statistics to stay on the sort indexes. Small accounts of a large
   * organisation leave them to autovacuum: ANALYZE on every commit would
   * make concurrent scans queue behind each other's table lock.
   */
  private async statisticsOutdated(scanId: string): Promise<boolean> {
    if (this.db.client.dialect !== 'postgresql') return false;
    const { rows } = await this.db.raw(
      `SELECT c.reltuples AS known,
        (SELECT count(*) FROM resources WHERE scan_id = ?) AS written
       FROM pg_class c WHERE c.oid = 'resources'::regclass`,
      [scanId],
    );
    const known = Number(rows[0]?.known ?? -1);
    const written = Number(rows[0]?.written ?? 0);
    // reltuples is -1 (or 0) before the table's first ANALYZE
    return known <= 0 || written >= known / 5;
  }

  async listOwnershipChanges(
    scanId: string,
    regions: string[],
  ): Promise<OwnershipChange[]> {
    return listOwnershipChanges(this.db, scanId, regions);
  }

  async abandonScan(
    scanId: string,
    status: Extract<ScanStatus, 'cancelled' | 'failed'>,
    error?: string,
  ): Promise<void> {
    await this.db.transaction(trx => discardScan(trx, scanId, status, error));
  }

  async abandonRunningScans(accountId: string, error: string) {
    return this.db.transaction(async trx => {
      const scans: Pick<ScanRow, 'id'>[] = await trx('scans')
        .select('id')
        .where('account_id', accountId)
        .where('status', 'running');
      for (const scan of scans) {
        await discardScan(trx, scan.id, 'cancelled', error);
      }
      return scans.length;
    });
  }

  async getScan(scanId: string): Promise<Scan | undefined> {
    const row: ScanRow | undefined = await this.db('scans')
      .where('id', scanId)
      .first();
    return row && fromScanRow(row);
  }

  async listScans(
    options: { accountId?: string; limit?: number } = {},
  ): Promise<Scan[]> {
    const query = this.db<ScanRow>('scans')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(clamp(options.limit, 50, 500));
    if (options.accountId) query.where('account_id', options.accountId);
    return (await query).map(fromScanRow);
  }

  /** The current_regions rows (one per account and region: a handful). */
  private async currentRegionRows(): Promise<CurrentRegionRow[]> {
    return this.db('current_regions');
  }

  /** Adds each row's region's last-seen time and staleness. */
  private withRegionState(
    rows: ResourceRow[],
    regions: ReadonlyArray<CurrentRegionRow>,
  ): CurrentResourceRow[] {
    const byKey = new Map(regions.map(r => [`${r.account_id}|${r.region}`, r]));
    return rows.map(row => {
      const region = byKey.get(`${row.account_id}|${row.region}`);
      return {
        ...row,
        last_seen_at: region?.last_seen_at ?? '',
        stale: Boolean(region?.stale),
      };
    });
  }

  async listResources(query: ResourceQuery): Promise<ResourcePage> {
    const sort = resolveSort(query.sort);
    const limit = clamp(query.limit, 50, 500);
    const regions = await this.currentRegionRows();
    const filtered = applyResourceFilter(
      currentResources(this.db, regions, { join: sort.field === 'lastSeenAt' }),
      query.filter,
      regions,
    );
    const page = applySortAndCursor(
      filtered.clone().select('r.*'),
      sort,
      query.cursor,
    ).limit(limit + 1);
    const [rows, counted] = await Promise.all([
      page as Promise<ResourceRow[]>,
      this.cappedCount(filtered),
    ]);
    const items = this.withRegionState(rows.slice(0, limit), regions);
    const result: ResourcePage = {
      items: items.map(fromResourceRow),
      totalCount: counted.count,
    };
    if (counted.capped) result.totalCountCapped = true;
    if (rows.length > limit) {
      result.nextCursor = encodeCursor(sort, items[items.length - 1]);
    }
    return result;
  }

  /** Counts matches up to a cap, so a broad filter costs no full scan. */
  private async cappedCount(
    filtered: Knex.QueryBuilder,
  ): Promise<{ count: number; capped: boolean }> {
    const limited = filtered
      .clone()
      .clearSelect()
      .clearOrder()
      .select(this.db.raw('1 as one'))
      .limit(TOTAL_COUNT_CAP + 1)
      .as('matches');
    const row = await this.db.count({ n: '*' }).from(limited).first();
    const count = Number(row?.n ?? 0);
    return count > TOTAL_COUNT_CAP
      ? { count: TOTAL_COUNT_CAP, capped: true }
      : { count, capped: false };
  }

  async getResource(arn: string): Promise<RatedResource | undefined> {
    const regions = await this.currentRegionRows();
    const rows: ResourceRow[] = await currentResources(this.db, regions)
      .select('r.*')
      .where('r.arn', arn);
    const [latest] = this.withRegionState(rows, regions).sort((a, b) =>
      b.last_seen_at.localeCompare(a.last_seen_at),
    );
    return latest && fromResourceRow(latest);
  }

  async listCurrentRegionTotals(): Promise<CurrentRegionTotals[]> {
    return listCurrentRegionTotals(this.db);
  }

  async listCurrentRegions(): Promise<CurrentRegion[]> {
    const rows: CurrentRegionRow[] = await this.db('current_regions')
      .orderBy('account_id')
      .orderBy('region');
    return rows.map(row => ({
      accountId: row.account_id,
      region: row.region,
      scanId: row.scan_id,
      lastSeenAt: row.last_seen_at,
      stale: Boolean(row.stale),
    }));
  }

  async *streamRatings(
    batchSize = 1000,
    filter?: ResourceFilter,
  ): AsyncIterable<RatingForAggregation[]> {
    const size = clamp(batchSize, 1000, 10000);
    const regions: CurrentRegionRow[] = await this.db('current_regions')
      .orderBy('account_id')
      .orderBy('region');
    for (const region of regions) {
      let after: string | undefined;
      for (;;) {
        const query = applyResourceFilter(
          this.db('resources as r'),
          filter,
          regions,
        )
          .select(...aggregationColumns.map(c => `r.${c}`))
          .where({
            'r.account_id': region.account_id,
            'r.region': region.region,
            'r.scan_id': region.scan_id,
          })
          .orderBy('r.arn')
          .limit(size);
        if (after !== undefined) query.where('r.arn', '>', after);
        const rows: CurrentResourceRow[] = await query;
        if (rows.length) {
          yield rows.map(row =>
            toRatingForAggregation({ ...row, stale: region.stale }),
          );
        }
        if (rows.length < size) break;
        after = rows[rows.length - 1].arn;
      }
    }
  }

  async countResources(filter?: ResourceFilter): Promise<number> {
    const regions = await this.currentRegionRows();
    return countOf(
      applyResourceFilter(currentResources(this.db, regions), filter, regions),
    );
  }

  async replaceTeams(teams: StoredTeam[]): Promise<void> {
    // upserts in one order: scans running at once (on several replicas)
    // replace the teams concurrently, and delete-then-insert would collide
    const rows = teams.map(toTeamRow).sort((a, b) => (a.ref < b.ref ? -1 : 1));
    await this.db.transaction(async trx => {
      await trx('teams')
        .whereNotIn(
          'ref',
          rows.map(r => r.ref),
        )
        .delete();
      for (const chunk of batches(trx, rows, 4))
        await trx('teams').insert(chunk).onConflict('ref').merge();
    });
  }

  async listTeams(): Promise<StoredTeam[]> {
    return (await this.db('teams').orderBy('ref')).map(fromTeamRow);
  }

  async writeTeamScores(snapshot: {
    snapshotId: string;
    computedAt: Date;
    scorecards: TeamScorecard[];
  }): Promise<void> {
    const at = snapshot.computedAt.toISOString();
    const rows = snapshot.scorecards.map(s =>
      toTeamScoreRow(snapshot.snapshotId, at, s),
    );
    await this.db.transaction(async trx => {
      await trx('team_scores')
        .where('snapshot_id', snapshot.snapshotId)
        .delete();
      for (const chunk of batches(trx, rows, 8)) {
        await trx('team_scores').insert(chunk);
      }
    });
  }

  /** The newest snapshot, or the newest before the given one. */
  private async snapshotBefore(
    db: Knex,
    before?: { snapshot_id: string; computed_at: string },
  ): Promise<Pick<TeamScoreRow, 'snapshot_id' | 'computed_at'> | undefined> {
    const query = db('team_scores')
      .select('snapshot_id', 'computed_at')
      .orderBy('computed_at', 'desc')
      .orderBy('snapshot_id', 'desc')
      .first();
    if (before) {
      query.where(q =>
        q
          .where('computed_at', '<', before.computed_at)
          .orWhere(q2 =>
            q2
              .where('computed_at', before.computed_at)
              .andWhere('snapshot_id', '<', before.snapshot_id),
          ),
      );
    }
    return query;
  }

  async getLatestTeamScores(): Promise<{
    computedAt?: string;
    scorecards: TeamScorecard[];
    previousScores: Record<string, number>;
  }> {
    const latest = await this.snapshotBefore(this.db);
    if (!latest) return { scorecards: [], previousScores: {} };
    const previous = await this.snapshotBefore(this.db, latest);
    const rows: TeamScoreRow[] = await this.db('team_scores')
      .where('snapshot_id', latest.snapshot_id)
      .orderBy('team_ref');
    const previousScores: Record<string, number> = {};
    if (previous) {
      const scores: Pick<TeamScoreRow, 'team_ref' | 'score'>[] = await this.db(
        'team_scores',
      )
        .select('team_ref', 'score')
        .where('snapshot_id', previous.snapshot_id);
      for (const s of scores) previousScores[s.team_ref] = Number(s.score);
    }
    return {
      computedAt: latest.computed_at,
      scorecards: rows.map(fromTeamScoreRow),
      previousScores,
    };
  }

  async getTeamHistory(
    teamRef: string,
    options: { limit?: number } = {},
  ): Promise<HistoryPoint[]> {
    const rows: TeamScoreRow[] = await this.db('team_scores')
      .where('team_ref', teamRef)
      .orderBy('computed_at', 'desc')
      .orderBy('snapshot_id', 'desc')
      .limit(clamp(options.limit, 100, 1000));
    return rows.reverse().map(toHistoryPoint);
  }

  async pruneTeamScores(olderThan: Date): Promise<number> {
    return this.db.transaction(async trx => {
      const latest = await this.snapshotBefore(trx);
      if (!latest) return 0;
      const old: Pick<TeamScoreRow, 'snapshot_id'>[] = await trx('team_scores')
        .distinct('snapshot_id')
        .where('computed_at', '<', olderThan.toISOString())
        .whereNot('snapshot_id', latest.snapshot_id);
      const ids = old.map(o => o.snapshot_id);
      for (const chunk of batches(trx, ids, 1)) {
        await trx('team_scores').whereIn('snapshot_id', chunk).delete();
      }
      return ids.length;
    });
  }

  async pruneOwnershipChanges(olderThan: Date): Promise<number> {
    return this.db('ownership_changes')
      .where('changed_at', '<', olderThan.toISOString())
      .delete();
  }
}
