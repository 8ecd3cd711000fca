import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from '../emulatorState';
import { serveJson11 } from '../protocol/json11Service';
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
  await serveJson11(
    {
      targetPrefix: ORGANIZATIONS_TARGET_PREFIX,
      operations: ORGANIZATIONS_OPERATIONS,
      homeRegion: ORGANIZATIONS_REGION,
      throttled: tooManyRequests,
      asServiceError: asOrganizationsError,
      allow: (caller, region, operation) =>
        state.quota.allow(caller, region, operation),
      contextFor: (caller, _region, operation) => {
        const model = state.organization;
        if (!model || !model.isMember(caller)) throw notInUse();
        return { model, caller, operation };
      },
      sendError: sendOrganizationsError,
    },
    state,
    req,
    res,
    target,
    requestId,
  );
}
