import type { CompiledAllowedValues } from '../config/compileChecklistConfig';
import { hasPrefix } from './keyShape';
import { outcome } from './outcome';
import {
  backupTypes,
  dataStoreTypes,
  patchableTypes,
  servingOrStatefulTypes,
} from '../classification/typeSets';
import { placeholderFor, tagResourceCommand } from './remediation';
import { displayValue } from './secrets';
import { firstPresent, isBlank, listConfigWords } from './tagHelpers';
import {
  displayTaggedValue,
  displayTagValue,
  tagArrays,
  tagScanOf,
} from './tagIndex';
import { keyFlag } from './tagScan';
import type { Check, CheckInput, CheckOutcome } from './types';

const na = (message: string): CheckOutcome =>
  outcome('not-applicable', message);
const pass = (message: string): CheckOutcome => outcome('pass', message);

function failWithTag(
  input: CheckInput,
  message: string,
  advice: string,
  key: string,
  value = placeholderFor(key),
): CheckOutcome {
  const command = tagResourceCommand(input.resource, key, value);
  return outcome('fail', message, `${advice}: ${command}`, command);
}

/** The owner tag: the context's, or (when the caller left it out) the first owner tag key present. */
export function ownerTagOf(
  input: CheckInput,
): { key: string; value: string } | undefined {
  const fromContext = input.context.ownerTag;
  if (fromContext && !isBlank(fromContext.value)) return fromContext;
  if (fromContext) return undefined;
  const found = firstPresent(input.tags, input.config.ownership.ownerTagKeys);
  return found ? { key: found[0], value: found[1] } : undefined;
}

function dataClassification(input: CheckInput): string | undefined {
  const value = input.tags.get(
    input.config.responsibility.dataClassificationTagKey,
  );
  return value === undefined ? undefined : value.trim();
}

const isPlaceholder = (input: CheckInput, value: string) =>
  input.compiled.placeholderValues.has(value.trim().toLowerCase());

/** `responsibility.owner-assigned`: an owner tag is present. */
export const ownerAssignedCheck: Check = {
  id: 'responsibility.owner-assigned',
  checklist: 'responsibility',
  title: 'Owner assigned',
  description:
    'A resource whose accountable team cannot be named is the root failure: every other responsibility is then nobody\u2019s.',
  severity: 'critical',
  appliesTo: 'All resources.',
  remediation:
    'Tag the resource with its owning team (ownership.ownerTagKeys, default owner or team).',
  evaluate(input) {
    const tag = ownerTagOf(input);
    if (tag) {
      return pass(
        `Owner tag ${tag.key}=${displayTaggedValue(input, tag.key, tag.value)}`,
      );
    }
    const keys = input.config.ownership.ownerTagKeys;
    const key = keys[0] ?? 'owner';
    return failWithTag(
      input,
      `No owner tag (looked for ${listConfigWords(keys, 'or')})`,
      'Tag it with the owning team\u2019s catalog Group name',
      key,
    );
  },
};

/** `responsibility.owner-resolves`: the owner tag resolves to a catalog Group. */
export const ownerResolvesCheck: Check = {
  id: 'responsibility.owner-resolves',
  checklist: 'responsibility',
  title: 'Owner is a catalog team',
  description:
    'An owner tag that names no Group in the catalog (a renamed or dissolved team, a typo) is a dangling owner: nobody.',
  severity: 'critical',
  appliesTo: 'Resources with an owner tag.',
  remediation:
    'Set the tag to a Group\u2019s name or entity ref, or list the value in the Group\u2019s aws-ownership/owner-aliases annotation.',
  evaluate(input) {
    const tag = ownerTagOf(input);
    if (!tag) return na('No owner tag to resolve');
    const shown = `${tag.key}=${displayTaggedValue(input, tag.key, tag.value)}`;
    if (input.context.ownerRef) {
      return pass(`Owner tag ${shown} resolves to ${input.context.ownerRef}`);
    }
    const command = tagResourceCommand(input.resource, tag.key, 'GROUP_NAME');
    return outcome(
      'fail',
      `Owner tag ${shown} matches no catalog Group`,
      `Point the tag at a catalog Group (${command}), or add "${displayValue(
        tag.value,
      )}" to that Group\u2019s aws-ownership/owner-aliases annotation.`,
      command,
    );
  },
};

