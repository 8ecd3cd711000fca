import {
  type DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import {
  type ExemptionRow,
  fromExemptionRow,
  toExemptionRow,
} from './exemptionRow';
import type {
  ExemptionEvent,
  ExemptionListFilter,
  ExemptionStore,
  StoredExemption,
} from './types';

const migrationsDir = resolvePackagePath(
  '@aws-ownership/backstage-plugin-backend',
  'migrations',
);

interface EventRow {
  seq?: number;
  exemption_id: string;
  action: string;
  actor: string | null;
  at: string;
}

/**
 * The knex (SQLite and PostgreSQL) implementation of `ExemptionStore`. The
 * stored status is pending, active or revoked; expiry is read from
 * `expires_at` against the instant asked about, so an exemption expires to
 * the millisecond without any job writing it.
 */
export class DatabaseExemptionStore implements ExemptionStore {
  private constructor(private readonly db: Knex) {}

  /** Connects to the plugin's database and runs its migrations (unless configured to skip them). */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseExemptionStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseExemptionStore(client);
  }

  async insert(exemption: StoredExemption): Promise<StoredExemption> {
    await this.db.transaction(async trx => {
      await trx('exemptions').insert(toExemptionRow(exemption));
      await trx<EventRow>('exemption_events').insert({
        exemption_id: exemption.id,
        action: 'requested',
        actor: exemption.requestedBy,
        at: exemption.requestedAt,
      });
    });
    return exemption;
  }

  async get(id: string): Promise<StoredExemption | undefined> {
    const row = await this.db<ExemptionRow>('exemptions').where({ id }).first();
    return row ? fromExemptionRow(row) : undefined;
  }

  async list(filter: ExemptionListFilter): Promise<StoredExemption[]> {
    const query = this.db<ExemptionRow>('exemptions');
    if (filter.teamRef !== undefined) query.where('team_ref', filter.teamRef);
    switch (filter.status) {
      case 'pending':
      case 'active':
        query
          .where('status', filter.status)
          .where('expires_at', '>', filter.now);
        break;
      case 'expired':
        query
          .whereIn('status', ['pending', 'active'])
          .where('expires_at', '<=', filter.now);
        break;
      case 'revoked':
        query.where('status', 'revoked');
        break;
      default:
    }
    if (filter.expiringBefore !== undefined) {
      query
        .whereIn('status', ['pending', 'active'])
        .where('expires_at', '>', filter.now)
        .where('expires_at', '<=', filter.expiringBefore);
    }
    const rows = await query.orderBy('expires_at').orderBy('id');
    return rows.map(fromExemptionRow);
  }

  async listActive(now: string): Promise<StoredExemption[]> {
    return this.list({ status: 'active', now });
  }

  async transition(change: {
    id: string;
    from: ReadonlyArray<StoredExemption['status']>;
    to: 'active' | 'revoked';
    actor: string;
    at: string;
  }): Promise<StoredExemption | undefined> {
    const { id, from, to, actor, at } = change;
    const columns =
      to === 'active'
        ? { approved_by: actor, approved_at: at }
        : { revoked_by: actor, revoked_at: at };
    return this.db.transaction(async trx => {
      const updated = await trx<ExemptionRow>('exemptions')
        .where({ id })
        .whereIn('status', [...from])
        .update({ status: to, ...columns });
      if (!updated) return undefined;
      await trx<EventRow>('exemption_events').insert({
        exemption_id: id,
        action: to === 'active' ? 'approved' : 'revoked',
        actor,
        at,
      });
      const row = await trx<ExemptionRow>('exemptions').where({ id }).first();
      return row && fromExemptionRow(row);
    });
  }

  async listChangedBetween(filter: {
    teamRefs?: ReadonlyArray<string>;
    after: string;
    until: string;
  }): Promise<StoredExemption[]> {
    const { teamRefs, after, until } = filter;
    const within = (q: Knex.QueryBuilder, column: string) =>
      q.where(column, '>', after).where(column, '<=', until);
    const query = this.db<ExemptionRow>('exemptions').where(q =>
      q
        .where(approved => within(approved, 'approved_at'))
        .orWhere(createdActive =>
          within(
            createdActive.where('status', 'active').whereNull('approved_at'),
            'requested_at',
          ),
        )
        .orWhere(revoked => within(revoked, 'revoked_at'))
        // the stored status of an expired one is still pending or active
        .orWhere(expired =>
          within(
            expired.whereIn('status', ['pending', 'active']),
            'expires_at',
          ),
        ),
    );
    if (teamRefs) query.whereIn('team_ref', [...teamRefs]);
    const rows = await query.orderBy('id');
    return rows.map(fromExemptionRow);
  }

  async listEvents(id: string): Promise<ExemptionEvent[]> {
    const rows = await this.db<EventRow>('exemption_events')
      .where({ exemption_id: id })
      .orderBy('seq');
    return rows.map(row => {
      const event: ExemptionEvent = {
        exemptionId: row.exemption_id,
        action: row.action as ExemptionEvent['action'],
        at: row.at,
      };
      if (row.actor !== null) event.actor = row.actor;
      return event;
    });
  }
}
