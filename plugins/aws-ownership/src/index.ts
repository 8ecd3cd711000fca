/**
 * The frontend of the aws-ownership plugin (legacy frontend system; the new
 * frontend system is in `@aws-ownership/backstage-plugin/alpha`).
 *
 * @packageDocumentation
 */
export {
  awsOwnershipPlugin,
  AwsOwnershipReviewPage,
  AwsOwnershipReviewMeetingPage,
  EntityAwsOwnershipContent,
  EntityAwsResourcesContent,
  EntityAwsOwnershipCard,
} from './plugin';
export {
  isAwsOwnershipGroup,
  isAwsOwnershipResourceHolder,
  isAwsOwnershipSummaryAvailable,
} from './entityKinds';
export { awsOwnershipApiRef, awsOwnershipReviewsApiRef } from './api';
export { AwsOwnershipClient } from '@aws-ownership/backstage-plugin-common';
export type {
  AwsOwnershipApi,
  ApiCheckInForce,
  ApiEntityScorecard,
  ApiHistoryPoint,
  ApiRatedResource,
  ApiResourcePage,
  ApiScan,
  ApiScannedAccount,
  ApiScorecardList,
  ApiTeamScorecard,
  ResourceListQuery,
} from '@aws-ownership/backstage-plugin-common';
