import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read scorecards, resources, checks, history and scans.
 *
 * @public
 */
export const awsOwnershipScorecardReadPermission = createPermission({
  name: 'aws-ownership.scorecard.read',
  attributes: { action: 'read' },
});

/**
 * Trigger a scan of the AWS accounts.
 *
 * @public
 */
export const awsOwnershipScanCreatePermission = createPermission({
  name: 'aws-ownership.scan.create',
  attributes: { action: 'create' },
});

/**
 * Take a review: freeze a scope's scorecard as a snapshot, and add action items to it.
 *
 * @public
 */
export const awsOwnershipReviewCreatePermission = createPermission({
  name: 'aws-ownership.review.create',
  attributes: { action: 'create' },
});

/**
 * Change an action item of a review (done, dropped, reopened, with a note).
 *
 * @public
 */
export const awsOwnershipActionUpdatePermission = createPermission({
  name: 'aws-ownership.action.update',
  attributes: { action: 'update' },
});

/**
 * The resource type of exemption permissions: the resource is an exemption's
 * id (or, for a request, the team it is requested for), so policies can
 * decide by ownership with the plugin's permission rules.
 *
 * @public
 */
export const AWS_OWNERSHIP_EXEMPTION_RESOURCE_TYPE = 'aws-ownership-exemption';

/**
 * Ask for an exemption for a team's resources.
 *
 * @public
 */
export const awsOwnershipExemptionRequestPermission = createPermission({
  name: 'aws-ownership.exemption.request',
  attributes: { action: 'create' },
  resourceType: AWS_OWNERSHIP_EXEMPTION_RESOURCE_TYPE,
});

/**
 * Approve a pending exemption.
 *
 * @public
 */
export const awsOwnershipExemptionApprovePermission = createPermission({
  name: 'aws-ownership.exemption.approve',
  attributes: { action: 'update' },
  resourceType: AWS_OWNERSHIP_EXEMPTION_RESOURCE_TYPE,
});

/**
 * Revoke a pending or active exemption.
 *
 * @public
 */
export const awsOwnershipExemptionRevokePermission = createPermission({
  name: 'aws-ownership.exemption.revoke',
  attributes: { action: 'delete' },
  resourceType: AWS_OWNERSHIP_EXEMPTION_RESOURCE_TYPE,
});

/**
 * Every permission of the plugin, for the permissions registry.
 *
 * @public
 */
export const awsOwnershipPermissions = [
  awsOwnershipScorecardReadPermission,
  awsOwnershipScanCreatePermission,
  awsOwnershipReviewCreatePermission,
  awsOwnershipActionUpdatePermission,
  awsOwnershipExemptionRequestPermission,
  awsOwnershipExemptionApprovePermission,
  awsOwnershipExemptionRevokePermission,
];
