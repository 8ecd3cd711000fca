import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';
import type { ChecklistConfig } from '@aws-ownership/backstage-plugin-common';

/** One account the plugin scans and the regions it collects from. */
export interface ScannedAccount {
  /** The 12-digit account id. */
  accountId: string;
  /** The regions to collect from. */
  regions: string[];
}

/** The plugin's configuration, validated and with defaults applied. */
export interface AwsOwnershipConfig {
  /** Endpoint to call instead of AWS (the emulator, LocalStack). */
  endpoint?: string;
  /** The accounts and regions to scan. */
  accounts: ScannedAccount[];
  /** Whether to ask GetResources for tag-policy compliance details. */
  includeComplianceDetails: boolean;
  /** When each account's scan runs. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** The checklists' settings (defaults merged with `awsOwnership.checklists` and `awsOwnership.ownership`). */
  checklists: ChecklistConfig;
  /** Collector tuning. */
  collector: {
    /** GetResources calls a second per account and region (AWS's quota is 15). */
    requestsPerSecond: number;
    /** Attempts per call, the SDK's adaptive retries included. */
    maxAttempts: number;
    /** Resources written to the database per batch. */
    writeBatchSize: number;
  };
  /** Team score history. */
  history: {
    /** How long team score snapshots are kept. */
    retention: HumanDuration;
  };
  /** Exemptions of checks (always set by `readAwsOwnershipConfig`). */
  exemptions?: {
    /** The longest an exemption may last, in days. */
    maxDays: number;
  };
}
