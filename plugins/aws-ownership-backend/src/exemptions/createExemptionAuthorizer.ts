import type {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { exemptionPermissionResourceRef } from './permissionRules';
import type { StoredExemption } from './types';

/** Decides one exemption permission for one exemption; throws NotAllowedError when denied. */
export type ExemptionAuthorizer = (
  permission: ResourcePermission<'aws-ownership-exemption'>,
  exemption: StoredExemption,
  credentials: BackstageCredentials,
) => Promise<void>;

/**
 * Asks the permission policy, and applies a conditional answer to the
 * exemption here (the exemption may not be stored yet: a request is decided
 * on the exemption it would create).
 */
export function createExemptionAuthorizer(options: {
  permissions: PermissionsService;
  permissionsRegistry: Pick<PermissionsRegistryService, 'getPermissionRuleset'>;
}): ExemptionAuthorizer {
  const applies = createConditionAuthorizer(
    options.permissionsRegistry.getPermissionRuleset(
      exemptionPermissionResourceRef,
    ),
  );
  return async (permission, exemption, credentials) => {
    const [decision] = await options.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    const allowed =
      decision.result === AuthorizeResult.CONDITIONAL
        ? applies(decision, exemption)
        : decision.result === AuthorizeResult.ALLOW;
    if (!allowed) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
  };
}
