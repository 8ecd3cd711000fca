import type { ResourceExportQuery, ResourceListQuery } from '../schema/types';
import { InputError } from '@backstage/errors';
import type {
  ResourceFilter,
  ResourceQuery,
  StoredTeam,
} from '../database/types';
import { NormalizedEntityRef, normalizeEntityRef } from './entityRefs';
import { teamWithDescendants } from './teamTree';

function list<T extends string>(value: T | T[] | undefined): T[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

const ownerRef = (value: string) =>
  normalizeEntityRef(value, 'group', ['group']);
const componentRef = (value: string) =>
  normalizeEntityRef(value, 'component', ['component', 'system']);

/**
 * The entity refs of a query's `owner` (Groups) and `component` (Components
 * and Systems) filters, normalised; InputError for a malformed ref or another kind.
 */
export function filterEntityRefs(
  query: ResourceExportQuery,
): NormalizedEntityRef[] {
  return [
    ...(list(query.owner) ?? []).map(ownerRef),
    ...(list(query.component) ?? []).map(componentRef),
  ];
}

/**
 * Turns the REST query of `/resources` and `/export.csv` into the store's
 * query: entity refs normalised, owners expanded to their descendant Groups
 * when asked, a status without a check refused.
 */
export function toResourceQuery(
  query: ResourceExportQuery & Partial<ResourceListQuery>,
  teams: ReadonlyArray<StoredTeam>,
): ResourceQuery {
  if (query.status !== undefined && query.checkId === undefined) {
    throw new InputError(
      'status filters the results of one check: give checkId too',
    );
  }
  let ownerRefs = list(query.owner)?.map(o => ownerRef(o).ref);
  if (ownerRefs && query.includeDescendants) {
    ownerRefs = [
      ...new Set(ownerRefs.flatMap(ref => teamWithDescendants(teams, ref))),
    ];
  }
  const filter: ResourceFilter = {
    ownerRefs,
    componentRefs: list(query.component)?.map(c => componentRef(c).ref),
    accountIds: list(query.account),
    regions: list(query.region),
    resourceTypes: list(query.resourceType),
    categories: list(query.category),
    checkId: query.checkId,
    checkStatus: query.status,
    failingChecklist: query.checklist,
    text: query.q,
    stale: query.stale,
  };
  return {
    filter,
    sort:
      query.sort || query.order
        ? {
            field: query.sort ?? 'score',
            order: query.order ?? 'asc',
          }
        : undefined,
    cursor: query.cursor,
    limit: query.limit,
  };
}
