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
 * Every permission of the plugin, for the permissions registry.
 *
 * @public
 */
export const awsOwnershipPermissions = [
  awsOwnershipScorecardReadPermission,
  awsOwnershipScanCreatePermission,
  awsOwnershipReviewCreatePermission,
  awsOwnershipActionUpdatePermission,
];
