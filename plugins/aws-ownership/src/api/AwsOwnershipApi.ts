import { createApiRef } from '@backstage/core-plugin-api';
import type { AwsOwnershipApi } from '@aws-ownership/backstage-plugin-common';

/**
 * The ApiRef of the aws-ownership REST API client (`AwsOwnershipApi` from
 * `@aws-ownership/backstage-plugin-common`).
 *
 * @public
 */
export const awsOwnershipApiRef = createApiRef<AwsOwnershipApi>({
  id: 'plugin.aws-ownership.service',
});
