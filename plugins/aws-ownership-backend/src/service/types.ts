import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  CheckInForce,
  EntityScorecard,
  HistoryPoint,
  RatedResource,
  ResourceExportQuery,
  ResourceListQuery,
  ResourcePage,
  Scan,
  ScannedAccount,
  ScorecardList,
  ScorecardListQuery,
} from '../schema/types';

/** What the REST API serves; the router knows only this interface. */
export interface AwsOwnershipService {
  /** The accounts and regions in scope. */
  getAccounts(): Promise<ScannedAccount[]>;
  /** Every team with resources plus `unowned`, from the latest snapshot. */
  listScorecards(query: ScorecardListQuery): Promise<ScorecardList>;
  /** One Group (optionally with descendants), Component, System or `unowned`. */
  getScorecard(
    entityRef: string,
    options: {
      includeDescendants?: boolean;
      credentials: BackstageCredentials;
    },
  ): Promise<EntityScorecard>;
  /** One page of current resources; NotFoundError for an owner or component not in the catalog. */
  listResources(
    query: ResourceListQuery,
    credentials: BackstageCredentials,
  ): Promise<ResourcePage>;
  /** One current resource. */
  getResource(arn: string): Promise<RatedResource>;
  /** Every current resource matching the query, page by page (for the export). */
  iterateResources(
    query: ResourceExportQuery,
    credentials: BackstageCredentials,
  ): AsyncIterable<RatedResource[]>;
  /** The checks in force. */
  listChecks(): CheckInForce[];
  /** A team's score per snapshot, oldest first; NotFoundError for a Group not in the catalog. */
  getHistory(
    entityRef: string,
    options: { limit?: number; credentials: BackstageCredentials },
  ): Promise<HistoryPoint[]>;
  /** Scans, newest first. */
  listScans(options: { accountId?: string; limit?: number }): Promise<Scan[]>;
  /** One scan. */
  getScan(id: string): Promise<Scan>;
  /**
   * Requests a scan of the given (default: every) configured account now;
   * ScanRunningError (a ConflictError) when one of them is being scanned.
   */
  startScan(options: {
    accountIds?: string[];
    requestedBy?: string;
  }): Promise<Scan[]>;
}
