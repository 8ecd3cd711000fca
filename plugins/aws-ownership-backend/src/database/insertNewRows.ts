import type { Knex } from 'knex';

/**
 * Inserts rows (one statement, same keys in every row), skipping those that
 * conflict on `key`; returns how many were inserted. Plain multi-row VALUES
 * with ON CONFLICT DO NOTHING RETURNING, valid on PostgreSQL and SQLite 3.35+,
 * built here because knex's insert compiler costs more than the insert.
 */
export async function insertNewRows(
  db: Knex,
  table: string,
  key: string[],
  rows: object[],
): Promise<number> {
  if (!rows.length) return 0;
  const columns = Object.keys(rows[0]);
  const tuple = `(${columns.map(() => '?').join(',')})`;
  const bindings: unknown[] = [];
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    for (const column of columns) bindings.push(values[column] ?? null);
  }
  const quoted = (names: string[]) => names.map(n => `"${n}"`).join(',');
  const result = await db.raw(
    `INSERT INTO "${table}" (${quoted(columns)}) VALUES ${rows
      .map(() => tuple)
      .join(',')} ON CONFLICT (${quoted(key)}) DO NOTHING RETURNING ${quoted(
      key.slice(-1),
    )}`,
    bindings as Knex.RawBinding[],
  );
  // node-postgres answers a result object, better-sqlite3 the rows themselves
  return Array.isArray(result) ? result.length : result.rows.length;
}
