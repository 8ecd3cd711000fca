import { invalidParameter } from '../protocol/errors';
import type { TaggingContext } from './getResources';
import { asBody, optionalString } from './validate';

/** How many keys or values one GetTagKeys or GetTagValues page holds. */
export const TAG_READ_PAGE_SIZE = 100;

function page(
  list: string[],
  ctx: TaggingContext,
  operation: 'GetTagKeys' | 'GetTagValues',
  token: string | undefined,
  key?: string,
): { items: string[]; next: string } {
  let offset = 0;
  if (token) {
    const state = ctx.tokens.resolve(token);
    if (
      state.operation !== operation ||
      state.scopeKey !== ctx.scopeKey ||
      (state.operation === 'GetTagValues' && state.key !== key)
    ) {
      throw invalidParameter(
        `The PaginationToken does not belong to this ${operation} request`,
      );
    }
    offset = state.offset;
  }
  const end = offset + TAG_READ_PAGE_SIZE;
  const next =
    end < list.length
      ? ctx.tokens.issue({
          operation,
          scopeKey: ctx.scopeKey,
          key,
          offset: end,
        })
      : '';
  return { items: list.slice(offset, end), next };
}

/** GetTagKeys: every tag key used in the caller's account and region. */
export function getTagKeys(input: unknown, ctx: TaggingContext): string {
  const body = asBody(input);
  const token = optionalString(body, 'PaginationToken', 0, 2048);
  const { items, next } = page(ctx.scope.tagKeys, ctx, 'GetTagKeys', token);
  return JSON.stringify({ PaginationToken: next, TagKeys: items });
}

/** GetTagValues: every value of one tag key in the caller's account and region. */
export function getTagValues(input: unknown, ctx: TaggingContext): string {
  const body = asBody(input);
  const key = optionalString(body, 'Key', 1, 128);
  if (key === undefined) {
    throw invalidParameter(
      "1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null",
    );
  }
  const token = optionalString(body, 'PaginationToken', 0, 2048);
  const values = ctx.scope.tagValues.get(key) ?? [];
  const { items, next } = page(values, ctx, 'GetTagValues', token, key);
  return JSON.stringify({ PaginationToken: next, TagValues: items });
}
