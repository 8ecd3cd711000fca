import type { EvidenceCoverageStore } from '../evidence/EvidenceCoverageStore';
import type {
  BackstageCredentials,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Check,
  checkDefinitions,
  applyExemptions,
  createTeamScoreAccumulator,
  type Exemption,
  maskSecretTags,
  unownedTeamRef,
} from '@aws-ownership/backstage-plugin-common';
import type {
  CheckInForce,
  EntityScorecard,
  RatedResource,
  ResourceExportQuery,
  ResourceListQuery,
  ResourcePage,
  Scan,
  ScorecardListQuery,
  TeamScorecard,
} from '../schema/types';
import type { AccountDirectory, DirectoryAccount } from '../accounts/types';
import type { AwsOwnershipConfig } from '../config/types';
import type {
  AwsOwnershipStore,
  ResourceFilter,
  ResourceQuery,
} from '../database/types';
import { scanTaskId } from '../scan/scheduleScans';
import { normalizeEntityRef, NormalizedEntityRef } from './entityRefs';
import { hydrateRating } from './hydrateRating';
import { teamWithDescendants } from './teamTree';
import { ScanRunningError } from './ScanRunningError';
import { filterEntityRefs, toResourceQuery } from './toResourceFilter';
import type { AwsOwnershipService } from './types';

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * A running scan saves its progress every second; one silent for this long
 * was left by a process that stopped, and the next run discards it.
 */
