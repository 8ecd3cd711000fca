/* eslint-disable new-cap -- openapi-fetch names its methods after the HTTP verbs (GET, POST) */
import type { components, operations } from './openapi.generated';
import { createPortalClient, unwrap } from './createPortalClient';

/**
 * A letter grade, A to F (REST shape).
 *
 * @public
 */
export type ApiGrade = components['schemas']['Grade'];

/**
 * A team's scorecard in the leaderboard (REST shape).
 *
 * @public
 */
export type ApiTeamScorecard = components['schemas']['TeamScorecard'];
/**
 * The leaderboard with the snapshot time and stale regions (REST shape).
 *
 * @public
 */
export type ApiScorecardList = components['schemas']['ScorecardList'];
/**
 * One Group, Component, System or `unowned` scorecard (REST shape).
 *
 * @public
 */
export type ApiEntityScorecard = components['schemas']['EntityScorecard'];
/**
 * A rated resource (REST shape).
 *
 * @public
 */
export type ApiRatedResource = components['schemas']['RatedResource'];
/**
 * A page of rated resources (REST shape).
 *
 * @public
 */
export type ApiResourcePage = components['schemas']['ResourcePage'];
/**
 * A check in force (REST shape).
 *
 * @public
 */
export type ApiCheckInForce = components['schemas']['CheckInForce'];
/**
 * A point of a score history (REST shape).
 *
 * @public
 */
export type ApiHistoryPoint = components['schemas']['HistoryPoint'];
/**
 * A scan (REST shape).
 *
 * @public
 */
export type ApiScan = components['schemas']['Scan'];
/**
 * An account in scope (REST shape).
 *
 * @public
 */
export type ApiScannedAccount = components['schemas']['ScannedAccount'];
/**
 * The query of `GET /resources` and `GET /export.csv`.
 *
 * @public
 */
export type ResourceListQuery = NonNullable<
  operations['ListResources']['parameters']['query']
>;
/**
 * The query of `GET /scorecards`.
 *
 * @public
 */
export type ScorecardListQuery = NonNullable<
  operations['ListScorecards']['parameters']['query']
>;

/**
 * Where the backend is and how to call it with the signed-in user's credentials.
 *
 * @public
 */
export interface AwsOwnershipClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

/**
 * The aws-ownership REST API as the frontend and other tools read it.
 *
 * @public
 */
export interface AwsOwnershipApi {
  /** The accounts and regions in scope. */
  getAccounts(): Promise<ApiScannedAccount[]>;
  /** The leaderboard: every team with resources and the unowned bucket. */
  listScorecards(query?: ScorecardListQuery): Promise<ApiScorecardList>;
  /** One Group (optionally with its descendants), Component, System or `unowned`. */
  getScorecard(
    entityRef: string,
    options?: { includeDescendants?: boolean },
  ): Promise<ApiEntityScorecard>;
  /** One page of current resources. */
  listResources(query?: ResourceListQuery): Promise<ApiResourcePage>;
  /** One resource by ARN with every check result. */
  getResource(arn: string): Promise<ApiRatedResource>;
  /** The checks in force. */
  listChecks(): Promise<ApiCheckInForce[]>;
  /** A team's score per snapshot, oldest first. */
  getHistory(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<ApiHistoryPoint[]>;
  /** The resources view as CSV text. */
  exportResourcesCsv(query?: ResourceListQuery): Promise<string>;
  /** Scans, newest first. */
  listScans(options?: {
    accountId?: string;
    limit?: number;
  }): Promise<ApiScan[]>;
  /** One scan. */
  getScan(id: string): Promise<ApiScan>;
  /** Starts a scan of every configured account, or of those named. */
  startScan(options?: { accountIds?: string[] }): Promise<ApiScan[]>;
  /** Requests an exemption; it waits as pending until approved. */
  requestExemption(request: ApiExemptionRequest): Promise<ApiExemption>;
  /** Exemptions, soonest-expiring first. */
  listExemptions(query?: ExemptionListQuery): Promise<ApiExemption[]>;
  /** Approves a pending exemption. */
  approveExemption(id: string): Promise<ApiExemption>;
  /** Revokes a pending or active exemption. */
  revokeExemption(id: string): Promise<ApiExemption>;
  /** One exemption's audit list, oldest first. */
  listExemptionEvents(id: string): Promise<ApiExemptionEvent[]>;
}

/**
 * An exemption as the API serves it.
 *
 * @public
 */
export type ApiExemption = components['schemas']['Exemption'];

/**
 * One change of an exemption.
 *
 * @public
 */
export type ApiExemptionEvent = components['schemas']['ExemptionEvent'];

/**
 * What `requestExemption` sends.
 *
 * @public
 */
export type ApiExemptionRequest = components['schemas']['ExemptionRequest'];

/**
 * Which exemptions `listExemptions` asks for.
 *
 * @public
 */
export type ExemptionListQuery = NonNullable<
  operations['ListExemptions']['parameters']['query']
>;

/**
 * The typed client of the aws-ownership REST API: openapi-fetch over the
 * types generated from the backend's OpenAPI document, calling through the
 * portal's `fetchApi` (which adds the user's token). A status other than
 * 2xx rejects with `ResponseError` from `@backstage/errors`.
 *
 * @public
 */
export class AwsOwnershipClient implements AwsOwnershipApi {
  private readonly discoveryApi: AwsOwnershipClientOptions['discoveryApi'];
  private readonly client;

