import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { AWS_OWNERSHIP_EXEMPTION_RESOURCE_TYPE } from '@aws-ownership/backstage-plugin-common';
import { z } from 'zod';

/**
 * What an exemption rule narrows a query to (the plugin filters no lists by it).
 *
 * @public
 */
export type ExemptionQuery = { teamRefs: string[] } | { severities: string[] };

/**
 * What the exemption permission rules read of an exemption (the resource is
 * the stored exemption, or for a request the exemption as it would be stored).
 * Written out rather than derived from the API model, so the public API names
 * exactly what policies may rely on.
 *
 * @public
 */
export interface AwsOwnershipExemptionSubject {
  /** The Group the exemption is requested for. */
  teamRef?: string;
  /** The severity the exempted check is rated with. */
  severity: 'critical' | 'high' | 'medium' | 'low';
}

/**
 * The exemption resource type.
 *
 * @public
 */
export const exemptionPermissionResourceRef = createPermissionResourceRef<
  AwsOwnershipExemptionSubject,
  ExemptionQuery
>().with({
  pluginId: 'aws-ownership',
  resourceType: AWS_OWNERSHIP_EXEMPTION_RESOURCE_TYPE,
});

/** Allow when the exemption is requested for one of the given teams (e.g. the user's ownership refs). */
const isRequestedForTeam = createPermissionRule({
  name: 'IS_REQUESTED_FOR_TEAM',
  description:
    "Allow when the exemption is for one of the given teams' resources",
  resourceRef: exemptionPermissionResourceRef,
  paramsSchema: z.object({
    teamRefs: z
      .array(z.string())
      .describe('Group refs, e.g. the ownership refs of the user'),
  }),
  apply: (exemption, { teamRefs }) =>
    exemption.teamRef !== undefined &&
    teamRefs
      .map(ref => ref.toLocaleLowerCase('en-US'))
      .includes(exemption.teamRef.toLocaleLowerCase('en-US')),
  toQuery: ({ teamRefs }) => ({ teamRefs }),
});

/** Allow when the exempted check is rated critical. */
const isCritical = createPermissionRule({
  name: 'IS_CRITICAL',
  description: 'Allow when the exempted check is critical',
  resourceRef: exemptionPermissionResourceRef,
  apply: exemption => exemption.severity === 'critical',
  toQuery: () => ({ severities: ['critical'] }),
});

/** Every exemption permission rule, for the permissions registry. */
export const exemptionPermissionRules = { isRequestedForTeam, isCritical };

const exports = createConditionExports({
  resourceRef: exemptionPermissionResourceRef,
  rules: exemptionPermissionRules,
});

/**
 * Conditions a permission policy can put on exemption permissions:
 * `isRequestedForTeam({ teamRefs })` and `isCritical()`.
 *
 * @public
 */
export const awsOwnershipExemptionConditions = exports.conditions;

/**
 * Wraps conditions into a conditional decision for an exemption permission.
 *
 * @public
 */
export const createAwsOwnershipExemptionConditionalDecision =
  exports.createConditionalDecision;
