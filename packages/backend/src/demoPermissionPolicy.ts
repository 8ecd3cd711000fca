/*
 * The demo's permission policy: everything is allowed, except exemptions.
 * The owning team's members request and revoke their team's exemptions;
 * members of the `platform` Group approve, revoke and request any, but a
 * team never approves its own critical exemptions.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  awsOwnershipExemptionApprovePermission,
  awsOwnershipExemptionRequestPermission,
  awsOwnershipExemptionRevokePermission,
} from '@aws-ownership/backstage-plugin-common';
import {
  awsOwnershipExemptionConditions as conditions,
  createAwsOwnershipExemptionConditionalDecision as conditional,
} from '@aws-ownership/backstage-plugin-backend';

/** The Group whose members approve exemptions. */
export const APPROVER_GROUP = 'group:default/platform';

/** The demo policy (see the file comment). */
export class DemoPermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const isExemption =
      isPermission(permission, awsOwnershipExemptionRequestPermission) ||
      isPermission(permission, awsOwnershipExemptionApprovePermission) ||
      isPermission(permission, awsOwnershipExemptionRevokePermission);
    // services (and everything but exemptions) are trusted in the demo
    if (!isExemption || !user) return { result: AuthorizeResult.ALLOW };
    const refs = user.info.ownershipEntityRefs ?? [];
    const approver = refs.includes(APPROVER_GROUP);
    const ownTeam = conditions.isRequestedForTeam({ teamRefs: refs });
    if (isPermission(permission, awsOwnershipExemptionApprovePermission)) {
      if (!approver) return { result: AuthorizeResult.DENY };
      return conditional(permission, {
        not: { allOf: [conditions.isCritical(), ownTeam] },
      });
    }
    if (approver) return { result: AuthorizeResult.ALLOW };
    if (
      isPermission(permission, awsOwnershipExemptionRequestPermission) ||
      isPermission(permission, awsOwnershipExemptionRevokePermission)
    ) {
      return conditional(permission, ownTeam);
    }
    return { result: AuthorizeResult.DENY };
  }
}

/** Installs `DemoPermissionPolicy` in the permission backend. */
export const demoPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'demo-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new DemoPermissionPolicy());
      },
    });
  },
});
