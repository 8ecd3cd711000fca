import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  /**
   * Configuration of the aws-ownership backend plugin. Every key is validated
   * at startup; an unknown or malformed one stops the backend, naming the key.
   */
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
      /** The 12-digit AWS account id (quoted, so YAML keeps it a string). */
      accountId: string;
      /** The regions to collect from, such as `us-east-1`; at least one. */
      regions: string[];
    }>;
    /**
     * Accounts discovered from AWS Organizations on every cycle, besides
     * `accounts` (which wins for an account in both). Suspended and closing
     * accounts are skipped. Each account's credentials come from the portal's
     * `aws` configuration, as for `accounts`.
     */
    organization?: {
      /** The management or a delegated administrator account, which lists the accounts. */
      accountId: string;
      /** The role assumed in `accountId` to list them. Default: as `aws.accounts` / `aws.accountDefaults` say. */
      roleName?: string;
      /** The regions collected in every discovered account. */
      regions: string[];
      /** OU ids (`ou-...`) or names whose accounts, nested OUs included, are in scope. Default: the whole organisation. */
      includeOrganizationalUnits?: string[];
      /** Account ids left out of scope. */
      excludeAccounts?: string[];
    };
    /** Ask GetResources for tag policy compliance details. Default false. */
    includeComplianceDetails?: boolean;
    /**
     * When each account's scan runs. Default: every 6 hours, first run 10
     * seconds after start, 30 minutes timeout.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    // `ownership` and `checklists` are typed by the common package's config.d.ts
    /** Collector tuning. */
    collector?: {
      /** GetResources calls a second per account and region. Default 15 (AWS's quota). */
      requestsPerSecond?: number;
      /** Attempts per call, with the SDK's adaptive retries. Default 10. */
      maxAttempts?: number;
      /** Rated resources written to the database per batch. Default 1000. */
      writeBatchSize?: number;
      /**
       * Account scans one backend replica runs at once; the others it has
       * claimed wait their turn (the task's timeout counts the wait). Default 4.
       */
      concurrency?: number;
    };
    /** Evidence: facts AWS itself records, read beside the tags. */
    evidence?: {
      /** AWS Config's advanced query as an evidence source. */
      awsConfig?: {
        /** Read AWS Config (config:SelectResourceConfig, config:DescribeConfigurationRecorderStatus). Default false. */
        enabled?: boolean;
        /** AWS Config calls a second per account and region. Default 5. */
        requestsPerSecond?: number;
        /** Attempts per call, with the SDK's adaptive retries. Default 10. */
        maxAttempts?: number;
        /** Query an organisation-wide aggregator once (config:SelectAggregateResourceConfig) instead of every account and region. */
        aggregator?: {
          /** The account that owns the aggregator. */
          accountId: string;
          /** The aggregator's region. */
          region: string;
          /** The aggregator's name. */
          name: string;
        };
      };
    };
    /** Team score history. */
    history?: {
      /**
       * How long team score snapshots are kept: a duration object, an ISO
       * duration (`P90D`) or a string such as `90d`. Default 365 days.
       */
      retention?: HumanDuration | string;
      /** The same in days, for configs written before `retention`. */
      retentionDays?: number;
    };
    /**
     * Notifications to owning teams after each committed scan, through
     * Backstage's notifications plugin (which must be installed).
     */
    notifications?: {
      /** Whether notifications are sent. Default false. */
      enabled?: boolean;
      /**
       * Which kinds are sent. Default every kind: `grade-dropped`,
       * `critical-failing`, `resources-attributed`, `resources-unowned`,
       * `exemptions-expiring`.
       */
      kinds?: Array<
        | 'grade-dropped'
        | 'critical-failing'
        | 'resources-attributed'
        | 'resources-unowned'
        | 'exemptions-expiring'
      >;
      /** How many grades a team must fall to be told (A to B is one). Default 1. */
      minimumGradeDrop?: number;
      /**
       * Entity refs (a platform Group, users) told when resources lose their
       * owner. Default none: that kind is not sent.
       */
      unownedRecipients?: string[];
      /** The most checks or resources one notification lists. Default 10. */
      maxListed?: number;
      /** How many days before an exemption ends its team hears of it (1 to 90). Default 7. */
      exemptionExpiryDays?: number;
    };
    /** Ownership review meetings. */
    reviews?: {
      /** How many days a review (its snapshot and action items) is kept. Default 730. */
      retentionDays?: number;
    };
    /** Exemptions of checks. */
    exemptions?: {
      /** The longest an exemption may last, in days (1 to 3650). Default 90. */
      maxDays?: number;
    };
  };
}
