// Only the BigQuery build: loading every dialect costs 150 ms more at start.
import { Parser } from 'node-sql-parser/build/bigquery';
import { invalidExpression } from './errors';

/** A literal of the query: a string, number, boolean or null. */
export type Literal = string | number | boolean | null;

/** A WHERE condition, reduced to what AWS Config's advanced query language offers. */
export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; condition: Condition }
  | {
      kind: 'compare';
      op: '=' | '!=' | '<' | '<=' | '>' | '>=';
      path: string[];
      value: Literal;
    }
  | { kind: 'in'; path: string[]; values: Literal[] }
  | { kind: 'like'; path: string[]; pattern: string }
  | { kind: 'between'; path: string[]; low: Literal; high: Literal };

/** One entry of the SELECT list. */
export type SelectField =
  | { kind: 'property'; name: string; path: string[] }
  | { kind: 'all' }
  | { kind: 'count'; name: string };

/** A parsed query. */
export interface Query {
  fields: SelectField[];
  where?: Condition;
  groupBy?: string[];
  orderBy: { path: string[]; descending: boolean }[];
}

// BigQuery's dialect takes dotted names of any depth (`configuration.a.b.c`) as one column with sub-fields.
const DIALECT = { database: 'bigquery' };
const parser = new Parser();

type Node = Record<string, any>;

function columnPath(node: Node): string[] {
  const column =
    typeof node.column === 'string' ? node.column : node.column?.expr?.value;
  if (typeof column !== 'string') {
    throw invalidExpression('Unsupported property reference');
  }
  return [
    ...(node.db ? [node.db] : []),
    ...(node.schema ? [node.schema] : []),
    ...(node.table ? [node.table] : []),
    column,
    ...(node.subFields ?? []),
  ];
}

function literal(node: Node): Literal {
  switch (node?.type) {
    case 'single_quote_string':
    case 'double_quote_string':
    case 'string':
      return String(node.value);
    case 'number':
      return Number(node.value);
    case 'bool':
      return Boolean(node.value);
    case 'null':
      return null;
    default:
      throw invalidExpression(
        `Expected a literal value, found ${node?.type ?? 'nothing'}`,
      );
  }
}

function property(node: Node): string[] {
  if (node?.type !== 'column_ref') {
    throw invalidExpression(
      'The left side of a comparison must be a property name',
    );
  }
  return columnPath(node);
}

const COMPARISONS = new Set(['=', '!=', '<>', '<', '<=', '>', '>=']);

function condition(node: Node): Condition {
  if (node?.type === 'unary_expr' && node.operator === 'NOT') {
    return { kind: 'not', condition: condition(node.expr) };
  }
  // `NOT (a OR b)` reaches us as a call of a function named NOT.
  if (
    node?.type === 'function' &&
    String(
      node.name?.schema?.value ?? node.name?.name?.[0]?.value,
    ).toUpperCase() === 'NOT' &&
    node.args?.value?.length === 1
  ) {
    return { kind: 'not', condition: condition(node.args.value[0]) };
  }
  if (node?.type !== 'binary_expr') {
    throw invalidExpression(`Unsupported condition (${node?.type ?? 'empty'})`);
  }
  const op = String(node.operator).toUpperCase();
  if (op === 'AND' || op === 'OR') {
    return {
      kind: op === 'AND' ? 'and' : 'or',
      left: condition(node.left),
      right: condition(node.right),
    };
  }
  const path = property(node.left);
  const negate = (c: Condition): Condition => ({ kind: 'not', condition: c });
  if (COMPARISONS.has(op)) {
    const value = literal(node.right);
    return {
      kind: 'compare',
      op: op === '<>' ? '!=' : (op as '=' | '!=' | '<' | '<=' | '>' | '>='),
      path,
      value,
    };
  }
  if (op === 'IN' || op === 'NOT IN') {
    if (node.right?.type !== 'expr_list') {
      throw invalidExpression('IN takes a list of values');
    }
    const c: Condition = {
      kind: 'in',
      path,
      values: node.right.value.map(literal),
    };
    return op === 'IN' ? c : negate(c);
  }
  if (op === 'LIKE' || op === 'NOT LIKE') {
    const pattern = literal(node.right);
    if (typeof pattern !== 'string') {
      throw invalidExpression('LIKE takes a string pattern');
    }
    const c: Condition = { kind: 'like', path, pattern };
    return op === 'LIKE' ? c : negate(c);
  }
  if (op === 'BETWEEN' || op === 'NOT BETWEEN') {
    const [low, high] = node.right?.value ?? [];
    const c: Condition = {
      kind: 'between',
      path,
      low: literal(low),
      high: literal(high),
    };
    return op === 'BETWEEN' ? c : negate(c);
  }
  throw invalidExpression(`Unsupported operator ${op}`);
}

function selectField(column: Node): SelectField {
  const expr = column.expr;
  if (
    expr?.type === 'column_ref' &&
    (expr.column === '*' || expr.column?.expr?.value === '*')
  ) {
    return { kind: 'all' };
  }
  if (expr?.type === 'column_ref') {
    const path = columnPath(expr);
    return { kind: 'property', name: path.join('.'), path };
  }
  if (
    expr?.type === 'aggr_func' &&
    String(expr.name).toUpperCase() === 'COUNT' &&
    expr.args?.expr?.type === 'star'
  ) {
    return { kind: 'count', name: 'COUNT(*)' };
  }
  throw invalidExpression(
    'Only property names, * and COUNT(*) can be selected here',
  );
}

function parseStatement(expression: string): Node {
  let ast: Node | Node[];
  try {
    ast = parser.astify(expression, DIALECT) as unknown as Node | Node[];
  } catch (error) {
    throw invalidExpression(
      `Invalid expression: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const statements = Array.isArray(ast) ? ast : [ast];
  if (statements.length !== 1 || statements[0]?.type !== 'select') {
    throw invalidExpression('The expression must be one SELECT statement');
  }
  const statement = statements[0];
  if (statement.from) {
    throw invalidExpression(
      'AWS Config queries have no FROM clause: SELECT properties WHERE condition',
    );
  }
  if (statement.limit?.value?.length || statement.having || statement.with) {
    throw invalidExpression('LIMIT, HAVING and WITH are not supported');
  }
  return statement;
}

/** Parses an advanced query (`SELECT properties [WHERE condition] [GROUP BY property] [ORDER BY property]`). */
export function parseQuery(expression: string): Query {
  const statement = parseStatement(expression);
  const fields = (statement.columns as Node[]).map(selectField);
  const groupBy = (statement.groupby?.columns as Node[] | undefined)?.map(c =>
    property(c).join('.'),
  );
  if (groupBy && !fields.some(f => f.kind === 'count')) {
    throw invalidExpression('GROUP BY needs an aggregate such as COUNT(*)');
  }
  const counts = fields.some(f => f.kind === 'count');
  if (counts) {
    const grouped = new Set(groupBy ?? []);
    for (const f of fields) {
      if (f.kind === 'all' || (f.kind === 'property' && !grouped.has(f.name))) {
        throw invalidExpression(
          'With COUNT(*), select only the properties you GROUP BY',
        );
      }
    }
  }
  return {
    fields,
    where: statement.where ? condition(statement.where) : undefined,
    groupBy,
    orderBy: ((statement.orderby as Node[] | null) ?? []).map(o => ({
      path: property(o.expr),
      descending: String(o.type).toUpperCase() === 'DESC',
    })),
  };
}
