import { createApiRef } from '@backstage/core-plugin-api';
import type { AwsOwnershipReviewsApi } from '@aws-ownership/backstage-plugin-common';

/**
 * The ApiRef of the review meetings' REST client (`AwsOwnershipReviewsApi`).
 *
 * @public
 */
export const awsOwnershipReviewsApiRef = createApiRef<AwsOwnershipReviewsApi>({
  id: 'plugin.aws-ownership.reviews',
});
