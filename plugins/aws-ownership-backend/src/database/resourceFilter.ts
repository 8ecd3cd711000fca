import { unownedTeamRef } from '@aws-ownership/backstage-plugin-common';
import type { Knex } from 'knex';
import { checkStatusCode } from './checkStatusCodec';
import type { CurrentRegionRow } from './tables';
import type { ResourceFilter } from './types';

/**
 * The current view: for each account and region, the resources of the scan
 * that is current for it. Superseded rows are deleted when a scan commits, so
 * the rows of the current scans are exactly that view; selecting them by scan
 * id (rather than joining current_regions) lets the planner walk the sort
 * indexes. `join` adds current_regions (as `cr`) for sorting by last-seen time.
 */
export function currentResources(
  db: Knex,
  regions: ReadonlyArray<CurrentRegionRow>,
  options: { join?: boolean } = {},
): Knex.QueryBuilder {
  if (options.join) {
    return db('resources as r').join('current_regions as cr', join =>
      join
        .on('cr.scan_id', 'r.scan_id')
        .andOn('cr.account_id', 'r.account_id')
        .andOn('cr.region', 'r.region'),
    );
  }
  const scanIds = [...new Set(regions.map(r => r.scan_id))];
  return db('resources as r').whereIn(
    'r.scan_id',
    scanIds.length ? scanIds : [''],
  );
}

/** A LIKE pattern matching `text` anywhere, with its wildcards escaped by `!`. */
function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, c => `!${c}`)}%`;
}

function whereContains(
  query: Knex.QueryBuilder,
  column: string,
  text: string,
): void {
  query.whereRaw(`?? LIKE ? ESCAPE '!'`, [column, containsPattern(text)]);
}

function whereIn(
  query: Knex.QueryBuilder,
  column: string,
  values: readonly string[] | undefined,
): void {
  // an empty list means "no constraint", like an absent one
  if (values?.length) query.whereIn(column, values as string[]);
}

/** ANDs every filter of `filter` to a query over `currentResources`. */
export function applyResourceFilter(
  query: Knex.QueryBuilder,
  filter: ResourceFilter = {},
  regions: ReadonlyArray<CurrentRegionRow> = [],
): Knex.QueryBuilder {
  if (filter.ownerRefs?.length) {
    const refs = filter.ownerRefs.filter(ref => ref !== unownedTeamRef);
    const unowned = refs.length < filter.ownerRefs.length;
    query.where(q => {
      if (refs.length) q.whereIn('r.owner_ref', refs);
      if (unowned) q.orWhereNull('r.owner_ref');
    });
  }
  whereIn(query, 'r.component_ref', filter.componentRefs);
  whereIn(query, 'r.account_id', filter.accountIds);
  whereIn(query, 'r.region', filter.regions);
  whereIn(query, 'r.resource_type', filter.resourceTypes);
  whereIn(query, 'r.category', filter.categories);
  if (filter.checkId !== undefined) {
    if (filter.checkStatus) {
      whereContains(
        query,
        'r.check_statuses',
        `,${filter.checkId}=${checkStatusCode(filter.checkStatus)}`,
      );
    } else {
      whereContains(query, 'r.failing_checks', `,${filter.checkId},`);
    }
  }
  if (filter.failingChecklist !== undefined) {
    whereContains(query, 'r.failing_checks', `,${filter.failingChecklist}.`);
  }
  if (filter.text) {
    whereContains(query, 'r.search_text', filter.text.toLowerCase());
  }
  if (filter.stale !== undefined) {
    const pairs = regions.filter(r => Boolean(r.stale) === filter.stale);
    query.where(q => {
      if (!pairs.length) q.whereRaw('1 = 0');
      for (const pair of pairs) {
        q.orWhere(q2 =>
          q2
            .where('r.account_id', pair.account_id)
            .andWhere('r.region', pair.region),
        );
      }
    });
  }
  return query;
}
