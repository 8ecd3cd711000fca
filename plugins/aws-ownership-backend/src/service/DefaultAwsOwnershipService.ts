import type {
  BackstageCredentials,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ApiCheckInForce,
  ApiEntityScorecard,
  ApiRatedResource,
  ApiResourcePage,
  ApiScan,
  Check,
  checkDefinitions,
  createTeamScoreAccumulator,
  maskSecretTags,
  RatedResource,
  ResourceListQuery,
  Scan,
  ScorecardListQuery,
  TeamScorecard,
  unownedTeamRef,
} from '@aws-ownership/backstage-plugin-common';
import type { AccountDirectory, DirectoryAccount } from '../accounts/types';
import type { AwsOwnershipConfig } from '../config/types';
import type {
  AwsOwnershipStore,
  ResourceFilter,
  ResourceQuery,
} from '../database/types';
import { scanTaskId } from '../scan/scheduleScans';
import { normalizeEntityRef } from './entityRefs';
import { hydrateRating } from './hydrateRating';
import { teamWithDescendants } from './teamTree';
import { toResourceQuery } from './toResourceFilter';
import type { AwsOwnershipService } from './types';

const round = (value: number) => Math.round(value * 10) / 10;

/** Never serve a tag value that looks like a secret. */
function masked(rated: RatedResource): RatedResource {
  const tags = maskSecretTags(rated.resource.tags);
  const ownerTag = rated.ownership.ownerTag;
  return {
    ...rated,
    resource: { ...rated.resource, tags },
    ownership: ownerTag
      ? {
          ...rated.ownership,
          ownerTag: {
            key: ownerTag.key,
            value: tags[ownerTag.key] ?? ownerTag.value,
          },
        }
      : rated.ownership,
  };
}

const toApiScan = (scan: Scan): ApiScan => scan as ApiScan;

/** The REST API's logic over the store, the config and the scheduler. */
export class DefaultAwsOwnershipService implements AwsOwnershipService {
  constructor(
    private readonly options: {
      config: AwsOwnershipConfig;
      store: AwsOwnershipStore;
      scheduler: SchedulerService;
      catalog: CatalogService;
      extraChecks: ReadonlyArray<Check>;
      /** The accounts in scope (default: `config.accounts`). */
      accounts?: AccountDirectory;
    },
  ) {}

  private accountsInScope(): DirectoryAccount[] {
    return (
      this.options.accounts?.list() ??
      this.options.config.accounts.map(a => ({ ...a, source: 'config' }))
    );
  }

  async getAccounts() {
    return this.accountsInScope();
  }

  async listScorecards(query: ScorecardListQuery) {
    const { store } = this.options;
    const [latest, regions] = await Promise.all([
      store.getLatestTeamScores(),
      store.listCurrentRegions(),
    ]);
    const items = latest.scorecards.map(card => {
      const previous = latest.previousScores[card.teamRef];
      return previous === undefined
        ? card
        : { ...card, change: round(card.score - previous) };
    });
    const sort = query.sort ?? 'score';
    const direction = query.order === 'desc' ? -1 : 1;
    const key = (card: TeamScorecard & { change?: number }) => {
      switch (sort) {
        case 'name':
          return (card.displayName ?? card.teamRef).toLocaleLowerCase('en-US');
        case 'resourceCount':
          return card.resourceCount;
        case 'failingResourceCount':
          return card.failingResourceCount;
        case 'change':
          return card.change ?? 0;
        default:
          return card.score;
      }
    };
    items.sort((a, b) => {
      // the unowned bucket leads every ownership review
      if (a.teamRef === unownedTeamRef) return -1;
      if (b.teamRef === unownedTeamRef) return 1;
      const ka = key(a);
      const kb = key(b);
      if (ka < kb) return -direction;
      if (ka > kb) return direction;
      return a.teamRef.localeCompare(b.teamRef);
    });
    return {
      items,
      computedAt: latest.computedAt,
      staleRegions: regions
        .filter(r => r.stale)
        .map(r => ({
          accountId: r.accountId,
          region: r.region,
          lastSeenAt: r.lastSeenAt,
        })),
    };
  }

