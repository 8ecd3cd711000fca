import { parseArnParts, US_EAST_1_ONLY_SERVICES } from './arn';
import type { Inventory, InventoryAccount } from './types';
import { ComplianceDetails, evaluateCompliance } from '../tagging/compliance';

/** A tag as the Tagging API returns it. */
export interface ApiTag {
  Key: string;
  Value: string;
}

/** A resource prepared at load for fast paging. */
export interface IndexedResource {
  /** Position in its scope's `all` list (ARN order). */
  ord: number;
  arn: string;
  service: string;
  resourceType: string;
  tagList: ApiTag[];
  tags: Map<string, string>;
  compliance: ComplianceDetails;
  /** Cached `{"ResourceARN":..,"Tags":[..]}`. */
  json?: string;
}

/** What one account sees in one region, indexed for each kind of query. */
export interface Scope {
  all: IndexedResource[];
  byService: Map<string, IndexedResource[]>;
  byType: Map<string, IndexedResource[]>;
  byArn: Map<string, IndexedResource>;
  tagKeys: string[];
  tagValues: Map<string, string[]>;
}

function newScope(): Scope {
  return {
    all: [],
    byService: new Map(),
    byType: new Map(),
    byArn: new Map(),
    tagKeys: [],
    tagValues: new Map(),
  };
}

const EMPTY_SCOPE: Scope = newScope();

/** The region a resource is listed from: CloudFront and Route 53 from us-east-1, S3 from its home region. */
function listingRegion(
  arnRegion: string,
  service: string,
  homeRegion?: string,
): string {
  if (US_EAST_1_ONLY_SERVICES.has(service)) {
    return 'us-east-1';
  }
  return arnRegion || homeRegion || 'us-east-1';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes an inventory by account and region once at load, so no query scans the whole estate. */
export class InventoryIndex {
  readonly mainAccountId: string;
  readonly resourceCount: number;
  private readonly accounts: Map<string, InventoryAccount>;
  private readonly scopes: Map<string, Scope>;

  private constructor(
    inventory: Inventory,
    scopes: Map<string, Scope>,
    count: number,
  ) {
    this.mainAccountId = inventory.mainAccountId;
    this.accounts = new Map(inventory.accounts.map(a => [a.accountId, a]));
    this.scopes = scopes;
    this.resourceCount = count;
  }

  /** Builds the indexes; resources the Tagging API never lists (IAM users and roles, never-tagged ones) are left out. */
  static build(inventory: Inventory): InventoryIndex {
    const scopes = new Map<string, Scope>();
    let count = 0;
    for (const resource of inventory.resources) {
      const parts = parseArnParts(resource.arn);
      if (
        !parts ||
        resource.neverTagged ||
        parts.resourceType === 'iam:user' ||
        parts.resourceType === 'iam:role'
      ) {
        continue;
      }
      const accountId =
        parts.accountId || resource.accountId || inventory.mainAccountId;
      const region = listingRegion(
        parts.region,
        parts.service,
        resource.region,
      );
      const key = `${accountId}|${region}`;
      let scope = scopes.get(key);
      if (!scope) {
        scope = newScope();
        scopes.set(key, scope);
      }
      if (scope.byArn.has(resource.arn)) {
        continue;
      }
      const entry: IndexedResource = {
        ord: 0,
        arn: resource.arn,
        service: parts.service,
        resourceType: parts.resourceType,
        tagList: Object.entries(resource.tags).map(([Key, Value]) => ({
          Key,
          Value,
        })),
        tags: new Map(Object.entries(resource.tags)),
        compliance: evaluateCompliance(
          resource.tags,
          parts.service,
          parts.resourceType,
          inventory.tagPolicy,
        ),
      };
      scope.all.push(entry);
      scope.byArn.set(entry.arn, entry);
      count++;
    }
    for (const scope of scopes.values()) {
      finishScope(scope);
    }
    return new InventoryIndex(inventory, scopes, count);
  }

  /** The resources an account sees in a region (empty when it has none there). */
  scope(accountId: string, region: string): Scope {
    return this.scopes.get(`${accountId}|${region}`) ?? EMPTY_SCOPE;
  }

  /** An account of the inventory, if it has one with this id. */
  account(accountId: string): InventoryAccount | undefined {
    return this.accounts.get(accountId);
  }
}

function byArn(a: IndexedResource, b: IndexedResource): number {
  if (a.arn === b.arn) return 0;
  return a.arn < b.arn ? -1 : 1;
}

function finishScope(scope: Scope): void {
  scope.all.sort(byArn);
  const values = new Map<string, Set<string>>();
  scope.all.forEach((entry, ord) => {
    entry.ord = ord;
    push(scope.byService, entry.service, entry);
    push(scope.byType, entry.resourceType, entry);
    for (const { Key, Value } of entry.tagList) {
      let set = values.get(Key);
      if (!set) {
        set = new Set();
        values.set(Key, set);
      }
      set.add(Value);
    }
  });
  scope.tagKeys = [...values.keys()].sort();
  for (const [key, set] of values) {
    scope.tagValues.set(key, [...set].sort());
  }
}
