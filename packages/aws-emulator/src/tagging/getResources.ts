import type { IndexedResource, Scope } from '../inventory/indexes';
import { invalidParameter } from '../protocol/errors';
import type { PaginationTokens } from './pagination';
import type { TokenState } from './tokenState';
import {
  asBody,
  optionalBoolean,
  optionalInteger,
  optionalList,
  optionalString,
  stringItems,
} from './validate';

/** What a tagging operation needs to answer: the caller's scope and the token store. */
export interface TaggingContext {
  scope: Scope;
  scopeKey: string;
  tokens: PaginationTokens<TokenState>;
}

interface TagFilter {
  key: string;
  values?: Set<string>;
}

interface Query {
  tagFilters: TagFilter[];
  typeFilters: string[];
  resourcesPerPage: number;
  tagsPerPage?: number;
  includeCompliance: boolean;
  excludeCompliant: boolean;
  arnList?: string[];
  paginationToken?: string;
}

const DEFAULT_RESOURCES_PER_PAGE = 100;
const RESOURCE_TYPE_FILTER = /^[a-z0-9-]+(?::[A-Za-z0-9-]+)?$/;

function parseTagFilters(body: Record<string, unknown>): TagFilter[] {
  const items = optionalList(body, 'TagFilters', 0, 50) ?? [];
  return items.map((item, i) => {
    const field = `tagFilters.${i + 1}`;
    const filter = asBody(item);
    const key = optionalString(filter, 'Key', 1, 128);
    if (key === undefined) {
      throw invalidParameter(
        `${field}.key is required when a tag filter is given`,
      );
    }
    const values = optionalList(filter, 'Values', 0, 20);
    return {
      key,
      values:
        values && values.length > 0
          ? new Set(stringItems(values, `${field}.values`, 0, 256))
          : undefined,
    };
  });
}

function parseQuery(input: unknown): Query {
  const body = asBody(input);
  const typeFilters = stringItems(
    optionalList(body, 'ResourceTypeFilters', 0, 100) ?? [],
    'resourceTypeFilters',
    1,
    256,
  );
  for (const filter of typeFilters) {
    if (!RESOURCE_TYPE_FILTER.test(filter)) {
      throw invalidParameter(
        `Invalid resource type filter '${filter}': use 'service' or 'service:resourceType'`,
      );
    }
  }
  const arnItems = optionalList(body, 'ResourceARNList', 1, 100);
  const token = optionalString(body, 'PaginationToken', 0, 2048);
  const query: Query = {
    tagFilters: parseTagFilters(body),
    typeFilters,
    resourcesPerPage:
      optionalInteger(body, 'ResourcesPerPage', 1, 100) ??
      DEFAULT_RESOURCES_PER_PAGE,
    tagsPerPage: optionalInteger(body, 'TagsPerPage', 100, 500),
    includeCompliance:
      optionalBoolean(body, 'IncludeComplianceDetails') ?? false,
    excludeCompliant:
      optionalBoolean(body, 'ExcludeCompliantResources') ?? false,
    arnList: arnItems && stringItems(arnItems, 'resourceARNList', 1, 1011),
    paginationToken: token === '' ? undefined : token,
  };
  if (query.excludeCompliant && !query.includeCompliance) {
    throw invalidParameter(
      'ExcludeCompliantResources can be used only when IncludeComplianceDetails is true',
    );
  }
  if (
    query.arnList &&
    (body.PaginationToken !== undefined ||
      body.ResourcesPerPage !== undefined ||
      body.TagsPerPage !== undefined)
  ) {
    throw invalidParameter(
      'ResourceARNList cannot be combined with the pagination parameters ResourcesPerPage, TagsPerPage and PaginationToken',
    );
  }
  return query;
}

/** The filters that must not change between the pages of one listing. */
function signatureOf(query: Query): string {
  return JSON.stringify([
    query.tagFilters.map(f => [f.key, f.values ? [...f.values] : null]),
    query.typeFilters,
    query.includeCompliance,
    query.excludeCompliant,
  ]);
}

