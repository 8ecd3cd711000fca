import type {
  CheckStatus,
  ResponsibilityCategory,
} from '@aws-ownership/backstage-plugin-common';
import type {
  HistoryPoint,
  RatedResource,
  ResourcePage,
  Scan,
  ScanProgress,
  ScanRegionOutcome,
  ScanStatus,
  TeamScorecard,
} from '../schema/types';
import type { OwnershipChange } from '../notify/types';
import type { CurrentRegionTotals } from './regionTotals';

/** What starts a scan of one account. */
export interface NewScan {
  /** The account the scan collects. */
  accountId: string;
  /** The regions it collects, each with a pending outcome. */
  regions: string[];
  /** What started it. */
  trigger: 'schedule' | 'manual';
  /** Who started a manual scan. */
  requestedBy?: string;
}

/** How a scan ended. */
export interface ScanCompletion {
  /** `succeeded` (every region), `partial` (some failed), `failed` (all failed). */
  status: Extract<ScanStatus, 'succeeded' | 'partial' | 'failed'>;
  /** Every region's outcome: succeeded regions become current, failed ones stay stale. */
  regions: ScanRegionOutcome[];
  /** The final counters. */
  progress: ScanProgress;
  /** Why the scan failed as a whole, when it did. */
  error?: string;
}

/** Filters over the current resources (every one optional, ANDed). */
export interface ResourceFilter {
  /** Owning Group refs; `unowned` selects resources with no owner or a dangling one. */
  ownerRefs?: string[];
  /** Component or System refs. */
  componentRefs?: string[];
  accountIds?: string[];
  regions?: string[];
  resourceTypes?: string[];
  categories?: ResponsibilityCategory[];
  /** With `checkStatus`: resources whose result for this check has that status; alone: resources failing it. */
  checkId?: string;
  checkStatus?: CheckStatus;
  /** Resources failing at least one check of this checklist. */
  failingChecklist?: string;
  /** Case-insensitive substring of the ARN, name or a tag value. */
  text?: string;
  /** Only stale resources (their region failed in the latest scan), or only fresh ones. */
  stale?: boolean;
}

/** Sort keys of the resource list. */
export type ResourceSortField =
  | 'score'
  | 'name'
  | 'resourceType'
  | 'region'
  | 'accountId'
  | 'lastSeenAt'
  | 'arn';

/** One page request of the resource list. */
export interface ResourceQuery {
  filter?: ResourceFilter;
  /** Default `score` ascending (worst first), ties by ARN. */
  sort?: { field: ResourceSortField; order: 'asc' | 'desc' };
  /** Opaque cursor from the previous page. */
  cursor?: string;
  /** 1 to 500; default 50. */
  limit?: number;
}

/** The scan whose resources are current for one account and region. */
export interface CurrentRegion {
  accountId: string;
  region: string;
  scanId: string;
  /** When the region was last collected successfully (ISO 8601). */
  lastSeenAt: string;
  /** Whether its latest scan failed, so its resources are older. */
  stale: boolean;
}

/** A Group of the catalog as kept for rollups. */
export interface StoredTeam {
  /** The Group's entity ref, e.g. `group:default/payments`. */
  ref: string;
  /** Its display name. */
  displayName?: string;
  /** Its parent Group's ref. */
  parentRef?: string;
  /** Its child Groups' refs. */
  childRefs: string[];
}

/** The data a team's aggregation needs from one current resource. */
export interface RatingForAggregation {
  /** The owning Group's ref; undefined when unowned or dangling. */
  ownerRef?: string;
  /** The Component or System ref. */
  componentRef?: string;
  /** Whether it comes from a region that failed in the latest scan. */
  stale: boolean;
  /** Its rating (every check result). */
  rating: RatedResource['rating'];
}

/**
 * The plugin's persistence. One implementation: DatabaseAwsOwnershipStore (knex,
 * SQLite and PostgreSQL). Readers always see, for each account and region, the
 * resources of the latest scan that committed that region.
 */
