import { parseArnParts } from '../inventory/arn';
import type { Inventory, InventoryConfigAggregator } from '../inventory/types';
import { compare } from './evaluate';
import { ConfigurationItem, configurationItem, recordingRegion } from './items';

/** The configuration items of one account and region, in ARN order. */
export type ConfigScope = readonly ConfigurationItem[];

const EMPTY: ConfigScope = [];

/** What AWS Config records, indexed by account and region once at load. */
export class ConfigIndex {
  private constructor(
    private readonly scopes: Map<string, ConfigurationItem[]>,
    private readonly recorderOff: Map<string, Set<string>>,
    private readonly aggregators: InventoryConfigAggregator[],
    private readonly accountIds: string[],
    /** When the items were captured: the time the inventory was loaded. */
    readonly capturedAt: string,
  ) {}

  /** Builds the items of every entry with `config`, except in regions whose recorder is off. */
  static build(inventory: Inventory, now: Date = new Date()): ConfigIndex {
    const capturedAt = now.toISOString();
    const recorderOff = new Map(
      inventory.accounts.map(a => [
        a.accountId,
        new Set(a.configRecorderOff ?? []),
      ]),
    );
    const scopes = new Map<string, ConfigurationItem[]>();
    let stateId = 1_700_000_000_000;
    for (const resource of inventory.resources) {
      if (!resource.config) continue;
      const parts = parseArnParts(resource.arn);
      const region = recordingRegion(resource);
      if (!parts || !region) continue;
      const accountId =
        parts.accountId || resource.accountId || inventory.mainAccountId;
      if (recorderOff.get(accountId)?.has(region)) continue;
      const key = `${accountId}|${region}`;
      let scope = scopes.get(key);
      if (!scope) {
        scope = [];
        scopes.set(key, scope);
      }
      scope.push(
        configurationItem(resource, accountId, region, capturedAt, stateId++),
      );
    }
    for (const scope of scopes.values()) {
      scope.sort((a, b) => compare(a.arn, b.arn));
    }
    return new ConfigIndex(
      scopes,
      recorderOff,
      inventory.configAggregators ?? [],
      inventory.accounts.map(a => a.accountId),
      capturedAt,
    );
  }

  /** The items AWS Config holds for an account in a region (none where the recorder is off). */
  scope(accountId: string, region: string): ConfigScope {
    return this.scopes.get(`${accountId}|${region}`) ?? EMPTY;
  }

  /** Whether the configuration recorder runs in this account and region. */
  recording(accountId: string, region: string): boolean {
    return !this.recorderOff.get(accountId)?.has(region);
  }

  /** The aggregator of that name owned by this account in this region, if any. */
  aggregator(
    name: string,
    accountId: string,
    region: string,
  ): InventoryConfigAggregator | undefined {
    return this.aggregators.find(
      a => a.name === name && a.accountId === accountId && a.region === region,
    );
  }

  /** Every item an aggregator sees: its source accounts, every region, ordered by account, region and ARN. */
  aggregated(aggregator: InventoryConfigAggregator): ConfigurationItem[] {
    const accounts = new Set(aggregator.accounts ?? this.accountIds);
    return [...this.scopes.entries()]
      .filter(([key]) => accounts.has(key.split('|')[0]))
      .sort(([a], [b]) => compare(a, b))
      .flatMap(([, items]) => items);
  }
}
