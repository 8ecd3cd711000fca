import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { AwsOwnershipConfig } from '../config/types';
import type { ScanRunner } from './ScanRunner';

/** The scheduler task id of one account's scans. */
export const scanTaskId = (accountId: string) =>
  `aws-ownership-scan-${accountId}`;

/**
 * Schedules one task per account, so that several backend replicas share the
 * accounts through the scheduler's database locks, and DevTools can show and
 * trigger each one.
 */
export async function scheduleScans(options: {
  scheduler: SchedulerService;
  config: AwsOwnershipConfig;
  runner: ScanRunner;
  logger: LoggerService;
}): Promise<void> {
  const { scheduler, config, runner, logger } = options;
  for (const { accountId } of config.accounts) {
    await scheduler.scheduleTask({
      id: scanTaskId(accountId),
      ...config.schedule,
      fn: async signal => {
        try {
          await runner.scanAccount(accountId, {
            trigger: 'schedule',
            signal: signal as AbortSignal,
          });
        } catch (error) {
          // already recorded on the scan; the next run starts afresh
          logger.debug(`Scan task of ${accountId} ended early: ${error}`);
        }
      },
    });
  }
}
