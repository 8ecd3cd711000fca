/**
 * Node.js library for the aws-ownership plugin: extension points for backend modules.
 *
 * @packageDocumentation
 */
export { awsOwnershipChecksExtensionPoint } from './extensions';
export type { AwsOwnershipChecksExtensionPoint } from './extensions';
export { awsOwnershipEvidenceExtensionPoint } from './evidence';
export type {
  AwsOwnershipEvidenceExtensionPoint,
  AwsOwnershipEvidenceProvider,
  EvidenceRecord,
  RegionEvidence,
} from './evidence';
