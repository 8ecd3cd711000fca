/** The kinds of notification the plugin sends after a scan. */
export const notificationKinds = [
  'grade-dropped',
  'critical-failing',
  'resources-attributed',
  'resources-unowned',
  'exemptions-expiring',
] as const;

/** One kind of notification. */
export type NotificationKind = (typeof notificationKinds)[number];

/** `awsOwnership.notifications`, validated and with defaults applied. */
export interface NotificationsConfig {
  /** Whether notifications are sent at all. Default false. */
  enabled: boolean;
  /** Which kinds are sent. Default every kind. */
  kinds: NotificationKind[];
  /** How many grade steps a team must fall (A to B is one) to be told. Default 1. */
  minimumGradeDrop: number;
  /** Entity refs told about resources that lost their owner. Default none. */
  unownedRecipients: string[];
  /** The most checks or resources one notification lists. Default 10. */
  maxListed: number;
  /** How many days before its expiry a team hears that an exemption ends. Default 7. */
  exemptionExpiryDays: number;
}

/** An active exemption, as far as telling its team that it ends goes. */
export interface ExpiringExemption {
  id: string;
  checkId: string;
  expiresAt: string;
  /** The team it was requested for. */
  teamRef?: string;
}

/** A current resource whose owner differs from the previous committed scan's. */
export interface OwnershipChange {
  arn: string;
  /** Its display name. */
  name: string;
  /** The owner now; undefined when it has none. */
  ownerRef?: string;
  /** The owner in the previous committed scan; undefined when it had none or is new. */
  previousOwnerRef?: string;
}
