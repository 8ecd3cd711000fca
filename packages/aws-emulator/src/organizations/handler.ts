import type { EmulatorState } from '../emulatorState';
import type { Json11Service } from '../protocol/json11Service';
import {
  asOrganizationsError,
  notInUse,
  sendOrganizationsError,
  tooManyRequests,
} from './errors';
import {
  ORGANIZATIONS_OPERATIONS,
  type OrganizationsContext,
} from './operations';

/** The X-Amz-Target prefix of AWS Organizations. */
export const ORGANIZATIONS_TARGET_PREFIX = 'AWSOrganizationsV20161128.';

/** Organizations is a global service hosted in us-east-1: its calls are counted, throttled and faulted there. */
export const ORGANIZATIONS_REGION = 'us-east-1';

/** AWS Organizations (JSON 1.1): faults, then the quota, then membership and the operation. */
export function organizationsApi(
  state: EmulatorState,
): Json11Service<OrganizationsContext> {
  return {
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
  };
}
