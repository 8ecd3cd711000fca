import {
  ConfigServiceClient,
  ConfigServiceClientConfig,
} from '@aws-sdk/client-config-service';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import { RequestPacer } from '../collector/RequestPacer';

/** What an AWS Config client for one account and region needs. */
export interface ConfigClientOptions {
  region: string;
  credentials: ConfigServiceClientConfig['credentials'];
  endpoint?: string;
  maxAttempts: number;
  /** Paces every attempt, retries included. */
  pacer: RequestPacer;
  signal?: AbortSignal;
}

/**
 * An AWS Config client for one account and region, built like the Tagging
 * API's: adaptive retries, and a pacer in front of every attempt.
 */
export function createConfigClient(
  options: ConfigClientOptions,
): ConfigServiceClient {
  const client = new ConfigServiceClient({
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
