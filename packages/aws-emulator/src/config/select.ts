import { AwsError } from '../protocol/errors';
import type { PaginationTokens } from '../tagging/pagination';
import type { ConfigIndex } from './configIndex';
import {
  invalidLimit,
  invalidNextToken,
  noSuchAggregator,
  noSuchRecorder,
  validationError,
} from './errors';
import { evaluate } from './evaluate';
import type { ConfigurationItem } from './items';
import { parseQuery, SelectField } from './query';

/** Where the next page of a query's results starts. */
export interface ConfigTokenState {
  operation: string;
  scopeKey: string;
  expression: string;
  rows: string[];
  fields: { Name: string }[];
  offset: number;
}

/** What an AWS Config operation needs besides its input. */
export interface ConfigContext {
  index: ConfigIndex;
  accountId: string;
  region: string;
  tokens: PaginationTokens<ConfigTokenState>;
}

/** The page size when a request gives no `Limit` (AWS's default for a query without aggregates). */
export const DEFAULT_CONFIG_PAGE_SIZE = 25;
/** The name of the configuration recorder in every account and region. */
export const RECORDER_NAME = 'default';

function serialization(message: string): AwsError {
  return new AwsError('SerializationException', message);
}

function asBody(input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw serialization('The request body must be a JSON object');
  }
  return input as Record<string, unknown>;
}

function optionalString(
  body: Record<string, unknown>,
  name: string,
): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw serialization(`${name} must be a string`);
  return value;
}

function requiredString(
  body: Record<string, unknown>,
  name: string,
  max: number,
): string {
  const value = optionalString(body, name);
  const field = name.charAt(0).toLowerCase() + name.slice(1);
  if (value === undefined) {
    throw validationError(
      `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
    );
  }
  if (value.length < 1 || value.length > max) {
    throw validationError(
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must have length between 1 and ${max}`,
    );
  }
  return value;
}

function pageSize(body: Record<string, unknown>, names: string[]): number {
  let size = 0;
  for (const name of names) {
    const value = body[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw serialization(`${name} must be an integer`);
    }
    if (value < 0 || value > 100) {
      throw invalidLimit(name.charAt(0).toLowerCase() + name.slice(1), value);
    }
    size = size || value;
  }
  return size || DEFAULT_CONFIG_PAGE_SIZE;
}

function fieldName(field: SelectField): string {
  if (field.kind === 'property') return field.name;
  return field.kind === 'count' ? field.name : '*';
}

function runQuery(
  operation: string,
  scopeKey: string,
  items: () => readonly ConfigurationItem[],
  body: Record<string, unknown>,
  ctx: ConfigContext,
  limitNames: string[],
): string {
  const expression = requiredString(body, 'Expression', 4096);
  const limit = pageSize(body, limitNames);
  const token = optionalString(body, 'NextToken');
  let state: ConfigTokenState;
  if (token) {
    try {
      state = ctx.tokens.resolve(token);
    } catch {
      throw invalidNextToken();
    }
    if (
      state.operation !== operation ||
      state.scopeKey !== scopeKey ||
      state.expression !== expression
    ) {
      throw invalidNextToken();
    }
  } else {
    const query = parseQuery(expression);
    const rows = evaluate(items(), query).map(row => JSON.stringify(row));
    const fields = query.fields.map(f => ({ Name: fieldName(f) }));
    state = { operation, scopeKey, expression, rows, fields, offset: 0 };
  }
  const end = state.offset + limit;
  const next =
    end < state.rows.length
      ? ctx.tokens.issue({ ...state, offset: end })
      : undefined;
  return JSON.stringify({
    Results: state.rows.slice(state.offset, end),
    QueryInfo: { SelectFields: state.fields },
    ...(next ? { NextToken: next } : {}),
  });
}

/** SelectResourceConfig: an advanced query over what Config records in the caller's account and region. */
export function selectResourceConfig(
  input: unknown,
  ctx: ConfigContext,
): string {
  const body = asBody(input);
  return runQuery(
    'SelectResourceConfig',
    `${ctx.accountId}|${ctx.region}`,
    () => ctx.index.scope(ctx.accountId, ctx.region),
    body,
    ctx,
    ['Limit'],
  );
}

/** SelectAggregateResourceConfig: the same query over every account and region of an aggregator. */
export function selectAggregateResourceConfig(
  input: unknown,
  ctx: ConfigContext,
): string {
  const body = asBody(input);
  const name = requiredString(body, 'ConfigurationAggregatorName', 256);
  const aggregator = ctx.index.aggregator(name, ctx.accountId, ctx.region);
  if (!aggregator) throw noSuchAggregator(name);
  return runQuery(
    'SelectAggregateResourceConfig',
    `${ctx.accountId}|${ctx.region}|${name}`,
    () => ctx.index.aggregated(aggregator),
    body,
    ctx,
    ['Limit', 'MaxResults'],
  );
}

/** DescribeConfigurationRecorderStatus: one recorder, `default`, recording unless the inventory turned it off here. */
export function describeConfigurationRecorderStatus(
  input: unknown,
  ctx: ConfigContext,
): string {
  const body = asBody(input);
  const names = body.ConfigurationRecorderNames;
  if (names !== undefined && names !== null) {
    if (!Array.isArray(names) || names.some(n => typeof n !== 'string')) {
      throw serialization(
        'ConfigurationRecorderNames must be a list of strings',
      );
    }
    if (names.length > 1) {
      throw validationError(
        'You have specified more than one configuration recorder.',
      );
    }
    const unknown = names.find(n => n !== RECORDER_NAME);
    if (unknown !== undefined) throw noSuchRecorder(unknown);
  }
  if (invalidArn(body.Arn)) throw serialization('Arn must be a string');
  const recording = ctx.index.recording(ctx.accountId, ctx.region);
  const since = Math.floor(Date.parse(ctx.index.capturedAt) / 1000);
  return JSON.stringify({
    ConfigurationRecordersStatus: [
      {
        arn: `arn:aws:config:${ctx.region}:${ctx.accountId}:configuration-recorder/${RECORDER_NAME}/emulator`,
        name: RECORDER_NAME,
        recording,
        lastStatus: recording ? 'Success' : 'NotApplicable',
        ...(recording ? { lastStartTime: since } : { lastStopTime: since }),
        lastStatusChangeTime: since,
      },
    ],
  });
}

function invalidArn(arn: unknown): boolean {
  return arn !== undefined && arn !== null && typeof arn !== 'string';
}
