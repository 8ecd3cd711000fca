import {
  ResourceGroupsTaggingAPIClient,
  ResourceGroupsTaggingAPIClientConfig,
} from '@aws-sdk/client-resource-groups-tagging-api';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import { RequestPacer } from './RequestPacer';

/** What a Tagging API client for one account and region needs. */
export interface TaggingClientOptions {
  region: string;
  credentials: ResourceGroupsTaggingAPIClientConfig['credentials'];
  endpoint?: string;
  maxAttempts: number;
  /** Paces every attempt, retries included. */
  pacer: RequestPacer;
  signal?: AbortSignal;
}

/**
 * A Tagging API client for one account and region: the SDK's adaptive retry
 * mode for throttling and server errors, and a pacer in front of every attempt
 * so that the client stays within the API's quota.
 */
export function createTaggingClient(
  options: TaggingClientOptions,
): ResourceGroupsTaggingAPIClient {
  const client = new ResourceGroupsTaggingAPIClient({
    region: options.region,
    credentials: options.credentials,
    endpoint: options.endpoint,
    maxAttempts: options.maxAttempts,
    retryMode: 'adaptive',
  });
  const pace: FinalizeRequestMiddleware<any, any> = next => async args => {
    await options.pacer.take(options.signal);
    return next(args);
  };
  client.middlewareStack.addRelativeTo(pace, {
    name: 'awsOwnershipPacer',
    relation: 'after',
    toMiddleware: 'retryMiddleware',
  });
  return client;
}
