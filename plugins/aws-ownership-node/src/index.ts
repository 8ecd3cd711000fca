/**
 * Node.js library for the aws-ownership plugin: extension points for backend modules.
 *
 * @packageDocumentation
 */
export { awsOwnershipChecksExtensionPoint } from './extensions';
export type { AwsOwnershipChecksExtensionPoint } from './extensions';
