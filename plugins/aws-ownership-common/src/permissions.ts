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
 * Every permission of the plugin, for the permissions registry.
 *
 * @public
 */
export const awsOwnershipPermissions = [
  awsOwnershipScorecardReadPermission,
  awsOwnershipScanCreatePermission,
];