const RUNNING_SCAN_SILENCE_MS = 60_000;

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
      /** Evidence coverage per account and region, for `getAccounts`. */
      coverage?: EvidenceCoverageStore;
      /** The exemptions active now, applied to what is served. Default none. */
      activeExemptions?: () => Promise<ReadonlyArray<Exemption>>;
    },
  ) {}

  private accountsInScope(): DirectoryAccount[] {
    return (
      this.options.accounts?.list() ??
      this.options.config.accounts.map(a => ({ ...a, source: 'config' }))
    );
  }

  private async activeExemptions(): Promise<ReadonlyArray<Exemption>> {
    return (await this.options.activeExemptions?.()) ?? [];
  }

  async getAccounts() {
    const accounts = this.accountsInScope();
    const { coverage } = this.options;
    if (!coverage) return accounts;
    const measured = await coverage.list();
    return accounts.map(account => ({
      ...account,
      coverage: measured.filter(
        c =>
          c.accountId === account.accountId &&
          account.regions.includes(c.region),
      ),
    }));
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
  ): Promise<EntityScorecard> {
    const { store, catalog } = this.options;
    const { ref, kind } = normalizeEntityRef(entityRef, 'group');
    const latest = await store.getLatestTeamScores();

    if (kind === 'group' || kind === 'unowned') {
      const teams = kind === 'group' ? await store.listTeams() : [];
      const team = teams.find(t => t.ref === ref);
      if (kind === 'group' && !team) {
        await this.requireKnown([{ ref, kind }], options.credentials);
      }
      const stored = latest.scorecards.find(s => s.teamRef === ref);
      const previous = latest.previousScores[ref];
      if (!options.includeDescendants || kind === 'unowned') {
        const exemptions = (await this.activeExemptions()).filter(
          e => e.teamRef === ref,
        );
        // exemptions approved, revoked or expired since the scan show at once
        const card =
          exemptions.length || stored?.exemptResultCount
            ? {
                ...stored,
                ...(await this.aggregate({ ownerRefs: [ref] }, exemptions)),
              }
            : stored ?? { ...createTeamScoreAccumulator().result() };
        return {
          ...card,
          entityRef: ref,
          kind,
          displayName:
            kind === 'unowned' ? 'Unowned' : team?.displayName ?? ref,
          includesDescendants: false,
          change:
            stored && previous !== undefined
              ? round(card.score - previous)
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

  /**
   * Throws NotFoundError unless every ref is `unowned`, a Group of the kept
   * hierarchy or an entity the caller can see in the catalog.
   */
  private async requireKnown(
    refs: ReadonlyArray<NormalizedEntityRef>,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const wanted = refs.filter(r => r.kind !== 'unowned').map(r => r.ref);
    if (!wanted.length) return;
    const teams = new Set(
      (await this.options.store.listTeams()).map(t => t.ref),
    );
    const rest = [...new Set(wanted.filter(ref => !teams.has(ref)))];
    if (!rest.length) return;
    const { items } = await this.options.catalog.getEntitiesByRefs(
      { entityRefs: rest, fields: ['kind', 'metadata.name'] },
      { credentials },
    );
    const missing = rest.filter((_, i) => !items[i]);
    if (missing.length) {
      throw new NotFoundError(`Not in the catalog: ${missing.join(', ')}`);
    }
  }

  private async aggregate(
    filter: ResourceFilter,
    exemptions?: ReadonlyArray<Exemption>,
  ) {
    const applying = exemptions ?? (await this.activeExemptions());
    const now = new Date();
    const { config } = this.options;
    const accumulator = createTeamScoreAccumulator();
    let stale = false;
    for await (const batch of this.options.store.streamRatings(1000, filter)) {
      for (const row of batch) {
        accumulator.add(
          applyExemptions(row.rating, applying, now, {
            config: config.checklists,
          }),
        );
        stale ||= row.stale;
      }
    }
    return { ...accumulator.result(), stale };
  }

  private hydrate(
    rated: RatedResource,
    exemptions: ReadonlyArray<Exemption>,
  ): RatedResource {
    // a selector matches only resources of the team it was requested for
    const team = rated.ownership.ownerRef ?? unownedTeamRef;
    return hydrateRating(
      rated,
      this.options.config.checklists,
      this.options.extraChecks,
      exemptions.filter(e => e.teamRef === team),
    );
  }

  private async storeQuery(
    query: ResourceExportQuery & Partial<ResourceListQuery>,
    credentials: BackstageCredentials,
  ): Promise<ResourceQuery> {
    await this.requireKnown(filterEntityRefs(query), credentials);
    const teams =
      query.owner && query.includeDescendants
        ? await this.options.store.listTeams()
        : [];
    return toResourceQuery(query, teams);
  }

  async listResources(
    query: ResourceListQuery,
    credentials: BackstageCredentials,
  ): Promise<ResourcePage> {
    const page = await this.options.store.listResources(
      await this.storeQuery(query, credentials),
    );
    const exemptions = await this.activeExemptions();
    return {
      ...page,
      items: page.items.map(item => masked(this.hydrate(item, exemptions))),
    };
  }

  async *iterateResources(
    query: ResourceExportQuery,
    credentials: BackstageCredentials,
  ) {
    const base = await this.storeQuery(query, credentials);
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
    return masked(this.hydrate(found, await this.activeExemptions()));
  }

  listChecks(): CheckInForce[] {
    const { checks } = this.options.config.checklists;
    const disabled = new Set(checks.disabled);
    const describe = (
      definition: Omit<CheckInForce, 'enabled' | 'source'>,
      source: 'builtin' | 'module',
    ): CheckInForce => ({
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

  async getHistory(
    entityRef: string,
    options: { limit?: number; credentials: BackstageCredentials },
  ) {
    const normalized = normalizeEntityRef(entityRef, 'group');
    if (normalized.kind !== 'group' && normalized.kind !== 'unowned') {
      throw new InputError(
        `Score history is kept for Groups and 'unowned', not for ${normalized.ref}`,
      );
    }
    const points = await this.options.store.getTeamHistory(normalized.ref, {
      limit: options.limit,
    });
    // a Group gone from the catalog still has the history it had
    if (!points.length) {
      await this.requireKnown([normalized], options.credentials);
    }
    return points;
  }

  async listScans(options: { accountId?: string; limit?: number }) {
    return this.options.store.listScans(options);
  }

  async getScan(id: string) {
    const scan = await this.options.store.getScan(id);
    if (!scan) throw new NotFoundError(`No scan ${id}`);
    return scan;
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
    const running = (accountId: string) =>
      store.getRunningScan(accountId, {
        aliveSince: new Date(Date.now() - RUNNING_SCAN_SILENCE_MS),
      });
    for (const accountId of accountIds) {
      const scan = await running(accountId);
      if (scan) throw new ScanRunningError(accountId, scan);
    }
    const scans: Scan[] = [];
    for (const accountId of accountIds) {
      const account = inScope.find(a => a.accountId === accountId)!;
      const scan = await store.requestScan({
        accountId,
        regions: account.regions,
        trigger: 'manual',
        requestedBy: options.requestedBy,
      });
      try {
        // the account's task (and the scheduler's lock) runs the request
        await scheduler.triggerTask(scanTaskId(accountId));
      } catch (error) {
        if (!ConflictError.is(error)) throw error;
        // a running task claims requests only when it starts: this one would
        // wait for the next scheduled run, so it is withdrawn and refused
        // (unless that run has just claimed it)
        if (await store.withdrawScanRequest(scan.id)) {
          throw new ScanRunningError(accountId, await running(accountId));
        }
      }
      scans.push(scan);
    }
    return scans;
  }
}
