/* eslint-disable new-cap -- openapi-fetch names its methods after the HTTP verbs (GET, POST) */
import type { components } from './openapi.generated';
import { createPortalClient, unwrap } from './createPortalClient';
import type { AwsOwnershipClientOptions } from './AwsOwnershipClient';

/**
 * A review: one scope's scorecard frozen at a moment, with its action items (REST shape).
 *
 * @public
 */
export type ApiReview = components['schemas']['Review'];
/**
 * A review as listed (REST shape).
 *
 * @public
 */
export type ApiReviewSummary = components['schemas']['ReviewSummary'];
/**
 * What changed since the previous review (REST shape).
 *
 * @public
 */
export type ApiReviewChanges = components['schemas']['ReviewChanges'];
/**
 * A review's fix list (REST shape).
 *
 * @public
 */
export type ApiReviewFixes = components['schemas']['ReviewFixes'];
/**
 * An action item of a review (REST shape).
 *
 * @public
 */
export type ApiActionItem = components['schemas']['ActionItem'];

/**
 * The review meetings' part of the aws-ownership REST API.
 *
 * @public
 */
export interface AwsOwnershipReviewsApi {
  /** Reviews, newest first; of one scope entity when given. */
  listReviews(query?: {
    entityRef?: string;
    limit?: number;
  }): Promise<ApiReviewSummary[]>;
  /** Freezes a scope's scorecard as a new review. */
  createReview(body: {
    entityRef: string;
    includeDescendants?: boolean;
    title?: string;
  }): Promise<ApiReview>;
  /** One review with its action items. */
  getReview(id: string): Promise<ApiReview>;
  /** One page of what changed since the previous review (or `since`). */
  getChanges(
    id: string,
    query?: { since?: string; cursor?: string; limit?: number },
  ): Promise<ApiReviewChanges>;
  /** The fixes, best score gained per resource touched first. */
  getFixes(id: string): Promise<ApiReviewFixes>;
  /** The briefing pack's URL (Markdown), for a download link. */
  getPackUrl(id: string): Promise<string>;
  /** The briefing pack as Markdown text. */
  getPack(id: string): Promise<string>;
  /** Adds an action item. */
  addAction(
    reviewId: string,
    body: {
      title: string;
      assignee: string;
      due?: string;
      arns?: string[];
      checkId?: string;
    },
  ): Promise<ApiActionItem>;
  /** Sets an action item's status and note. */
  updateAction(
    id: string,
    body: { status: ApiActionItem['status']; note?: string },
  ): Promise<ApiActionItem>;
}

/**
 * The typed client of the review routes (openapi-fetch over the generated
 * types, through the portal's `fetchApi`); a status other than 2xx rejects
 * with `ResponseError`.
 *
 * @public
 */
export class AwsOwnershipReviewsClient implements AwsOwnershipReviewsApi {
  private readonly discoveryApi: AwsOwnershipClientOptions['discoveryApi'];
  private readonly client;

  constructor(options: AwsOwnershipClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.client = createPortalClient(options.fetchApi);
  }

  private async baseUrl() {
    return this.discoveryApi.getBaseUrl('aws-ownership');
  }

  async listReviews(query?: { entityRef?: string; limit?: number }) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.GET('/reviews', { baseUrl, params: { query } }),
    ).items;
  }

  async createReview(body: {
    entityRef: string;
    includeDescendants?: boolean;
    title?: string;
  }) {
    const baseUrl = await this.baseUrl();
    return unwrap(await this.client.POST('/reviews', { baseUrl, body }));
  }

  async getReview(id: string) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.GET('/reviews/{id}', {
        baseUrl,
        params: { path: { id } },
      }),
    );
  }

  async getChanges(
    id: string,
    query?: { since?: string; cursor?: string; limit?: number },
  ) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.GET('/reviews/{id}/changes', {
        baseUrl,
        params: { path: { id }, query },
      }),
    );
  }

  async getFixes(id: string) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.GET('/reviews/{id}/fixes', {
        baseUrl,
        params: { path: { id } },
      }),
    );
  }

  async getPackUrl(id: string) {
    return `${await this.baseUrl()}/reviews/${encodeURIComponent(id)}/pack.md`;
  }

  async getPack(id: string) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.GET('/reviews/{id}/pack.md', {
        baseUrl,
        params: { path: { id } },
        parseAs: 'text',
      }),
    );
  }

  async addAction(
    reviewId: string,
    body: {
      title: string;
      assignee: string;
      due?: string;
      arns?: string[];
      checkId?: string;
    },
  ) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.POST('/reviews/{id}/actions', {
        baseUrl,
        params: { path: { id: reviewId } },
        body,
      }),
    );
  }

  async updateAction(
    id: string,
    body: { status: ApiActionItem['status']; note?: string },
  ) {
    const baseUrl = await this.baseUrl();
    return unwrap(
      await this.client.PATCH('/actions/{id}', {
        baseUrl,
        params: { path: { id } },
        body,
      }),
    );
  }
}
