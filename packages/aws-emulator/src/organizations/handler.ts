import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from '../emulatorState';
import { AwsError } from '../protocol/errors';
import { parseSigV4Scope } from '../protocol/auth';
import { send, sleep } from '../protocol/http';
import { parseJsonBody, readSignedBody } from '../protocol/json11';
import { accountForAccessKey } from '../sts/credentials';
import {
  asOrganizationsError,
  notInUse,
  sendOrganizationsError,
  tooManyRequests,
} from './errors';
import { ORGANIZATIONS_OPERATIONS } from './operations';

/** The X-Amz-Target prefix of AWS Organizations. */
export const ORGANIZATIONS_TARGET_PREFIX = 'AWSOrganizationsV20161128.';

/** Organizations is a global service hosted in us-east-1: its calls are counted, throttled and faulted there. */
export const ORGANIZATIONS_REGION = 'us-east-1';

/** Answers one AWS Organizations call (JSON 1.1): faults, then the quota, then membership and the operation. */
export async function handleOrganizations(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  requestId: string,
): Promise<void> {
  const scope = parseSigV4Scope(req.headers.authorization);
  const caller = accountForAccessKey(
    scope?.accessKeyId,
    state.index.mainAccountId,
  );
  const region = ORGANIZATIONS_REGION;
  const operation = target.slice(ORGANIZATIONS_TARGET_PREFIX.length);
  try {
    const text = await readSignedBody(req, scope);
    const run = Object.hasOwn(ORGANIZATIONS_OPERATIONS, operation)
      ? ORGANIZATIONS_OPERATIONS[operation]
      : undefined;
    if (!run) {
      throw new AwsError(
        'UnknownOperationException',
        `Unknown operation ${target}`,
      );
    }
    const fault = state.faults.decide(operation, region);
    if (fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault.error) throw asOrganizationsError(fault.error);
    if (!state.quota.allow(caller, region, operation)) {
      throw tooManyRequests();
    }
    const model = state.organization;
    if (!model || !model.isMember(caller)) throw notInUse();
    const body = run(parseJsonBody(text), { model, caller, operation });
    state.stats.record(caller, region, operation, 'ok');
    send(res, 200, 'application/x-amz-json-1.1', body, {
      'x-amzn-RequestId': requestId,
    });
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    state.stats.record(
      caller,
      region,
      operation,
      error.code === 'TooManyRequestsException' ? 'throttled' : 'error',
    );
    sendOrganizationsError(res, error, requestId);
  }
}
