export { awsOwnershipApiRef } from './AwsOwnershipApi';
