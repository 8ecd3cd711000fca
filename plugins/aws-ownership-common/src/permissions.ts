import { createPermission } from '@backstage/plugin-permission-common';

/** Read scorecards, resources, checks, history and scans. */
export const awsOwnershipScorecardReadPermission = createPermission({
  name: 'aws-ownership.scorecard.read',
  attributes: { action: 'read' },
});

/** Trigger a scan of the AWS accounts. */
export const awsOwnershipScanCreatePermission = createPermission({
  name: 'aws-ownership.scan.create',
  attributes: { action: 'create' },
});

/** Every permission of the plugin, for the permissions registry. */
export const awsOwnershipPermissions = [
  awsOwnershipScorecardReadPermission,
  awsOwnershipScanCreatePermission,
];