/** `responsibility.escalation`: an escalation path exists, by tag or on the owning Group. */
export const escalationCheck: Check = {
  id: 'responsibility.escalation',
  checklist: 'responsibility',
  title: 'Escalation path',
  description:
    'When the resource breaks at night someone must be paged: an on-call tag, or an on-call annotation on the owning Group.',
  severity: 'medium',
  appliesTo: 'All resources.',
  remediation:
    'Annotate the owning Group with pagerduty.com/service-id or opsgenie.com/team, or tag the resource with its on-call rotation.',
  evaluate(input) {
    const tag = firstPresent(
      input.tags,
      input.config.responsibility.escalationTagKeys,
    );
    if (tag) {
      return pass(`Escalation tag ${tag[0]}=${displayTagValue(input, tag[1])}`);
    }
    if (input.context.ownerHasEscalation) {
      const group = input.context.ownerRef
        ? `The owning Group ${input.context.ownerRef}`
        : 'The owning Group';
      return pass(`${group} carries an on-call annotation`);
    }
    const keys = input.config.responsibility.escalationTagKeys;
    const annotations = input.config.responsibility.escalationAnnotations;
    const where = input.context.ownerRef
      ? `Annotate ${input.context.ownerRef} with ${listConfigWords(
          annotations,
        )}, or tag the resource`
      : 'Tag the resource with its on-call rotation';
    return failWithTag(
      input,
      `No escalation path: no ${listConfigWords(keys, 'or')} tag${
        input.context.ownerRef
          ? ` and ${input.context.ownerRef} has no on-call annotation`
          : ''
      }`,
      where,
      keys[0] ?? 'oncall',
    );
  },
};

let allowedFor: CompiledAllowedValues | undefined;
let allowedText = '';

/** ` (one of a, b, c)` for a data-classification rule, or '' without one (remembered for the last rule). */
function allowedClassifications(
  rule: CompiledAllowedValues | undefined,
): string {
  if (rule === undefined) return '';
  if (rule !== allowedFor) {
    allowedText = ` (one of ${rule.values.join(', ')})`;
    allowedFor = rule;
  }
  return allowedText;
}

/** `responsibility.data-classification`: data stores declare an allowed data classification. */
export const dataClassificationCheck: Check = {
  id: 'responsibility.data-classification',
  checklist: 'responsibility',
  title: 'Data classified',
  description:
    'The customer owns its data in every category of the Shared Responsibility Model: each data store says how sensitive its data is.',
  severity: 'high',
  appliesTo:
    'Data stores: S3, DynamoDB, RDS db/cluster, EBS volume/snapshot, EFS, FSx, ElastiCache, MemoryDB, OpenSearch, Redshift, Kinesis, SQS, SNS, Secrets Manager, Backup vault, Glacier.',
  remediation: 'Tag the data store with its data classification.',
  evaluate(input) {
    if (!dataStoreTypes.has(input.resource.resourceType)) {
      return na(`${input.resource.resourceType} is not a data store`);
    }
    const key = input.config.responsibility.dataClassificationTagKey;
    const rule = input.compiled.allowedValuesByKey.get(key.toLowerCase());
    const value = dataClassification(input);
    const writtenKey = input.tags.keyOf(key) ?? key;
    if (value === undefined || value === '') {
      const allowed = allowedClassifications(rule);
      return failWithTag(
        input,
        `Data store without a ${key} tag`,
        `Classify its data${allowed}`,
        writtenKey,
      );
    }
    if (rule && !rule.valueSet.has(value)) {
      const allowed = allowedClassifications(rule);
      const suggestion = rule.byLower.get(value.toLowerCase());
      return failWithTag(
        input,
        `${writtenKey}=${displayValue(
          value,
        )} is not an allowed classification${allowed}`,
        suggestion
          ? `Use "${suggestion}"`
          : `Use an allowed classification${allowed}`,
        writtenKey,
        suggestion ?? placeholderFor(key),
      );
    }
    return pass(
      `Data classified as ${writtenKey}=${displayTaggedValue(
        input,
        key,
        value,
      )}`,
    );
  },
};

