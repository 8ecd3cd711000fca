import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the aws-ownership backend plugin. */
  awsOwnership?: {
    /**
     * The AWS endpoint to call instead of AWS itself, such as the project's
     * emulator or LocalStack (`http://localhost:4566`).
     */
    endpoint?: string;
    /**
     * The accounts to scan and, for each, the regions to collect from.
     * Credentials come from the portal's `aws` configuration
     * (`aws.mainAccount`, `aws.accounts`, `aws.accountDefaults`).
     */
    accounts?: Array<{
      /** The 12-digit AWS account id. */
      accountId: string;
      /** The regions to collect from, such as `us-east-1`. */
      regions: string[];
    }>;
    /** Ask GetResources for tag policy compliance details. Default false. */
    includeComplianceDetails?: boolean;
    /** When scans run. Default: every 6 hours, first run 10 seconds after start. */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** How owners and components are read from tags. */
    ownership?: {
      /** Tag keys naming the owning team, first present wins. Default [owner, team]. */
      ownerTagKeys?: string[];
      /** Tag keys naming the component. Default [component, app, application]. */
      componentTagKeys?: string[];
    };
    /** Overrides of the checklists' defaults (see the common package's README). */
    checklists?: {
      [key: string]: any;
    };
    /** Collector tuning. */
    collector?: {
      /** GetResources calls a second per account and region. Default 15 (AWS's quota). */
      requestsPerSecond?: number;
      /** Attempts per call, with the SDK's adaptive retries. Default 10. */
      maxAttempts?: number;
      /** Rated resources written to the database per batch. Default 1000. */
      writeBatchSize?: number;
    };
    /** Team score history. */
    history?: {
      /** How long snapshots are kept, in days. Default 365. */
      retentionDays?: number;
    };
  };
}
