import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds, type HumanDuration } from '@backstage/types';
import pLimit from 'p-limit';
import type { AccountDirectory, DirectoryAccount } from '../accounts/types';
import type { AwsOwnershipConfig } from '../config/types';
import type { AwsOwnershipStore } from '../database/types';
import type { AccountRetirement } from '../database/retireAccounts';
import type { ScanRunner } from './ScanRunner';

/** The scheduler task id of one account's scans. */
export const scanTaskId = (accountId: string) =>
  `aws-ownership-scan-${accountId}`;

const isDuration = (
  frequency: SchedulerServiceTaskScheduleDefinition['frequency'],
): frequency is HumanDuration =>
  !('cron' in frequency) && !('trigger' in frequency);

/**
 * How recent a committed scan makes a scheduled run of the same account
 * redundant (at most half the schedule's frequency).
 */
export const RECENT_SCAN_MS = 60_000;

/** The scheduler task id of the accounts' refresh on each replica. */
export const refreshTaskId = 'aws-ownership-accounts-refresh';

/** What scheduling the scans needs. */
export interface ScanTasksOptions {
  scheduler: SchedulerService;
  config: AwsOwnershipConfig;
  runner: Pick<ScanRunner, 'scanAccount'>;
  /** Where the scans are recorded: a run skips an account scanned moments ago. */
  store: Pick<AwsOwnershipStore, 'listScans'>;
  directory: AccountDirectory;
  logger: LoggerService;
  /** Marks the data of accounts out of scope stale, and drops it after the retention. */
  retire(options: {
    inScope: string[];
    dropBefore: Date;
  }): Promise<AccountRetirement>;
}

/**
 * One global scheduler task per account in scope, so that several backend
 * replicas share the accounts through the scheduler's database locks, and
 * DevTools can show and trigger each one. Every replica refreshes the accounts
 * itself (a local task): each must hold a worker for every account's task to
 * take its share. A replica runs at most `collector.concurrency` scans at
 * once; as many more wait for a slot, and it hands the rest back.
 */
export class ScanTasks {
  private readonly scheduled = new Map<string, AbortController>();
  private readonly limit: pLimit.Limit;

  constructor(private readonly options: ScanTasksOptions) {
    this.limit = pLimit(options.config.collector.concurrency);
  }

  /** Reads the accounts, schedules their tasks and the periodic refresh. */
  async start(): Promise<void> {
    const { scheduler, config } = this.options;
    await this.refresh();
    await scheduler.scheduleTask({
      id: refreshTaskId,
      scope: 'local',
      frequency: config.schedule.frequency,
      timeout: config.schedule.timeout,
      // the first refresh has just run
      initialDelay: isDuration(config.schedule.frequency)
        ? config.schedule.frequency
        : undefined,
      fn: () => this.refresh(),
    });
  }

  /** Re-reads the accounts, schedules new ones, retires those gone. */
  async refresh(): Promise<void> {
    const { directory, config, logger } = this.options;
    const { accounts, complete } = await directory.refresh();
    await this.reconcile(accounts);
    // an organisation that could not be read retires nothing
    if (!complete) return;
    try {
      const { stale, dropped } = await this.options.retire({
        inScope: accounts.map(a => a.accountId),
        dropBefore: new Date(
          Date.now() - durationToMilliseconds(config.history.retention),
        ),
      });
      if (dropped.length) {
        logger.info(
          `Dropped the data of accounts out of scope: ${dropped.join(', ')}`,
        );
      }
      if (stale.length) {
        logger.debug(`Accounts out of scope, kept stale: ${stale.join(', ')}`);
      }
    } catch (error) {
      logger.warn(`Could not retire the accounts out of scope: ${error}`);
    }
  }

