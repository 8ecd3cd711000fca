import type { IndexedResource } from '../inventory/indexes';

/** Where the next GetResources page starts, for the query that issued the token. */
export interface GetResourcesTokenState {
  operation: 'GetResources';
  scopeKey: string;
  signature: string;
  candidates: IndexedResource[];
  offset: number;
}

/** Where the next GetTagKeys or GetTagValues page starts. */
export interface TagReadTokenState {
  operation: 'GetTagKeys' | 'GetTagValues';
  scopeKey: string;
  key?: string;
  offset: number;
}

/** Server-side state behind a pagination token. */
export type TokenState = GetResourcesTokenState | TagReadTokenState;
