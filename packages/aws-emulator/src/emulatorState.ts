import { ConfigQuotaConfig, ConfigService } from './config/configService';
import { Faults } from './faults';
import { InventoryIndex } from './inventory/indexes';
import type { Inventory } from './inventory/types';
import { OrganizationModel } from './organizations/model';
import { Quota, QuotaConfig } from './quota/quota';
import { StatsRecorder } from './stats';
import { SessionRegistry } from './sts/identity';
import { PaginationTokens } from './tagging/pagination';
import type { TokenState } from './tagging/tokenState';

/** A sink for the emulator's log lines; Backstage's LoggerService and `console` both fit. */
export interface EmulatorLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger that drops everything (the programmatic default). */
export const silentLogger: EmulatorLogger = {
  info() {},
  warn() {},
  error() {},
};

/** Everything the request handlers share: the indexed inventory, tokens, quota, faults and counts. */
export class EmulatorState {
  index: InventoryIndex;
  /** The inventory's AWS Organization, if it has one. */
  organization: OrganizationModel | undefined;
  readonly tokens: PaginationTokens<TokenState>;
  readonly quota: Quota;
  readonly faults = new Faults();
  readonly stats = new StatsRecorder();
  readonly sessions = new SessionRegistry();
  readonly config: ConfigService;

  constructor(
    inventory: Inventory,
    options: {
      quota?: QuotaConfig;
      paginationTokenTtlMs?: number;
      configQuota?: ConfigQuotaConfig;
    },
    readonly logger: EmulatorLogger,
  ) {
    this.index = InventoryIndex.build(inventory);
    this.organization = OrganizationModel.build(inventory);
    this.config = new ConfigService(inventory, {
      quota: options.configQuota,
      paginationTokenTtlMs: options.paginationTokenTtlMs,
    });
    this.tokens = new PaginationTokens(options.paginationTokenTtlMs);
    this.quota = new Quota(options.quota);
  }

  /** Replaces the inventory; open pagination tokens expire, since they point into the old one. */
  loadInventory(inventory: Inventory): void {
    this.index = InventoryIndex.build(inventory);
    this.organization = OrganizationModel.build(inventory);
    this.config.load(inventory);
    this.tokens.expireAll();
    this.logger.info(`inventory loaded: ${this.index.resourceCount} resources`);
  }

  /** Clears faults and counts, refills the quota and expires every pagination token. */
  reset(): void {
    this.faults.reset();
    this.stats.reset();
    this.quota.reset();
    this.tokens.expireAll();
    this.config.reset();
  }
}