  constructor(options: AwsOwnershipClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.client = createPortalClient(options.fetchApi);
  }

  private async baseUrl() {
    return this.discoveryApi.getBaseUrl('aws-ownership');
  }

  async getAccounts() {
    const baseUrl = await this.baseUrl();
    return unwrap(await this.client.GET('/accounts', { baseUrl })).items;
  }

  async listScorecards(query?: ScorecardListQuery) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.GET('/scorecards', { baseUrl, params: { query } }),
    );
  }

  async getScorecard(
    entityRef: string,
    options?: { includeDescendants?: boolean },
  ) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.GET('/scorecards/{entityRef}', {
        baseUrl,
        params: { path: { entityRef }, query: options },
      }),
    );
  }

  async listResources(query?: ResourceListQuery) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.GET('/resources', { baseUrl, params: { query } }),
    );
  }

  async getResource(arn: string) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.GET('/resources/{arn}', {
        baseUrl,
        params: { path: { arn } },
      }),
    );
  }

  async listChecks() {
    const baseUrl = await this.baseUrl();
    return unwrap(await this.client.GET('/checks', { baseUrl })).checks;
  }

  async getHistory(entityRef: string, options?: { limit?: number }) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.GET('/history/{entityRef}', {
        baseUrl,
        params: { path: { entityRef }, query: options },
      }),
    ).items;
  }

  async exportResourcesCsv(query?: ResourceListQuery) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.GET('/export.csv', {
        baseUrl,
        params: { query },
        parseAs: 'text',
      }),
    );
  }

  async listScans(options?: { accountId?: string; limit?: number }) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.GET('/scans', { baseUrl, params: { query: options } }),
    ).items;
  }

  async getScan(id: string) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.GET('/scans/{id}', {
        baseUrl,
        params: { path: { id } },
      }),
    );
  }

  async startScan(options?: { accountIds?: string[] }) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.POST('/scans', { baseUrl, body: options ?? {} }),
    ).items;
  }

  async requestExemption(request: ApiExemptionRequest) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.POST('/exemptions', { baseUrl, body: request }),
    );
  }

  async listExemptions(query?: ExemptionListQuery) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.GET('/exemptions', { baseUrl, params: { query } }),
    ).items;
  }

  async approveExemption(id: string) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.POST('/exemptions/{id}/approve', {
        baseUrl,
        params: { path: { id } },
      }),
    );
  }

  async revokeExemption(id: string) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.POST('/exemptions/{id}/revoke', {
        baseUrl,
        params: { path: { id } },
      }),
    );
  }

  async listExemptionEvents(id: string) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.GET('/exemptions/{id}/events', {
        baseUrl,
        params: { path: { id } },
      }),
    ).items;
  }
}