/** `responsibility.backup`: stateful infrastructure and container resources say how they are backed up. */
export const backupCheck: Check = {
  id: 'responsibility.backup',
  checklist: 'responsibility',
  title: 'Backup declared',
  description:
    'For infrastructure and container services the customer owns backups: each stateful resource says which plan protects it; "none" is accepted only for public data.',
  severity: 'high',
  appliesTo:
    'EC2 instances, EBS volumes, RDS instances and clusters, EFS and FSx file systems, DynamoDB tables.',
  remediation:
    'Attach the resource to an AWS Backup plan and tag it with the plan (backup or backup-plan).',
  evaluate(input) {
    if (!backupTypes.has(input.resource.resourceType)) {
      return na(
        `${input.resource.resourceType} holds no state the customer backs up`,
      );
    }
    const keys = input.config.responsibility.backupTagKeys;
    const tag = firstPresent(input.tags, keys);
    if (!tag) {
      return failWithTag(
        input,
        `No backup tag (looked for ${listConfigWords(keys, 'or')})`,
        'Tag it with the backup plan that protects it',
        keys[0] ?? 'backup',
      );
    }
    const [key, value] = tag;
    const lower = value.trim().toLowerCase();
    if (lower === 'none') {
      const classification = dataClassification(input);
      if (classification?.toLowerCase() === 'public') {
        return pass(`${key}=none accepted: its data is classified public`);
      }
      return failWithTag(
        input,
        `${key}=none but the data is ${
          classification
            ? `classified ${displayValue(classification)}`
            : 'not classified public'
        }`,
        'Protect it with a backup plan and tag the plan',
        key,
      );
    }
    if (isPlaceholder(input, value)) {
      return failWithTag(
        input,
        `${key}=${displayValue(value)} does not say how it is backed up`,
        'Tag it with the backup plan that protects it',
        key,
      );
    }
    return pass(`Backup declared: ${key}=${displayTagValue(input, value)}`);
  },
};

/** `responsibility.patching`: infrastructure compute names its patch baseline. */
export const patchingCheck: Check = {
  id: 'responsibility.patching',
  checklist: 'responsibility',
  title: 'Patch baseline named',
  description:
    'The guest OS of infrastructure compute is the customer\u2019s to patch: Systems Manager Patch Manager reads the Patch Group tag to pick the baseline.',
  severity: 'high',
  appliesTo:
    'Infrastructure compute: EC2 instances, Auto Scaling groups, EKS node groups.',
  remediation:
    'Tag it with Patch Group (or PatchGroup) naming its patch baseline.',
  evaluate(input) {
    if (
      !patchableTypes.has(input.resource.resourceType) ||
      input.category !== 'infrastructure'
    ) {
      return na(
        `${input.resource.resourceType} has no guest OS the customer patches`,
      );
    }
    const keys = input.config.responsibility.patchTagKeys;
    const tag = firstPresent(input.tags, keys);
    if (tag && !isPlaceholder(input, tag[1])) {
      return pass(
        `Patch baseline: ${tag[0]}=${displayTagValue(input, tag[1])}`,
      );
    }
    return failWithTag(
      input,
      tag
        ? `${tag[0]}=${displayValue(tag[1])} names no patch baseline`
        : `No patch tag (looked for ${listConfigWords(keys, 'or')})`,
      'Tag it with the Patch Manager patch group',
      tag?.[0] ?? keys[0] ?? 'Patch Group',
      'PATCH_GROUP',
    );
  },
};

/** `responsibility.availability`: serving or stateful infrastructure and container resources declare an objective. */
export const availabilityCheck: Check = {
  id: 'responsibility.availability',
  checklist: 'responsibility',
  title: 'Availability objective declared',
  description:
    'High availability and recovery are the customer\u2019s for infrastructure and container services: each serving or stateful resource declares its objective.',
  severity: 'medium',
  appliesTo:
    'Infrastructure and container resources that serve traffic or hold state (instances, volumes, load balancers, databases, caches, clusters, file systems, ...).',
  remediation: 'Tag it with its recovery point objective or availability tier.',
  evaluate(input) {
    const { category } = input;
    if (category !== 'infrastructure' && category !== 'container') {
      return na(`${category} service: AWS owns its availability`);
    }
    if (!servingOrStatefulTypes.has(input.resource.resourceType)) {
      return na(
        `${input.resource.resourceType} neither serves traffic nor holds state`,
      );
    }
    const keys = input.config.responsibility.availabilityTagKeys;
    const tag = firstPresent(input.tags, keys);
    if (tag && !isPlaceholder(input, tag[1])) {
      return pass(
        `Objective declared: ${tag[0]}=${displayTagValue(input, tag[1])}`,
      );
    }
    return failWithTag(
      input,
      tag
        ? `${tag[0]}=${displayValue(tag[1])} declares no objective`
        : `No availability or recovery objective (looked for ${listConfigWords(
            keys,
            'or',
          )})`,
      'Declare its objective',
      tag?.[0] ?? keys[0] ?? 'availability-tier',
    );
  },
};

