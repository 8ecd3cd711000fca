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
  /** One page of current resources. */
  listResources(query: ResourceListQuery): Promise<ApiResourcePage>;
  /** One current resource. */
  getResource(arn: string): Promise<ApiRatedResource>;
  /** Every current resource matching the query, page by page (for the export). */
  iterateResources(query: ResourceListQuery): AsyncIterable<RatedResource[]>;
  /** The checks in force. */
  listChecks(): ApiCheckInForce[];
  /** A team's score per snapshot, oldest first. */
  getHistory(entityRef: string, limit?: number): Promise<ApiHistoryPoint[]>;
  /** Scans, newest first. */
  listScans(options: {
    accountId?: string;
    limit?: number;
  }): Promise<ApiScan[]>;
  /** One scan. */
  getScan(id: string): Promise<ApiScan>;
  /** Requests a scan of the given (default: every) configured account now. */
  startScan(options: {
    accountIds?: string[];
    requestedBy?: string;
  }): Promise<ApiScan[]>;
}
