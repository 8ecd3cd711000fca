import { ORGANIZATIONS_OPERATIONS } from '../organizations/operations';
import { TokenBucket } from './tokenBucket';

/** The Tagging API's quotas per account and region, and the Organizations API's per calling account. */
export interface QuotaConfig {
  /** Default true. */
  enabled?: boolean;
  /** GetResources calls a second per account and region; AWS's default is 15. */
  getResourcesPerSecond?: number;
  /** GetTagKeys and GetTagValues calls a second per account and region; AWS's default is 5. */
  tagReadsPerSecond?: number;
  /** Organizations calls a second per calling account (all operations together); AWS publishes no figure, the default is 5. */
  organizationsPerSecond?: number;
}

/** The default quotas: AWS's for the Tagging API, the emulator's own for Organizations. */
export const DEFAULT_QUOTA: Required<QuotaConfig> = {
  enabled: true,
  getResourcesPerSecond: 15,
  tagReadsPerSecond: 5,
  organizationsPerSecond: 5,
};

/** The settings that are given: an `undefined` one keeps its current value. */
function defined(config: QuotaConfig): QuotaConfig {
  return Object.fromEntries(
    Object.entries(config).filter(([, value]) => value !== undefined),
  );
}

/** Token buckets per account, region and quota, created on first use. */
export class Quota {
  private config: Required<QuotaConfig>;
  private buckets = new Map<string, TokenBucket>();

  constructor(
    config: QuotaConfig = {},
    private readonly now: () => number = Date.now,
  ) {
    this.config = Quota.validated({ ...DEFAULT_QUOTA, ...defined(config) });
  }

  /** Whether a call fits the quota; a false answer is a `ThrottledException`. */
  allow(accountId: string, region: string, operation: string): boolean {
    if (!this.config.enabled) {
      return true;
    }
    const { rate, bucketName } = this.bucketOf(operation);
    const key = `${accountId}|${region}|${bucketName}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(rate, rate, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.tryTake();
  }

  private bucketOf(operation: string): { rate: number; bucketName: string } {
    if (operation === 'GetTagKeys' || operation === 'GetTagValues') {
      return { rate: this.config.tagReadsPerSecond, bucketName: 'tagReads' };
    }
    if (Object.hasOwn(ORGANIZATIONS_OPERATIONS, operation)) {
      return {
        rate: this.config.organizationsPerSecond,
        bucketName: 'organizations',
      };
    }
    return { rate: this.config.getResourcesPerSecond, bucketName: operation };
  }

  /** The current configuration. */
  current(): Required<QuotaConfig> {
    return { ...this.config };
  }

  /** Replaces the configuration and refills every bucket. */
  configure(config: QuotaConfig): void {
    this.config = Quota.validated({ ...this.config, ...defined(config) });
    this.reset();
  }

  /** Refills every bucket. */
  reset(): void {
    this.buckets = new Map();
  }

  private static validated(
    config: Required<QuotaConfig>,
  ): Required<QuotaConfig> {
    if (typeof config.enabled !== 'boolean') {
      throw new Error(
        `quota.enabled must be true or false, got ${config.enabled}`,
      );
    }
    for (const rate of [
      config.getResourcesPerSecond,
      config.tagReadsPerSecond,
      config.organizationsPerSecond,
    ]) {
      if (!(typeof rate === 'number' && rate > 0 && Number.isFinite(rate))) {
        throw new Error(
          `A quota must be a positive number of calls a second, got ${rate}`,
        );
      }
    }
    return config;
  }
}
