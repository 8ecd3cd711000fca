export { awsOwnershipApiRef } from './AwsOwnershipApi';
export { awsOwnershipReviewsApiRef } from './reviewsApi';