/** `responsibility.client-side-encryption`: sensitive abstract data stores declare their encryption scheme. */
export const clientSideEncryptionCheck: Check = {
  id: 'responsibility.client-side-encryption',
  checklist: 'responsibility',
  title: 'Encryption scheme declared',
  description:
    'For abstract services the customer\u2019s part of data protection at rest is client-side encryption or customer-managed keys: confidential and restricted data says which.',
  severity: 'medium',
  appliesTo:
    'Abstract data stores (S3, DynamoDB, SQS, SNS, Kinesis, Secrets Manager, ...) whose data classification is confidential or restricted.',
  remediation:
    'Tag it with its encryption scheme (e.g. sse-kms-cmk, client-side).',
  evaluate(input) {
    if (
      input.category !== 'abstract' ||
      !dataStoreTypes.has(input.resource.resourceType)
    ) {
      return na(`Not an abstract data store`);
    }
    const classification = dataClassification(input);
    const required = input.compiled.encryptionRequiredClassifications;
    if (!classification || !required.has(classification.toLowerCase())) {
      return na(
        classification
          ? `Data classified ${displayValue(
              classification,
            )}: no client-side encryption required`
          : 'Data not classified (responsibility.data-classification reports it)',
      );
    }
    const keys = input.config.responsibility.encryptionTagKeys;
    const tag = firstPresent(input.tags, keys);
    if (tag && !isPlaceholder(input, tag[1])) {
      return pass(
        `Encryption declared: ${tag[0]}=${displayTagValue(input, tag[1])}`,
      );
    }
    return failWithTag(
      input,
      `${displayValue(
        classification,
      )} data without an encryption tag (looked for ${listConfigWords(
        keys,
        'or',
      )})`,
      'Encrypt with a customer-managed KMS key or client-side, and declare the scheme',
      tag?.[0] ?? keys[0] ?? 'encryption',
      'SCHEME',
    );
  },
};

/** The first tag key (as written) with a managed-by prefix, if any. */
function managedByMarker(input: CheckInput): string | undefined {
  const { keys, lowerKeys } = tagArrays(input.tags);
  const scan = tagScanOf(input);
  if (scan !== undefined) {
    // the engine's scan has judged every key against the prefixes already
    const marker = scan.firstWith(keyFlag.managedPrefix);
    return marker < 0 ? undefined : keys[marker];
  }
  const prefixes = input.compiled.managedByTagPrefixes;
  for (let i = 0; i < lowerKeys.length; i++) {
    if (hasPrefix(lowerKeys[i], prefixes)) return keys[i];
  }
  return undefined;
}

/** `responsibility.managed-by-code`: configuration management is evidenced by a tag. */
export const managedByCodeCheck: Check = {
  id: 'responsibility.managed-by-code',
  checklist: 'responsibility',
  title: 'Managed by code',
  description:
    'Configuration management is the customer\u2019s in every category: a CloudFormation stack tag, a managed-by tag or a Terraform/CDK/Pulumi marker shows where the configuration lives.',
  severity: 'low',
  appliesTo: 'All resources.',
  remediation:
    'Bring the resource under infrastructure as code and tag it managed-by with the tool.',
  evaluate(input) {
    const { compiled, tags } = input;
    let denied: [string, string] | undefined;
    const keys = input.config.responsibility.managedByTagKeys;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const value = tags.get(key);
      if (value === undefined || isBlank(value)) continue;
      const written = tags.keyOf(key) ?? key;
      const lower = value.trim().toLowerCase();
      if (
        compiled.unmanagedValues.has(lower) ||
        compiled.placeholderValues.has(lower)
      ) {
        denied = denied ?? [written, value];
        continue;
      }
      return pass(
        `Managed by code: ${written}=${displayTagValue(input, value)}`,
      );
    }
    const marker = managedByMarker(input);
    if (marker !== undefined) return pass(`Managed by code: ${marker} marker`);
    return failWithTag(
      input,
      denied
        ? `${denied[0]}=${displayValue(denied[1])}: not managed by code`
        : 'No configuration-management marker (CloudFormation stack, managed-by, Terraform/CDK tag)',
      'Import it into your infrastructure code and tag the tool',
      'managed-by',
      'TOOL',
    );
  },
};

/** The responsibility checklist, in order. */
export const responsibilityChecks: ReadonlyArray<Check> = [
  ownerAssignedCheck,
  ownerResolvesCheck,
  escalationCheck,
  dataClassificationCheck,
  backupCheck,
  patchingCheck,
  availabilityCheck,
  clientSideEncryptionCheck,
  managedByCodeCheck,
];