function candidatesFor(scope: Scope, typeFilters: string[]): IndexedResource[] {
  if (typeFilters.length === 0) {
    return scope.all;
  }
  const lists = typeFilters.map(
    f => (f.includes(':') ? scope.byType.get(f) : scope.byService.get(f)) ?? [],
  );
  if (lists.length === 1) {
    return lists[0];
  }
  const union = new Set<IndexedResource>();
  for (const list of lists) list.forEach(entry => union.add(entry));
  return [...union].sort((a, b) => a.ord - b.ord);
}

function matcher(query: Query): (entry: IndexedResource) => boolean {
  const { tagFilters, excludeCompliant } = query;
  return entry => {
    if (excludeCompliant && entry.compliance.ComplianceStatus) {
      return false;
    }
    for (const filter of tagFilters) {
      const value = entry.tags.get(filter.key);
      if (value === undefined || (filter.values && !filter.values.has(value))) {
        return false;
      }
    }
    return true;
  };
}

function serialize(entry: IndexedResource, includeCompliance: boolean): string {
  if (includeCompliance) {
    return JSON.stringify({
      ResourceARN: entry.arn,
      Tags: entry.tagList,
      ComplianceDetails: entry.compliance,
    });
  }
  entry.json ??= JSON.stringify({
    ResourceARN: entry.arn,
    Tags: entry.tagList,
  });
  return entry.json;
}

function respond(token: string, items: string[]): string {
  return `{"PaginationToken":${JSON.stringify(
    token,
  )},"ResourceTagMappingList":[${items.join(',')}]}`;
}

/**
 * GetResources: the tagged resources of the caller's account and region, filtered by tags
 * (AND across filters, OR within values) and resource types, a page at a time.
 */
export function getResources(input: unknown, ctx: TaggingContext): string {
  const query = parseQuery(input);
  const matches = matcher(query);
  if (query.arnList) {
    const typeSet = new Set(query.typeFilters);
    const items = [...new Set(query.arnList)]
      .map(arn => ctx.scope.byArn.get(arn))
      .filter(
        (entry): entry is IndexedResource =>
          !!entry &&
          matches(entry) &&
          (typeSet.size === 0 ||
            typeSet.has(entry.service) ||
            typeSet.has(entry.resourceType)),
      )
      .map(entry => serialize(entry, query.includeCompliance));
    return respond('', items);
  }

  const signature = signatureOf(query);
  let candidates: IndexedResource[];
  let offset: number;
  if (query.paginationToken !== undefined) {
    const state = ctx.tokens.resolve(query.paginationToken);
    if (
      state.operation !== 'GetResources' ||
      state.scopeKey !== ctx.scopeKey ||
      state.signature !== signature
    ) {
      throw invalidParameter(
        'The PaginationToken does not belong to this request: send the same parameters as for the first page',
      );
    }
    candidates = state.candidates;
    offset = state.offset;
  } else {
    candidates = candidatesFor(ctx.scope, query.typeFilters);
    offset = 0;
  }

  const items: string[] = [];
  let tags = 0;
  let i = offset;
  for (; i < candidates.length; i++) {
    const entry = candidates[i];
    if (!matches(entry)) continue;
    const weight = Math.max(1, entry.tagList.length);
    if (
      items.length >= query.resourcesPerPage ||
      (query.tagsPerPage !== undefined && tags + weight > query.tagsPerPage)
    ) {
      break;
    }
    items.push(serialize(entry, query.includeCompliance));
    tags += weight;
  }
  const token =
    i < candidates.length
      ? ctx.tokens.issue({
          operation: 'GetResources',
          scopeKey: ctx.scopeKey,
          signature,
          candidates,
          offset: i,
        })
      : '';
  return respond(token, items);
}
