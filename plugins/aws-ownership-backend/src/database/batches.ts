import type { Knex } from 'knex';

/** Bound variables one statement may use, under SQLite's 32766 and PostgreSQL's 65535. */
const maxBindings = 30000;
/** knex writes a multi-row SQLite insert as a compound SELECT, limited to 500 terms. */
const maxSqliteRows = 500;

/** Splits items into batches that one statement of `db` can take, at `columns` bindings each. */
export function batches<T>(db: Knex, items: T[], columns: number): T[][] {
  let size = Math.max(1, Math.floor(maxBindings / columns));
  if (db.client.dialect === 'sqlite3') size = Math.min(size, maxSqliteRows);
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}
