/**
 * Isomorphic rules of the aws-ownership plugins: resource model, ARN parsing,
 * classification, checklists, scores, permissions and API types.
 *
 * @packageDocumentation
 */

export { parseResourceArn, awsPartitions } from './arn/parseResourceArn';
export { InvalidArnError } from './arn/InvalidArnError';
export { buildResource } from './model/buildResource';
export { resourceName } from './model/resourceName';
export type {
  AwsResource,
  AwsTag,
  BuildResourceInput,
  OwnershipContext,
  ParsedArn,
  ResourceCompliance,
  ResponsibilityCategory,
} from './model/types';

export { classifyResourceType } from './classification/classifyResourceType';
export { classificationTable } from './classification/table';
export type { ClassificationEntry } from './classification/table';

export { severityWeights, severities } from './checks/severity';
export type { Severity } from './checks/severity';
export { checklistIds } from './checks/types';
export type {
  Check,
  CheckDefinition,
  CheckBasis,
  CheckInput,
  CheckOutcome,
  CheckResult,
  CheckStatus,
  ChecklistId,
  ResultExemption,
} from './checks/types';
export type { TagLookup } from './checks/tags';
export type { NamingSubject } from './checks/namingSubject';
export { builtinChecks } from './checks/builtinChecks';
export {
  checkDefinitions,
  checkIds,
  getCheckDefinition,
} from './checks/definitions';
export {
  tagResourcesCommand,
  untagResourcesCommand,
} from './checks/remediation';
export type { CommandTarget } from './checks/remediation';
export { maskSecretTags } from './checks/maskSecretTags';

export { evaluateResource } from './scoring/evaluateResource';
export { scoreTeam, createTeamScoreAccumulator } from './scoring/scoreTeam';
export type { TeamScoreAccumulator } from './scoring/scoreTeam';
export { scoreResults } from './scoring/scoreResults';
export type { ResultsScore } from './scoring/scoreResults';
export { nothingDoneValues } from './checks/responsibility';
export { factsFromConfigItem } from './evidence/factsFromConfigItem';
export {
  configEvidenceTypes,
  configEvidenceType,
} from './evidence/configEvidenceTypes';
export type { ConfigEvidenceType } from './evidence/configEvidenceTypes';
export type {
  ConfigItem,
  EvidenceFactName,
  EvidenceFacts,
  ResourceEvidence,
  ResultEvidence,
} from './evidence/types';
export { gradeForScore } from './scoring/grade';
export { rankFixes } from './scoring/rankFixes';
export type { RankedFix } from './scoring/rankFixes';
export type { Grade } from './scoring/grade';
export type {
  FailingCheck,
  ResourceRating,
  ScoreAndGrade,
  TeamScore,
  TeamScoreTotals,
} from './scoring/types';

export { defaultChecklistConfig } from './config/defaultChecklistConfig';
export {
  validateChecklistConfig,
  formatChecklistConfigErrors,
} from './config/validateChecklistConfig';
export type {
  ChecklistConfigError,
  ChecklistConfigValidation,
  ValidateChecklistConfigOptions,
} from './config/validateChecklistConfig';
export {
  resolveChecklistConfig,
  InvalidChecklistConfigError,
} from './config/resolveChecklistConfig';
export type {
  ChecklistConfig,
  PartialChecklistConfig,
  TagKeyStyle,
} from './config/types';

export { findTagByKeys } from './ownership/findTagByKeys';
export {
  createOwnershipResolver,
  ownerAliasesAnnotation,
} from './ownership/createOwnershipResolver';
export type {
  OwnershipResolver,
  OwnershipResolverOptions,
} from './ownership/createOwnershipResolver';
export { consoleUrl } from './console/consoleUrl';

export {
  AWS_OWNERSHIP_EXEMPTION_RESOURCE_TYPE,
  awsOwnershipExemptionApprovePermission,
  awsOwnershipExemptionRequestPermission,
  awsOwnershipExemptionRevokePermission,
  awsOwnershipPermissions,
  awsOwnershipScanCreatePermission,
  awsOwnershipScorecardReadPermission,
  awsOwnershipReviewCreatePermission,
  awsOwnershipActionUpdatePermission,
} from './permissions';

export { applyExemptions } from './exemptions/applyExemptions';
export { exemptionCovers } from './exemptions/exemptionCovers';
export type { SelectableResource } from './exemptions/exemptionCovers';
export { exemptionStatusAt } from './exemptions/exemptionStatusAt';
export {
  DEFAULT_EXEMPTION_MAX_DAYS,
  MIN_EXEMPTION_REASON_LENGTH,
  validateExemptionRequest,
} from './exemptions/validateExemptionRequest';
export type { ExemptionRequest } from './exemptions/validateExemptionRequest';
export { exemptionStatuses } from './exemptions/types';
export type {
  Exemption,
  ExemptionSelector,
  ExemptionStatus,
} from './exemptions/types';

export { unownedTeamRef } from './api/unownedTeamRef';

export { AwsOwnershipClient } from './client/AwsOwnershipClient';
export type {
  ApiCheckInForce,
  ApiEntityScorecard,
  ApiExemption,
  ApiExemptionEvent,
  ApiExemptionRequest,
  ExemptionListQuery,
  ApiGrade,
  ApiHistoryPoint,
  ApiRatedResource,
  ApiResourcePage,
  ApiScan,
  ApiScannedAccount,
  ApiScorecardList,
  ApiTeamScorecard,
  AwsOwnershipApi,
  AwsOwnershipClientOptions,
  ResourceListQuery,
  ScorecardListQuery,
} from './client/AwsOwnershipClient';
export { AwsOwnershipReviewsClient } from './client/AwsOwnershipReviewsClient';
export type {
  ApiActionItem,
  ApiReview,
  ApiReviewChanges,
  ApiReviewFixes,
  ApiReviewSummary,
  AwsOwnershipReviewsApi,
} from './client/AwsOwnershipReviewsClient';
export type {
  components as AwsOwnershipApiComponents,
  operations as AwsOwnershipApiOperations,
  paths as AwsOwnershipApiPaths,
} from './client/openapi.generated';