  private async reconcile(accounts: DirectoryAccount[]): Promise<void> {
    const { logger } = this.options;
    const inScope = new Set(accounts.map(a => a.accountId));
    for (const [accountId, controller] of this.scheduled) {
      if (!inScope.has(accountId)) {
        // stops this replica's worker, and a scan of it that is running here
        controller.abort();
        this.scheduled.delete(accountId);
        logger.info(`Account ${accountId} left scope; its task is retired`);
      }
    }
    for (const { accountId } of accounts) {
      if (!this.scheduled.has(accountId)) {
        await this.schedule(accountId);
      }
    }
  }

  private async schedule(accountId: string): Promise<void> {
    const { scheduler, config, runner, directory, logger } = this.options;
    const controller = new AbortController();
    this.scheduled.set(accountId, controller);
    await scheduler.scheduleTask({
      id: scanTaskId(accountId),
      ...config.schedule,
      signal: controller.signal,
      fn: async signal => {
        if (this.saturated()) {
          this.handBack(accountId);
          return;
        }
        await this.limit(async () => {
          // retired while it waited for a slot
          if (signal.aborted || !directory.get(accountId)) return;
          if (await this.scannedMomentsAgo(accountId)) return;
          try {
            await runner.scanAccount(accountId, {
              trigger: 'schedule',
              signal: signal as AbortSignal,
            });
          } catch (error) {
            // already recorded on the scan; the next run starts afresh
            logger.warn(`Scan task of ${accountId} ended early: ${error}`);
          }
        });
      },
    });
  }

  /**
   * Whether a scan of the account committed moments ago and no "scan now"
   * request waits: then this run is a second one of the same cycle. Backstage's
   * scheduler (backend-defaults 0.18) claims a task its last poll saw due
   * without checking that it still is, so a replica whose poll is a few
   * seconds old can claim a run that another replica has just finished (seen
   * in `npm run bench -- org`: 4 accounts of 200 scanned twice).
   */
  private async scannedMomentsAgo(accountId: string): Promise<boolean> {
    const { store, config, logger } = this.options;
    const { frequency } = config.schedule;
    const window = isDuration(frequency)
      ? Math.min(RECENT_SCAN_MS, durationToMilliseconds(frequency) / 2)
      : RECENT_SCAN_MS;
    const scans = await store.listScans({ accountId, limit: 50 });
    if (scans.some(s => s.status === 'pending')) return false;
    // the newest scan: one that failed, was cancelled or died with its
    // replica is retried at once
    const last = scans[0];
    if (last?.status !== 'succeeded' && last?.status !== 'partial') {
      return false;
    }
    const endedAgo = last.finishedAt
      ? Date.now() - Date.parse(last.finishedAt)
      : Infinity;
    if (endedAgo >= window) return false;
    logger.info(
      `Scan of ${accountId} skipped: scan ${last.id} committed ${Math.round(
        endedAgo / 1000,
      )} s ago (use "Scan now" to scan again at once)`,
    );
    return true;
  }

  /**
   * A replica claims every due task it sees; beyond a backlog as deep as its
   * concurrency it hands the run back, so that another replica takes it.
   */
  private saturated(): boolean {
    const { concurrency } = this.options.config.collector;
    return this.limit.activeCount + this.limit.pendingCount >= 2 * concurrency;
  }

  /**
   * Makes the task due again once the scheduler has released this run. Until
   * then the trigger conflicts; nobody else can claim the task meanwhile (it
   * is not due), so retrying cannot run the account twice.
   */
  private handBack(accountId: string): void {
    const { scheduler, config, logger } = this.options;
    const { timeout } = config.schedule;
    const giveUpAt =
      Date.now() +
      ('toMillis' in timeout
        ? timeout.toMillis()
        : durationToMilliseconds(timeout));
    const retry = async (delayMs: number): Promise<void> => {
      try {
        await scheduler.triggerTask(scanTaskId(accountId));
      } catch (error) {
        if (
          (error as Error).name === 'ConflictError' &&
          Date.now() < giveUpAt
        ) {
          await new Promise(resolve => setTimeout(resolve, delayMs));
          await retry(Math.min(delayMs * 2, 2000));
          return;
        }
        logger.warn(`Could not hand back the scan of ${accountId}: ${error}`);
      }
    };
    void retry(100);
  }
}