  async getScorecard(
    entityRef: string,
    options: {
      includeDescendants?: boolean;
      credentials: BackstageCredentials;
    },
  ): Promise<ApiEntityScorecard> {
    const { store, catalog } = this.options;
    const { ref, kind } = normalizeEntityRef(entityRef, 'group');
    const latest = await store.getLatestTeamScores();

    if (kind === 'group' || kind === 'unowned') {
      const teams = kind === 'group' ? await store.listTeams() : [];
      const team = teams.find(t => t.ref === ref);
      if (kind === 'group' && !team) {
        throw new NotFoundError(`No Group ${ref} in the catalog`);
      }
      const stored = latest.scorecards.find(s => s.teamRef === ref);
      const previous = latest.previousScores[ref];
      if (!options.includeDescendants || kind === 'unowned') {
        const card = stored ?? { ...createTeamScoreAccumulator().result() };
        return {
          ...card,
          entityRef: ref,
          kind,
          displayName:
            kind === 'unowned' ? 'Unowned' : team?.displayName ?? ref,
          includesDescendants: false,
          change:
            stored && previous !== undefined
              ? round(stored.score - previous)
              : undefined,
          computedAt: latest.computedAt,
          stale: stored?.stale ?? false,
        };
      }
      const refs = teamWithDescendants(teams, ref);
      return {
        ...(await this.aggregate({ ownerRefs: refs })),
        entityRef: ref,
        kind,
        displayName: team?.displayName ?? ref,
        includesDescendants: true,
        descendantRefs: refs.slice(1),
        computedAt: latest.computedAt,
      };
    }

    const entity = await catalog.getEntityByRef(ref, {
      credentials: options.credentials,
    });
    if (!entity) throw new NotFoundError(`No ${kind} ${ref} in the catalog`);
    return {
      ...(await this.aggregate({ componentRefs: [ref] })),
      entityRef: ref,
      kind,
      displayName: entity.metadata.title ?? entity.metadata.name,
      includesDescendants: false,
      computedAt: latest.computedAt,
    };
  }

  private async aggregate(filter: ResourceFilter) {
    const accumulator = createTeamScoreAccumulator();
    let stale = false;
    for await (const batch of this.options.store.streamRatings(1000, filter)) {
      for (const row of batch) {
        accumulator.add(row.rating);
        stale ||= row.stale;
      }
    }
    return { ...accumulator.result(), stale };
  }

  private hydrate(rated: RatedResource): RatedResource {
    return hydrateRating(
      rated,
      this.options.config.checklists,
      this.options.extraChecks,
    );
  }

  private async storeQuery(query: ResourceListQuery): Promise<ResourceQuery> {
    const teams =
      query.owner && query.includeDescendants
        ? await this.options.store.listTeams()
        : [];
    return toResourceQuery(query, teams);
  }

  async listResources(query: ResourceListQuery) {
    const page = await this.options.store.listResources(
      await this.storeQuery(query),
    );
    return {
      ...page,
      items: page.items.map(item => masked(this.hydrate(item))),
    } as ApiResourcePage;
  }

  async *iterateResources(query: ResourceListQuery) {
    const base = await this.storeQuery(query);
    let cursor: string | undefined;
    do {
      const page = await this.options.store.listResources({
        ...base,
        cursor,
        limit: 500,
      });
      yield page.items.map(masked);
      cursor = page.nextCursor;
    } while (cursor);
  }

  async getResource(arn: string) {
    const found = await this.options.store.getResource(arn);
    if (!found) throw new NotFoundError(`No resource ${arn}`);
    return masked(this.hydrate(found)) as ApiRatedResource;
  }

  listChecks(): ApiCheckInForce[] {
    const { checks } = this.options.config.checklists;
    const disabled = new Set(checks.disabled);
    const describe = (
      definition: Omit<ApiCheckInForce, 'enabled' | 'source'>,
      source: 'builtin' | 'module',
    ): ApiCheckInForce => ({
      id: definition.id,
      checklist: definition.checklist,
      title: definition.title,
      description: definition.description,
      severity: checks.severity[definition.id] ?? definition.severity,
      appliesTo: definition.appliesTo,
      remediation: definition.remediation,
      enabled: !disabled.has(definition.id),
      source,
    });
    return [
      ...checkDefinitions.map(d => describe(d, 'builtin')),
      ...this.options.extraChecks.map(c => describe(c, 'module')),
    ];
  }

  async getHistory(entityRef: string, limit?: number) {
    const { ref } = normalizeEntityRef(entityRef, 'group');
    return this.options.store.getTeamHistory(ref, { limit });
  }

  async listScans(options: { accountId?: string; limit?: number }) {
    return (await this.options.store.listScans(options)).map(toApiScan);
  }

  async getScan(id: string) {
    const scan = await this.options.store.getScan(id);
    if (!scan) throw new NotFoundError(`No scan ${id}`);
    return toApiScan(scan);
  }

  async startScan(options: { accountIds?: string[]; requestedBy?: string }) {
    const { store, scheduler } = this.options;
    const inScope = this.accountsInScope();
    const configured = inScope.map(a => a.accountId);
    const unknown = (options.accountIds ?? []).filter(
      id => !configured.includes(id),
    );
    if (unknown.length) {
      throw new InputError(
        `Not in scope (awsOwnership.accounts or the organization): ${unknown.join(
          ', ',
        )}`,
      );
    }
    const accountIds = options.accountIds?.length
      ? [...new Set(options.accountIds)]
      : configured;
    const scans: ApiScan[] = [];
    for (const accountId of accountIds) {
      const account = inScope.find(a => a.accountId === accountId)!;
      const scan = await store.requestScan({
        accountId,
        regions: account.regions,
        trigger: 'manual',
        requestedBy: options.requestedBy,
      });
      scans.push(toApiScan(scan));
      // the account's task (and the scheduler's lock) runs the request
      await scheduler.triggerTask(scanTaskId(accountId)).catch(() => {
        // already running: it picks the request up when it runs next
      });
    }
    return scans;
  }
}