export interface AwsOwnershipStore {
  /** Records a new running scan; returns it with a new id. */
  createScan(scan: NewScan): Promise<Scan>;
  /** Saves a running scan's per-region outcomes and counters (called often, must be cheap). */
  updateScanProgress(
    scanId: string,
    regions: ScanRegionOutcome[],
    progress: ScanProgress,
  ): Promise<void>;
  /**
   * Writes a batch of rated resources collected by a running scan. Invisible to
   * readers until the scan completes. A resource already written by this scan
   * (same ARN, e.g. an S3 bucket listed from two regions, or a region restarted
   * after an expired pagination token) is ignored. Returns how many were new.
   */
  writeResources(scanId: string, resources: RatedResource[]): Promise<number>;
  /**
   * Ends a scan in one transaction: each succeeded region's resources replace
   * that account and region's previous ones; each failed region keeps its
   * previous resources, marked stale (with the time they were last seen);
   * rows of the scan for failed regions are discarded.
   */
  completeScan(scanId: string, completion: ScanCompletion): Promise<void>;
  /**
   * The resources a running scan collected in the given regions whose owner
   * differs from the account's previous committed data (new ones with an owner
   * included; none on the account's first scan). Call it before completeScan.
   */
  listOwnershipChanges(
    scanId: string,
    regions: string[],
  ): Promise<OwnershipChange[]>;
  /** Ends a scan that did not finish (aborted, timed out): discards its rows, keeps the previous data. */
  abandonScan(
    scanId: string,
    status: Extract<ScanStatus, 'cancelled' | 'failed'>,
    error?: string,
  ): Promise<void>;
  /** Marks running scans of an account that no process is running any more as cancelled and discards their rows; returns how many (pending requests stay). */
  abandonRunningScans(accountId: string, error: string): Promise<number>;
  /** Records a pending scan request (e.g. "scan now") that the account's task will claim. */
  requestScan(scan: NewScan): Promise<Scan>;
  /** Turns the account's oldest pending request into its running scan; undefined when there is none. */
  claimPendingScan(accountId: string): Promise<Scan | undefined>;
  /** Deletes a request that no run has claimed yet; false when one already has. */
  withdrawScanRequest(scanId: string): Promise<boolean>;
  /**
   * The account's running scan that has shown a sign of life (created, claimed
   * or saved its progress) since `aliveSince`, or undefined: a scan left
   * running by a process that stopped does not count.
   */
  getRunningScan(
    accountId: string,
    options: { aliveSince: Date },
  ): Promise<Scan | undefined>;
  /** One scan, or undefined. */
  getScan(scanId: string): Promise<Scan | undefined>;
  /** Scans, newest first. */
  listScans(options?: { accountId?: string; limit?: number }): Promise<Scan[]>;

  /** One page of current resources. Throws InputError for a malformed cursor. */
  listResources(query: ResourceQuery): Promise<ResourcePage>;
  /** One current resource by ARN, or undefined. */
  getResource(arn: string): Promise<RatedResource | undefined>;
  /** Streams every current resource's rating (or those matching `filter`), in batches, without loading all of them at once. */
  streamRatings(
    batchSize?: number,
    filter?: ResourceFilter,
  ): AsyncIterable<RatingForAggregation[]>;
  /** Which scan is current for every account and region, and whether it is stale. */
  listCurrentRegions(): Promise<CurrentRegion[]>;
  /** Every current region's team score totals by owner (kept as regions commit), for the team scores. */
  listCurrentRegionTotals(): Promise<CurrentRegionTotals[]>;
  /** Counts current resources, for overview numbers. */
  countResources(filter?: ResourceFilter): Promise<number>;

  /** Replaces the kept Group hierarchy. */
  replaceTeams(teams: StoredTeam[]): Promise<void>;
  /** The kept Group hierarchy. */
  listTeams(): Promise<StoredTeam[]>;

  /** Stores one snapshot of every team's scorecard (and `unowned`), computed after a scan. */
  writeTeamScores(snapshot: {
    snapshotId: string;
    computedAt: Date;
    scorecards: TeamScorecard[];
  }): Promise<void>;
  /** The latest snapshot's scorecards, and the previous snapshot's score per team (for change since the last scan). */
  getLatestTeamScores(): Promise<{
    computedAt?: string;
    scorecards: TeamScorecard[];
    previousScores: Record<string, number>;
  }>;
  /** One team's score per snapshot, oldest first. */
  getTeamHistory(
    teamRef: string,
    options?: { limit?: number },
  ): Promise<HistoryPoint[]>;
  /** Deletes snapshots older than the cutoff (keeping the latest always); returns how many snapshots went. */
  pruneTeamScores(olderThan: Date): Promise<number>;
  /** Deletes the ownership changes recorded before the cutoff; returns how many went. */
  pruneOwnershipChanges(olderThan: Date): Promise<number>;
}
