import { InputError } from '@backstage/errors';
import type { Knex } from 'knex';
import type { CurrentResourceRow } from './tables';
import type { ResourceQuery, ResourceSortField } from './types';

/** A resolved sort: the field and its direction. */
export type ResourceSort = Required<NonNullable<ResourceQuery['sort']>>;

const sortColumns: Record<
  ResourceSortField,
  { column: string; key: keyof CurrentResourceRow }
> = {
  score: { column: 'r.score', key: 'score' },
  name: { column: 'r.name', key: 'name' },
  resourceType: { column: 'r.resource_type', key: 'resource_type' },
  region: { column: 'r.region', key: 'region' },
  accountId: { column: 'r.account_id', key: 'account_id' },
  lastSeenAt: { column: 'cr.last_seen_at', key: 'last_seen_at' },
  arn: { column: 'r.arn', key: 'arn' },
};

/** The sort of a query: as asked, else score ascending (worst first). */
export function resolveSort(sort: ResourceQuery['sort']): ResourceSort {
  const field = sort?.field ?? 'score';
  if (!(field in sortColumns)) {
    throw new InputError(`Cannot sort resources by ${String(field)}`);
  }
  return { field, order: sort?.order === 'desc' ? 'desc' : 'asc' };
}

/** The decoded cursor: the last row's sort value and ARN. */
interface Cursor {
  /** The sort field and order it was made for. */
  f: ResourceSortField;
  o: 'asc' | 'desc';
  /** The sort value. */
  v: string | number;
  /** The ARN (the tie-breaker). */
  a: string;
}

/** The cursor that continues after `row`. */
export function encodeCursor(
  sort: ResourceSort,
  row: CurrentResourceRow,
): string {
  const cursor: Cursor = {
    f: sort.field,
    o: sort.order,
    v: row[sortColumns[sort.field].key] as string | number,
    a: row.arn,
  };
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(sort: ResourceSort, text: string): Cursor {
  let cursor: Partial<Cursor> | undefined;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    cursor = undefined;
  }
  const valueType = sort.field === 'score' ? 'number' : 'string';
  if (
    !cursor ||
    typeof cursor !== 'object' ||
    cursor.f !== sort.field ||
    cursor.o !== sort.order ||
    typeof cursor.a !== 'string' ||
    typeof cursor.v !== valueType ||
    (valueType === 'number' && !Number.isFinite(cursor.v))
  ) {
    throw new InputError('Malformed cursor, or one made for another sort');
  }
  return cursor as Cursor;
}

/** Orders a query over `currentResources` by the sort, ties by ARN, starting after the cursor. */
export function applySortAndCursor(
  query: Knex.QueryBuilder,
  sort: ResourceSort,
  cursor: string | undefined,
): Knex.QueryBuilder {
  const { column } = sortColumns[sort.field];
  const op = sort.order === 'asc' ? '>' : '<';
  if (cursor !== undefined) {
    const after = decodeCursor(sort, cursor);
    if (sort.field === 'arn') {
      query.where('r.arn', op, after.a);
    } else {
      query.where(q =>
        q
          .where(column, op, after.v)
          .orWhere(q2 =>
            q2.where(column, after.v).andWhere('r.arn', op, after.a),
          ),
      );
    }
  }
  if (sort.field !== 'arn') query.orderBy(column, sort.order);
  return query.orderBy('r.arn', sort.order);
}
