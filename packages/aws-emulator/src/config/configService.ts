import type { Inventory } from '../inventory/types';
import { TokenBucket } from '../quota/tokenBucket';
import { PaginationTokens } from '../tagging/pagination';
import { ConfigIndex } from './configIndex';
import type { ConfigTokenState } from './select';

/** The emulated AWS Config quota per account and region. */
export interface ConfigQuotaConfig {
  /** Default true. */
  enabled?: boolean;
  /** Select* calls a second per account and region (default 10; the emulator's choice). */
  selectsPerSecond?: number;
  /** DescribeConfigurationRecorderStatus calls a second (default 10). */
  describesPerSecond?: number;
}

/** The emulator's default AWS Config quota. */
export const DEFAULT_CONFIG_QUOTA: Required<ConfigQuotaConfig> = {
  enabled: true,
  selectsPerSecond: 10,
  describesPerSecond: 10,
};

/** AWS Config's state in the emulator: what it records, its pagination tokens and its quota. */
export class ConfigService {
  index: ConfigIndex;
  readonly tokens: PaginationTokens<ConfigTokenState>;
  private quota: Required<ConfigQuotaConfig>;
  private buckets = new Map<string, TokenBucket>();

  constructor(
    inventory: Inventory,
    options: { quota?: ConfigQuotaConfig; paginationTokenTtlMs?: number } = {},
  ) {
    this.index = ConfigIndex.build(inventory);
    this.tokens = new PaginationTokens(options.paginationTokenTtlMs);
    this.quota = ConfigService.validated({
      ...DEFAULT_CONFIG_QUOTA,
      ...defined(options.quota ?? {}),
    });
  }

  /** Serves another inventory; open tokens expire. */
  load(inventory: Inventory): void {
    this.index = ConfigIndex.build(inventory);
    this.tokens.expireAll();
  }

  /** Changes the quota (undefined settings keep their value) and refills it. */
  setQuota(quota: ConfigQuotaConfig): void {
    this.quota = ConfigService.validated({ ...this.quota, ...defined(quota) });
    this.buckets = new Map();
  }

  /** The current quota. */
  currentQuota(): Required<ConfigQuotaConfig> {
    return { ...this.quota };
  }

  /** Whether a call fits the quota; false is a `ThrottlingException`. */
  allow(accountId: string, region: string, operation: string): boolean {
    if (!this.quota.enabled) return true;
    const select = operation.startsWith('Select');
    const key = `${accountId}|${region}|${select ? 'select' : 'describe'}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const rate = select
        ? this.quota.selectsPerSecond
        : this.quota.describesPerSecond;
      bucket = new TokenBucket(rate);
      this.buckets.set(key, bucket);
    }
    return bucket.tryTake();
  }

  /** Refills the quota and expires every token. */
  reset(): void {
    this.buckets = new Map();
    this.tokens.expireAll();
  }

  private static validated(
    quota: Required<ConfigQuotaConfig>,
  ): Required<ConfigQuotaConfig> {
    if (typeof quota.enabled !== 'boolean') {
      throw new Error(
        `config quota enabled must be true or false, got ${quota.enabled}`,
      );
    }
    for (const rate of [quota.selectsPerSecond, quota.describesPerSecond]) {
      if (!(typeof rate === 'number' && rate > 0 && Number.isFinite(rate))) {
        throw new Error(
          `A quota must be a positive number of calls a second, got ${rate}`,
        );
      }
    }
    return quota;
  }
}

function defined(config: ConfigQuotaConfig): ConfigQuotaConfig {
  return Object.fromEntries(
    Object.entries(config).filter(([, value]) => value !== undefined),
  );
}
