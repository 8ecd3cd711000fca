import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';
import type { ChecklistConfig } from '@aws-ownership/backstage-plugin-common';
import type { NotificationsConfig } from '../notify/types';
import type { EvidenceConfig } from '../evidence/evidenceConfigSchema';

/** One account the plugin scans and the regions it collects from. */
export interface ScannedAccount {
  /** The 12-digit account id. */
  accountId: string;
  /** The regions to collect from. */
  regions: string[];
}

/** Where and how accounts are discovered from AWS Organizations. */
export interface OrganizationDiscovery {
  /** The management or a delegated administrator account, which lists the accounts. */
  accountId: string;
  /** The role assumed in `accountId` (default: as `aws.accounts` / `aws.accountDefaults` say). */
  roleName?: string;
  /** The regions collected in every discovered account. */
  regions: string[];
  /** OU ids or names whose accounts (nested OUs included) are in scope; absent: all. */
  includeOrganizationalUnits?: string[];
  /** Account ids left out. */
  excludeAccounts: string[];
}

/** The plugin's configuration, validated and with defaults applied. */
export interface AwsOwnershipConfig {
  /** Endpoint to call instead of AWS (the emulator, LocalStack). */
  endpoint?: string;
  /** The accounts and regions to scan. */
  accounts: ScannedAccount[];
  /** Accounts discovered from AWS Organizations, besides `accounts`. */
  organization?: OrganizationDiscovery;
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
    /** Account scans one backend replica runs at once. */
    concurrency: number;
  };
  /** Evidence providers (AWS Config). */
  evidence: EvidenceConfig;
  /** Team score history. */
  history: {
    /** How long team score snapshots are kept. */
    retention: HumanDuration;
  };
  /** What owners are told after a scan (the reader always sets it). */
  notifications?: NotificationsConfig;
  /** Ownership review meetings. */
  reviews: {
    /** How many days a review (its snapshot and action items) is kept. */
    retentionDays: number;
  };
  /** Exemptions of checks (always set by `readAwsOwnershipConfig`). */
  exemptions?: {
    /** The longest an exemption may last, in days. */
    maxDays: number;
  };
}
