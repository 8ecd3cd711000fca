import {
  type DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  type TeamScore,
  unownedTeamRef,
} from '@aws-ownership/backstage-plugin-common';
import type { Knex } from 'knex';
import { batches } from '../database/batches';
import {
  applyResourceFilter,
  currentResources,
} from '../database/resourceFilter';
import type { CurrentRegionRow } from '../database/tables';
import type {
  ActionItem,
  ActionStatus,
  FrozenTeamScore,
  Review,
  ReviewScope,
  ReviewSummary,
  SnapshotResource,
} from './types';

const migrationsDir = resolvePackagePath(
  '@aws-ownership/backstage-plugin-backend',
  'migrations',
);

interface ReviewRow {
  id: string;
  scope_key: string;
  entity_ref: string;
  include_descendants: boolean | number;
  title: string | null;
  created_by: string | null;
  created_at: string;
  resource_count: number;
  score: number;
  grade: string;
  data: string;
}

interface SnapshotRow {
  arn: string;
  owner_ref: string | null;
  component_ref: string | null;
  name: string;
  resource_type: string;
  score: number;
  check_statuses: string;
  /** Read by changedResources only. */
  owner_before?: string | null;
  in_scope?: boolean | number;
}

interface ActionRow {
  id: string;
  review_id: string;
  scope_key: string;
  title: string;
  assignee: string;
  due: string | null;
  arns: string;
  check_id: string | null;
  status: string;
  note: string | null;
  closed_by_scan: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** What `review_resources` copies from `resources`, in column order. */
const snapshotColumns = [
  'arn',
  'owner_ref',
  'component_ref',
  'name',
  'resource_type',
  'score',
  'check_statuses',
] as const;

/** The key that groups reviews of the same scope. */
export function scopeKey(scope: ReviewScope): string {
  return scope.includeDescendants
    ? `${scope.entityRef}+descendants`
    : scope.entityRef;
}

function fromSnapshotRow(row: SnapshotRow): SnapshotResource {
  const resource: SnapshotResource = {
    arn: row.arn,
    ownerRef: row.owner_ref ?? undefined,
    componentRef: row.component_ref ?? undefined,
    name: row.name,
    resourceType: row.resource_type,
    score: Number(row.score),
    checkStatuses: row.check_statuses,
  };
  if (row.owner_before !== null && row.owner_before !== undefined) {
    resource.move = 'in';
    if (row.owner_before !== unownedTeamRef) {
      resource.ownerBefore = row.owner_before;
    }
  } else if (row.in_scope !== undefined && !row.in_scope) {
    resource.move = 'out';
  }
  return resource;
}

interface StoredReviewData {
  displayName: string;
  total: TeamScore;
  teams: FrozenTeamScore[];
}

function fromReviewRow(row: ReviewRow): Review {
  const data: StoredReviewData = JSON.parse(row.data);
  return {
    id: row.id,
    entityRef: row.entity_ref,
    includeDescendants: Boolean(row.include_descendants),
    title: row.title ?? undefined,
    createdBy: row.created_by ?? undefined,
    createdAt: row.created_at,
    displayName: data.displayName,
    total: data.total,
    teams: data.teams,
  };
}

function toSummary(review: Review): ReviewSummary {
  const { teams, total, ...rest } = review;
  return {
    ...rest,
    score: total.score,
    grade: total.grade,
    resourceCount: total.resourceCount,
  };
}

function fromActionRow(row: ActionRow): ActionItem {
  return {
    id: row.id,
    reviewId: row.review_id,
    title: row.title,
    assignee: row.assignee,
    due: row.due ?? undefined,
    arns: JSON.parse(row.arns),
    checkId: row.check_id ?? undefined,
    status: row.status as ActionStatus,
    note: row.note ?? undefined,
    closedByScan: row.closed_by_scan ?? undefined,
    createdBy: row.created_by ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** One pair of a changed resource's rows in two snapshots (either may be missing). */
export interface SnapshotPair {
  arn: string;
  before?: SnapshotResource;
  after?: SnapshotResource;
}

/** What a new review needs besides its snapshot. */
export interface NewReview extends ReviewScope {
  id: string;
  title?: string;
  createdBy?: string;
  createdAt: string;
  displayName: string;
  /** Owners whose current resources form the snapshot; undefined: every current resource. */
  ownerRefs?: string[];
  /**
   * The previous review of the scope: resources of it now owned outside the
   * scope are kept, out of scope, to show where they went; those that came
   * into the scope since, owned elsewhere before, are marked with their owner
   * then (`owner_before`).
   */
  previousReviewId?: string;
}

interface MovedInRow {
  arn: string;
  owner_ref: string | null;
  from_owner_ref: string | null;
}

/** Reviews, their snapshots and action items (knex: SQLite and PostgreSQL). */
export class DatabaseReviewStore {
  private constructor(private readonly db: Knex) {}

  /** Connects to the plugin's database and runs its migrations (unless configured to skip them). */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseReviewStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseReviewStore(client);
  }

  /**
   * Freezes the current resources of the scope and stores the review, in one
   * transaction; `summarise` reads the frozen snapshot and gives the scores.
   */
  async createReview(
    review: NewReview,
    summarise: (
      snapshot: AsyncIterable<SnapshotResource[]>,
    ) => Promise<{ total: TeamScore; teams: FrozenTeamScore[] }>,
  ): Promise<Review> {
    return this.db.transaction(async trx => {
      const regions: CurrentRegionRow[] = await trx('current_regions');
      const source = applyResourceFilter(
        currentResources(trx, regions),
        review.ownerRefs ? { ownerRefs: review.ownerRefs } : {},
        regions,
      ).select(
        trx.raw('? as review_id', [review.id]),
        ...snapshotColumns.map(c => `r.${c}`),
      );
      if (!review.ownerRefs || review.ownerRefs.length) {
        await trx
          .into(
            trx.raw(
              `?? (${['review_id', ...snapshotColumns]
                .map(() => '??')
                .join(', ')})`,
              ['review_resources', 'review_id', ...snapshotColumns],
            ),
          )
          .insert(source);
      }
      if (review.ownerRefs && review.previousReviewId) {
        // what left the team's scope since its last review, with its new owner
        const movedOut = currentResources(trx, regions)
          .whereIn(
            'r.arn',
            trx('review_resources')
              .select('arn')
              .where({ review_id: review.previousReviewId, in_scope: true }),
          )
          .whereNotIn(
            'r.arn',
            trx('review_resources').select('arn').where('review_id', review.id),
          )
          .select(
            trx.raw('? as review_id', [review.id]),
            ...snapshotColumns.map(c => `r.${c}`),
            trx.raw('? as in_scope', [false]),
          );
        await trx
          .into(
            trx.raw(
              `?? (${['review_id', ...snapshotColumns, 'in_scope']
                .map(() => '??')
                .join(', ')})`,
              ['review_resources', 'review_id', ...snapshotColumns, 'in_scope'],
            ),
          )
          .insert(movedOut);
        await this.markMovedIn(trx, review.id, review.previousReviewId);
      }
      const { total, teams } = await summarise(
        this.snapshotBatches(review.id, 2000, trx),
      );
      const data: StoredReviewData = {
        displayName: review.displayName,
        total,
        teams,
      };
      const row: ReviewRow = {
        id: review.id,
        scope_key: scopeKey(review),
        entity_ref: review.entityRef,
        include_descendants: review.includeDescendants,
        title: review.title ?? null,
        created_by: review.createdBy ?? null,
        created_at: review.createdAt,
        resource_count: total.resourceCount,
        score: total.score,
        grade: total.grade,
        data: JSON.stringify(data),
      };
      await trx('reviews').insert(row);
      return fromReviewRow(row);
    });
  }

  /**
   * Marks the in-scope resources of a new team review that were not in the
   * previous review's scope but changed owner since it was taken: they came
   * in from another owner (or from none), where a resource new in AWS has no
   * recorded change. The earliest change since holds the owner at the
   * previous review. A change in the very millisecond of the previous review
   * counts: it may have committed after that snapshot was read.
   */
  private async markMovedIn(
    trx: Knex.Transaction,
    reviewId: string,
    previousReviewId: string,
  ): Promise<void> {
    const previous: Pick<ReviewRow, 'created_at'> | undefined = await trx(
      'reviews',
    )
      .select('created_at')
      .where('id', previousReviewId)
      .first();
    if (!previous) return;
    const rows: MovedInRow[] = await trx('review_resources as r')
      .join('ownership_changes as c', 'c.arn', 'r.arn')
      .where({ 'r.review_id': reviewId, 'r.in_scope': true })
      .where('c.changed_at', '>=', previous.created_at)
      .whereNotIn(
        'r.arn',
        trx('review_resources')
          .select('arn')
          .where({ review_id: previousReviewId, in_scope: true }),
      )
      .select('r.arn', 'r.owner_ref', 'c.from_owner_ref')
      .orderBy('r.arn')
      .orderBy('c.changed_at')
      .orderBy('c.id');
    const byOwnerBefore = new Map<string, string[]>();
    let last: string | undefined;
    for (const row of rows) {
      if (row.arn === last) continue;
      last = row.arn;
      // back with the owner it had: nothing moved
      if ((row.from_owner_ref ?? '') === (row.owner_ref ?? '')) continue;
      const before = row.from_owner_ref ?? unownedTeamRef;
      const arns = byOwnerBefore.get(before);
      if (arns) arns.push(row.arn);
      else byOwnerBefore.set(before, [row.arn]);
    }
    for (const [before, arns] of byOwnerBefore) {
      for (const chunk of batches(trx, arns, 1)) {
        await trx('review_resources')
          .where('review_id', reviewId)
          .whereIn('arn', chunk)
          .update({ owner_before: before });
      }
    }
  }

  /** One review, or undefined. */
  async getReview(id: string): Promise<Review | undefined> {
    const row = await this.db<ReviewRow>('reviews').where({ id }).first();
    return row && fromReviewRow(row);
  }

  /** Reviews (of one scope entity, with or without descendants), newest first. */
  async listReviews(
    options: { entityRef?: string; limit?: number } = {},
  ): Promise<ReviewSummary[]> {
    const query = this.db<ReviewRow>('reviews')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit ?? 100);
    if (options.entityRef) query.where({ entity_ref: options.entityRef });
    return (await query).map(row => toSummary(fromReviewRow(row)));
  }

  /** The latest review of a scope, or undefined. */
  async getLatestReview(scope: ReviewScope): Promise<Review | undefined> {
    const row = await this.db<ReviewRow>('reviews')
      .where({ scope_key: scopeKey(scope) })
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .first();
    return row && fromReviewRow(row);
  }

  /** The latest review of the same scope taken before this one. */
  async getPreviousReview(review: Review): Promise<Review | undefined> {
    const row = await this.db<ReviewRow>('reviews')
      .where({ scope_key: scopeKey(review) })
      .where(q =>
        q
          .where('created_at', '<', review.createdAt)
          .orWhere(q2 =>
            q2
              .where('created_at', review.createdAt)
              .where('id', '<', review.id),
          ),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .first();
    return row && fromReviewRow(row);
  }

  /** A review's snapshot in batches, by ARN. */
  async *snapshotBatches(
    reviewId: string,
    batchSize = 2000,
    db: Knex = this.db,
  ): AsyncIterable<SnapshotResource[]> {
    let after: string | undefined;
    for (;;) {
      const query = db('review_resources')
        .select(...snapshotColumns)
        .where({ review_id: reviewId, in_scope: true })
        .orderBy('arn')
        .limit(batchSize);
      if (after !== undefined) query.where('arn', '>', after);
      const rows: SnapshotRow[] = await query;
      if (rows.length) yield rows.map(fromSnapshotRow);
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1].arn;
    }
  }

  /**
   * The resources whose check statuses or owner differ between two
   * snapshots, or that are in only one of them: one page by ARN after `after`.
   */
  async changedResources(
    sinceId: string,
    reviewId: string,
    options: { after?: string; limit: number },
  ): Promise<SnapshotPair[]> {
    const cols = (alias: string) =>
      snapshotColumns.map(c => `${alias}.${c} as ${alias}_${c}`);
    const cursor = (q: Knex.QueryBuilder, column: string) => {
      if (options.after !== undefined) q.where(column, '>', options.after);
    };
    const changed = this.db('review_resources as b')
      .leftJoin('review_resources as a', join =>
        join
          .on('a.arn', 'b.arn')
          .andOn('a.review_id', this.db.raw('?', [sinceId]))
          .andOn('a.in_scope', this.db.raw('?', [true])),
      )
      .where('b.review_id', reviewId)
      .where(q =>
        q
          .where(added => added.whereNull('a.arn').where('b.in_scope', true))
          .orWhere(both =>
            both
              .whereNotNull('a.arn')
              .where(differs =>
                differs
                  .whereRaw('a.check_statuses <> b.check_statuses')
                  .orWhereRaw(
                    "coalesce(a.owner_ref, '') <> coalesce(b.owner_ref, '')",
                  ),
              ),
          ),
      )
      .select(
        'b.arn as arn',
        ...cols('a'),
        ...cols('b'),
        'b.owner_before as b_owner_before',
        'b.in_scope as b_in_scope',
      )
      .orderBy('b.arn')
      .limit(options.limit);
    cursor(changed, 'b.arn');
    const gone = this.db('review_resources as a')
      .leftJoin('review_resources as b', join =>
        join
          .on('b.arn', 'a.arn')
          .andOn('b.review_id', this.db.raw('?', [reviewId])),
      )
      .where({ 'a.review_id': sinceId, 'a.in_scope': true })
      .whereNull('b.arn')
      .select('a.arn as arn', ...cols('a'), ...cols('b'))
      .orderBy('a.arn')
      .limit(options.limit);
    cursor(gone, 'a.arn');
    const [one, two] = await Promise.all([changed, gone]);
    const side = (row: Record<string, unknown>, alias: string) =>
      row[`${alias}_arn`] === null || row[`${alias}_arn`] === undefined
        ? undefined
        : fromSnapshotRow(
            Object.fromEntries(
              [...snapshotColumns, 'owner_before', 'in_scope'].map(c => [
                c,
                row[`${alias}_${c}`],
              ]),
            ) as unknown as SnapshotRow,
          );
    return (
      [...one, ...two]
        .map(row => ({
          arn: row.arn as string,
          before: side(row, 'a'),
          after: side(row, 'b'),
        }))
        // byte order, as both databases sort the arn column
        .sort((x, y) => Number(x.arn > y.arn) - Number(x.arn < y.arn))
        .slice(0, options.limit)
    );
  }

  /** Deletes reviews taken before the cutoff, with their snapshots and action items; returns how many. */
  async pruneReviews(olderThan: Date): Promise<number> {
    return this.db.transaction(async trx => {
      const ids = (
        await trx('reviews')
          .where('created_at', '<', olderThan.toISOString())
          .select('id')
      ).map((r: { id: string }) => r.id);
      if (!ids.length) return 0;
      await trx('review_resources').whereIn('review_id', ids).delete();
      await trx('review_actions').whereIn('review_id', ids).delete();
      await trx('reviews').whereIn('id', ids).delete();
      return ids.length;
    });
  }

  /** Records a new action item. */
  async createAction(
    action: Omit<ActionItem, 'status' | 'updatedAt'> & { scopeKey: string },
  ): Promise<ActionItem> {
    const row: ActionRow = {
      id: action.id,
      review_id: action.reviewId,
      scope_key: action.scopeKey,
      title: action.title,
      assignee: action.assignee,
      due: action.due ?? null,
      arns: JSON.stringify(action.arns),
      check_id: action.checkId ?? null,
      status: 'open',
      note: action.note ?? null,
      closed_by_scan: null,
      created_by: action.createdBy ?? null,
      created_at: action.createdAt,
      updated_at: action.createdAt,
    };
    await this.db('review_actions').insert(row);
    return fromActionRow(row);
  }

  /** One action item, or undefined. */
  async getAction(id: string): Promise<ActionItem | undefined> {
    const row = await this.db<ActionRow>('review_actions')
      .where({ id })
      .first();
    return row && fromActionRow(row);
  }

  /** Changes an action's status and note; returns it, or undefined when there is none. */
  async updateAction(
    id: string,
    change: {
      status: ActionStatus;
      note?: string;
      closedByScan?: string;
      updatedAt: string;
    },
  ): Promise<ActionItem | undefined> {
    const updated = await this.db('review_actions')
      .where({ id })
      .update({
        status: change.status,
        note: change.note ?? null,
        closed_by_scan: change.closedByScan ?? null,
        updated_at: change.updatedAt,
      });
    if (!updated) return undefined;
    return this.getAction(id);
  }

  /**
   * The action items of a review: those added to it, and those of earlier
   * reviews of its scope that were still open when it was taken.
   */
  async listActions(review: Review): Promise<ActionItem[]> {
    const rows: ActionRow[] = await this.db<ActionRow>('review_actions')
      .where(q =>
        q.where('review_id', review.id).orWhere(carried =>
          carried
            .where('scope_key', scopeKey(review))
            .where('created_at', '<', review.createdAt)
            .where(open =>
              open
                .where('status', 'open')
                .orWhere('updated_at', '>', review.createdAt),
            ),
        ),
      )
      .orderBy('created_at')
      .orderBy('id');
    return rows.map(fromActionRow);
  }

  /** Open action items tied to a check, which a scan may close. */
  async listOpenCheckActions(): Promise<ActionItem[]> {
    const rows: ActionRow[] = await this.db<ActionRow>('review_actions')
      .where('status', 'open')
      .whereNotNull('check_id')
      .orderBy('created_at');
    return rows.map(fromActionRow);
  }

  /** The current resources' encoded check statuses by ARN (those that exist). */
  async currentCheckStatuses(arns: string[]): Promise<Map<string, string>> {
    if (!arns.length) return new Map();
    const regions: CurrentRegionRow[] = await this.db('current_regions');
    const rows: Array<{ arn: string; check_statuses: string }> =
      await currentResources(this.db, regions)
        .whereIn('r.arn', arns)
        .select('r.arn', 'r.check_statuses');
    return new Map(rows.map(r => [r.arn, r.check_statuses]));
  }
}
