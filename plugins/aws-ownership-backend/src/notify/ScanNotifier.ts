import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { describeError } from '../scan/describeError';
import { buildNotifications, type ScanChanges } from './buildNotifications';
import type { NotificationsConfig } from './types';

/**
 * Tells owners what a committed scan changed, through Backstage's
 * notification service. A notification that cannot be sent is logged and
 * never fails the scan.
 */
export class ScanNotifier {
  constructor(
    private readonly options: {
      notifications: NotificationService;
      config: NotificationsConfig;
      logger: LoggerService;
    },
  ) {}

  /** Whether any notification is sent at all. */
  get enabled(): boolean {
    return this.options.config.enabled && this.options.config.kinds.length > 0;
  }

  /** Whether the scan must read ownership changes before it commits. */
  get wantsOwnershipChanges(): boolean {
    const { kinds } = this.options.config;
    return (
      this.enabled &&
      (kinds.includes('resources-attributed') ||
        kinds.includes('resources-unowned'))
    );
  }

  /** Sends what the changes call for; resolves with how many were sent. */
  async notify(changes: ScanChanges): Promise<number> {
    if (!this.enabled) return 0;
    const { notifications, logger, config } = this.options;
    let sent = 0;
    for (const notification of buildNotifications(changes, config)) {
      try {
        await notifications.send(notification);
        sent++;
      } catch (error) {
        logger.warn(
          `Could not send the notification "${
            notification.payload.title
          }": ${describeError(error)}`,
        );
      }
    }
    if (sent)
      logger.info(`Scan ${changes.scanId}: sent ${sent} notification(s)`);
    return sent;
  }
}
