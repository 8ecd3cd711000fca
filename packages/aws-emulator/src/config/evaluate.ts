import type { ConfigurationItem } from './items';
import type { Condition, Literal, Query, SelectField } from './query';

/** Every value found at a dotted path; arrays on the way are searched element by element. */
export function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap(v => valuesAt(v, path));
  if (path.length === 0) return value === undefined ? [] : [value];
  if (typeof value !== 'object' || value === null) return [];
  return valuesAt((value as Record<string, unknown>)[path[0]], path.slice(1));
}

function equals(found: unknown, wanted: Literal): boolean {
  if (wanted === null) return found === null;
  if (typeof wanted === 'number')
    return Number(found) === wanted && found !== '';
  if (typeof wanted === 'boolean')
    return found === wanted || found === String(wanted);
  return String(found) === wanted;
}

/** Negative, zero or positive as `a` sorts before, with or after `b`. */
export function compare(a: string | number, b: string | number): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function order(found: unknown, wanted: Literal): number | undefined {
  if (typeof wanted === 'number') {
    const n = Number(found);
    return Number.isNaN(n) ? undefined : n - wanted;
  }
  if (typeof wanted === 'string' && typeof found === 'string') {
    return compare(found, wanted);
  }
  return undefined;
}

function likeRegExp(pattern: string): RegExp {
  const body = pattern
    .split('')
    .map(ch => {
      if (ch === '%') return '.*';
      if (ch === '_') return '.';
      return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${body}$`, 's');
}

/** Whether an item satisfies a condition; a condition on an array property holds when any element satisfies it. */
export function matches(item: ConfigurationItem, c: Condition): boolean {
  switch (c.kind) {
    case 'and':
      return matches(item, c.left) && matches(item, c.right);
    case 'or':
      return matches(item, c.left) || matches(item, c.right);
    case 'not':
      return !matches(item, c.condition);
    case 'in':
      return valuesAt(item, c.path).some(v => c.values.some(w => equals(v, w)));
    case 'like': {
      const re = likeRegExp(c.pattern);
      return valuesAt(item, c.path).some(
        v => typeof v === 'string' && re.test(v),
      );
    }
    case 'between':
      return valuesAt(item, c.path).some(v => {
        const low = order(v, c.low);
        const high = order(v, c.high);
        return low !== undefined && high !== undefined && low >= 0 && high <= 0;
      });
    case 'compare':
      return valuesAt(item, c.path).some(v => {
        if (c.op === '=') return equals(v, c.value);
        if (c.op === '!=') return !equals(v, c.value);
        const d = order(v, c.value);
        if (d === undefined) return false;
        if (c.op === '<') return d < 0;
        if (c.op === '<=') return d <= 0;
        if (c.op === '>') return d > 0;
        return d >= 0;
      });
    default:
      return false;
  }
}

/** The part of `value` under `path`, keeping the nesting (and arrays) above it. */
function pick(value: unknown, path: readonly string[]): unknown {
  if (path.length === 0) return value;
  if (Array.isArray(value)) {
    return value.map(v => pick(v, path)).filter(v => v !== undefined);
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const inner = pick(
    (value as Record<string, unknown>)[path[0]],
    path.slice(1),
  );
  return inner === undefined ? undefined : { [path[0]]: inner };
}

function merge(target: unknown, source: unknown): unknown {
  if (Array.isArray(target) && Array.isArray(source)) {
    return target.map((t, i) => merge(t, source[i]));
  }
  if (
    typeof target === 'object' &&
    target !== null &&
    typeof source === 'object' &&
    source !== null
  ) {
    const out: Record<string, unknown> = {
      ...(target as Record<string, unknown>),
    };
    for (const [k, v] of Object.entries(source)) {
      out[k] = k in out ? merge(out[k], v) : v;
    }
    return out;
  }
  return source ?? target;
}

/** One result row: the selected properties of an item, nested as in the item. */
export function project(
  item: ConfigurationItem,
  fields: readonly SelectField[],
): Record<string, unknown> {
  let row: unknown = {};
  for (const field of fields) {
    if (field.kind === 'all') row = merge(row, item);
    if (field.kind === 'property') {
      const part = pick(item, field.path);
      if (part !== undefined) row = merge(row, part);
    }
  }
  return row as Record<string, unknown>;
}

function sortKey(row: unknown, path: readonly string[]): string | number {
  const [first] = valuesAt(row, path);
  return typeof first === 'number' ? first : String(first ?? '');
}

function sorted<T>(rows: T[], orderBy: Query['orderBy']): T[] {
  for (const { path, descending } of [...orderBy].reverse()) {
    rows.sort((a, b) => {
      const x = sortKey(a, path);
      const y = sortKey(b, path);
      const d = compare(x, y);
      return descending ? -d : d;
    });
  }
  return rows;
}

function counted(
  items: readonly ConfigurationItem[],
  groupBy: readonly string[],
): Record<string, unknown>[] {
  const keys: SelectField[] = groupBy.map(name => ({
    kind: 'property',
    name,
    path: name.split('.'),
  }));
  const groups = new Map<
    string,
    { row: Record<string, unknown>; count: number }
  >();
  for (const item of items) {
    const row = project(item, keys);
    const id = JSON.stringify(row);
    const group = groups.get(id) ?? { row, count: 0 };
    group.count++;
    groups.set(id, group);
  }
  const rows = [...groups.values()].map(g => ({
    ...g.row,
    'COUNT(*)': g.count,
  }));
  return rows.length === 0 && keys.length === 0 ? [{ 'COUNT(*)': 0 }] : rows;
}

/** The rows of a query over items: filtered, ordered (by any property), then projected, or grouped and counted. */
export function evaluate(
  items: readonly ConfigurationItem[],
  query: Query,
): Record<string, unknown>[] {
  const selected = query.where
    ? items.filter(item => matches(item, query.where!))
    : [...items];
  if (query.fields.some(f => f.kind === 'count')) {
    return sorted(counted(selected, query.groupBy ?? []), query.orderBy);
  }
  return sorted(selected, query.orderBy).map(item =>
    project(item, query.fields),
  );
}
