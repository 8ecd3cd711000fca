import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  ApiCheckInForce,
  ApiEntityScorecard,
  ApiHistoryPoint,
  ApiRatedResource,
  ApiResourcePage,
  ApiScan,
  ApiScannedAccount,
  ApiScorecardList,
  RatedResource,
  ResourceListQuery,
  ScorecardListQuery,
} from '@aws-ownership/backstage-plugin-common';

/** What the REST API serves; the router knows only this interface. */
export interface AwsOwnershipService {
  /** The accounts and regions in scope. */
  getAccounts(): Promise<ApiScannedAccount[]>;
  /** Every team with resources plus `unowned`, from the latest snapshot. */
  listScorecards(query: ScorecardListQuery): Promise<ApiScorecardList>;
  /** One Group (optionally with descendants), Component, System or `unowned`. */
  getScorecard(
    entityRef: string,
    options: {
      includeDescendants?: boolean;
      credentials: BackstageCredentials;
    },
  ): Promise<ApiEntityScorecard>;
  /** One page of current resources; NotFoundError for an owner or component not in the catalog. */
  listResources(
    query: ResourceListQuery,
    credentials: BackstageCredentials,
  ): Promise<ApiResourcePage>;
  /** One current resource. */
  getResource(arn: string): Promise<ApiRatedResource>;
  /** Every current resource matching the query, page by page (for the export). */
  iterateResources(
    query: ResourceListQuery,
    credentials: BackstageCredentials,
  ): AsyncIterable<RatedResource[]>;
  /** The checks in force. */
  listChecks(): ApiCheckInForce[];
  /** A team's score per snapshot, oldest first; NotFoundError for a Group not in the catalog. */
  getHistory(
    entityRef: string,
    options: { limit?: number; credentials: BackstageCredentials },
  ): Promise<ApiHistoryPoint[]>;
  /** Scans, newest first. */
  listScans(options: {
    accountId?: string;
    limit?: number;
  }): Promise<ApiScan[]>;
  /** One scan. */
  getScan(id: string): Promise<ApiScan>;
  /**
   * Requests a scan of the given (default: every) configured account now;
   * ScanRunningError (a ConflictError) when one of them is being scanned.
   */
  startScan(options: {
    accountIds?: string[];
    requestedBy?: string;
  }): Promise<ApiScan[]>;
}
