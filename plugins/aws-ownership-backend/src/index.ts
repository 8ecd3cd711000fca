/**
 * The backend of the aws-ownership plugin.
 *
 * @packageDocumentation
 */
export { awsOwnershipPlugin as default } from './plugin';
export {
  awsOwnershipExemptionConditions,
  createAwsOwnershipExemptionConditionalDecision,
  exemptionPermissionResourceRef,
} from './exemptions/permissionRules';
export type {
  AwsOwnershipExemptionSubject,
  ExemptionQuery,
} from './exemptions/permissionRules';
