import type { CheckDefinition } from '../checks/types';
import type {
  AwsResource,
  OwnershipContext,
  ResponsibilityCategory,
} from '../model/types';
import type { Grade } from '../scoring/grade';
import type { ResourceRating, TeamScore } from '../scoring/types';

/**
 * The ref of the scorecard that gathers resources with no owner or a dangling one.
 *
 * @public
 */
export const unownedTeamRef = 'unowned';

/**
 * One team's scorecard as the REST API serves it.
 *
 * @public
 */
export interface TeamScorecard extends TeamScore {
  /** The Group's entity ref, or `unowned`. */
  teamRef: string;
  /** The Group's display name, when it has one. */
  displayName?: string;
  /** The scan the scorecard was computed from. */
  scanId?: string;
  /** When that scan completed (ISO 8601). */
  computedAt?: string;
  /** Whether some of its resources come from regions that failed in the last scan. */
  stale?: boolean;
}

/**
 * A resource with its ownership and rating, as stored and served.
 *
 * @public
 */
export interface RatedResource {
  /** The resource as collected. */
  resource: AwsResource;
  /** Its responsibility category (config overrides applied). */
  category: ResponsibilityCategory;
  /** Who owns it. */
  ownership: OwnershipContext;
  /** Its rating. */
  rating: ResourceRating;
  /** The AWS console link, when the type has one. */
  consoleUrl?: string;
  /** The scan that last saw it. */
  scanId?: string;
  /** When it was last seen (ISO 8601). */
  lastSeenAt?: string;
  /** Whether its region failed in the last scan, so this is older data. */
  stale?: boolean;
}

/**
 * A page of a cursor-paginated list.
 *
 * @public
 */
export interface Page<T> {
  /** The items of this page. */
  items: T[];
  /** The cursor of the next page; absent on the last. */
  nextCursor?: string;
  /** The total number of items matching the query, when known. */
  totalCount?: number;
  /** Set when `totalCount` is a lower bound: counting stopped at a cap. */
  totalCountCapped?: boolean;
}

/**
 * The lifecycle of a scan.
 *
 * @public
 */
export type ScanStatus =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'partial'
  | 'failed'
  | 'cancelled';

/**
 * The outcome of one account and region within a scan.
 *
 * @public
 */
export interface ScanRegionOutcome {
  /** The AWS account id. */
  accountId: string;
  /** The region. */
  region: string;
  /** Where this region got to. */
  status: 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';
  /** Resources collected so far. */
  resources: number;
  /** GetResources pages read so far. */
  pages: number;
  /** When this region started and finished (ISO 8601). */
  startedAt?: string;
  /** When it finished (ISO 8601). */
  finishedAt?: string;
  /** Why it failed (no credentials or secrets in it). */
  error?: string;
}

/**
 * How far a scan has got.
 *
 * @public
 */
export interface ScanProgress {
  /** Account-regions in the scan. */
  regionsTotal: number;
  /** Account-regions finished (succeeded, failed or skipped). */
  regionsDone: number;
  /** Resources collected so far. */
  resourcesCollected: number;
  /** Resources rated so far. */
  resourcesRated: number;
  /** Entries skipped because their ARN or tags were malformed (logged, never fatal). */
  resourcesMalformed?: number;
}

/**
 * A scan of the configured accounts.
 *
 * @public
 */
export interface Scan {
  /** The scan id. */
  id: string;
  /** The account the scan collects. */
  accountId?: string;
  /** Its status. */
  status: ScanStatus;
  /** What started it. */
  trigger: 'schedule' | 'manual';
  /** Who started a manual scan (user entity ref). */
  requestedBy?: string;
  /** When it was created (ISO 8601). */
  createdAt: string;
  /** When it started running. */
  startedAt?: string;
  /** When it finished. */
  finishedAt?: string;
  /** Per account and region outcomes. */
  regions: ScanRegionOutcome[];
  /** Progress counters. */
  progress: ScanProgress;
  /** Why the scan failed as a whole. */
  error?: string;
}

/**
 * One point of a team's score history.
 *
 * @public
 */
export interface TeamScoreHistoryPoint {
  /** The scan. */
  scanId: string;
  /** When the scan completed (ISO 8601). */
  at: string;
  /** The team's score then. */
  score: number;
  /** Its grade then. */
  grade: Grade;
  /** Resources rated then. */
  resourceCount: number;
}

/**
 * The list of checks as the REST API serves it (built-in and extension checks).
 *
 * @public
 */
export interface CheckCatalogue {
  /** Every check, with its effective severity and whether it is enabled. */
  checks: Array<CheckDefinition & { enabled: boolean }>;
}
