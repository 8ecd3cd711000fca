import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from '../emulatorState';
import { accountForAccessKey } from '../sts/credentials';
import { parseSigV4Scope } from './auth';
import { AwsError } from './errors';
import { send, sendJsonError, sleep } from './http';
import { parseJsonBody, readSignedBody } from './json11';

/**
 * What sets one of the emulator's JSON 1.1 services (Tagging API, AWS Config,
 * Organizations) apart; `serveJson11` runs the steps they share.
 */
export interface Json11Service<Context> {
  /** The X-Amz-Target prefix, e.g. `StarlingDoveService.`. */
  targetPrefix: string;
  /** Each operation by name: the request body in, the response body out. */
  operations: Readonly<
    Record<string, (input: unknown, context: Context) => string>
  >;
  /** For a global service, the region its calls are counted, throttled and faulted in; otherwise the signing region is. */
  homeRegion?: string;
  /** The service's throttling error. */
  throttled(): AwsError;
  /** An injected fault (the fault injector words them as Tagging API errors) in the service's vocabulary. */
  asServiceError?(error: AwsError): AwsError;
  /** Whether the service's quota admits one more call. */
  allow(accountId: string, region: string, operation: string): boolean;
  /** What an operation runs with; may refuse the caller by throwing an `AwsError`. */
  contextFor(accountId: string, region: string, operation: string): Context;
  /** Writes an error response (default: `__type` and `message`). */
  sendError?(res: ServerResponse, error: AwsError, requestId: string): void;
}

/**
 * Answers one JSON 1.1 call: the signed body is read, then the injected
 * faults, the quota and the operation run in that order, as AWS applies
 * throttling before the call; every outcome is counted in the stats.
 */
export async function serveJson11<Context>(
  service: Json11Service<Context>,
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  requestId: string,
): Promise<void> {
  const scope = parseSigV4Scope(req.headers.authorization);
  const accountId = accountForAccessKey(
    scope?.accessKeyId,
    state.index.mainAccountId,
  );
  const region = service.homeRegion ?? scope?.region ?? 'us-east-1';
  const { targetPrefix, operations } = service;
  const known = target.startsWith(targetPrefix);
  const operation = known ? target.slice(targetPrefix.length) : target;
  try {
    const text = await readSignedBody(req, scope);
    // an own property only: `constructor` is no operation
    if (!known || !Object.hasOwn(operations, operation)) {
      throw new AwsError(
        'UnknownOperationException',
        `Unknown operation ${target}`,
      );
    }
    const fault = state.faults.decide(operation, region);
    if (fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault.error) {
      throw service.asServiceError?.(fault.error) ?? fault.error;
    }
    if (!service.allow(accountId, region, operation)) {
      throw service.throttled();
    }
    const body = operations[operation](
      parseJsonBody(text),
      service.contextFor(accountId, region, operation),
    );
    state.stats.record(accountId, region, operation, 'ok');
    send(res, 200, 'application/x-amz-json-1.1', body, {
      'x-amzn-RequestId': requestId,
    });
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    const throttledCode = service.throttled().code;
    state.stats.record(
      accountId,
      region,
      operation,
      error.code === throttledCode ? 'throttled' : 'error',
    );
    (service.sendError ?? sendJsonError)(res, error, requestId);
  }
}
