import {
  backupTypes,
  dataStoreTypes,
  patchableTypes,
  servingOrStatefulTypes,
} from '../classification/typeSets';
import {
  accessLoggingCheck,
  backupFromFacts,
  encryptionAtRestCheck,
  imdsV2Check,
  multiAzCheck,
  noPublicAccessCheck,
} from './evidence';
import { failWithTag, notApplicable, pass } from './outcome';
import { placeholderFor, tagResourcesCommand } from './remediation';
import { displayValue } from './secrets';
import { allowedValuesOf } from './tagging';
import { firstPresent, isBlank, listWords } from './tags';
import type { Check, CheckInput } from './types';

/**
 * Tag values that declare that nothing is done (CHECKLISTS.md section 3,
 * "Declarations have a vocabulary"): `backup=no` is not a backup plan.
 *
 * @public
 */
export const nothingDoneValues: ReadonlyArray<string> = [
  'none',
  'no',
  'false',
  'off',
  'disabled',
  'manual',
  '0',
];

/** Whether `value` is one of `list` (a lowercase vocabulary), ignoring case and surrounding blanks. */
const isOneOf = (list: ReadonlyArray<string>, value: string) =>
  list.includes(value.trim().toLowerCase());

const declaresNothing = (value: string) => isOneOf(nothingDoneValues, value);

const isPlaceholder = (input: CheckInput, value: string) =>
  isOneOf(input.config.tagging.placeholderValues, value);

/** The owner tag: the context's, or (when the caller left it out) the first owner tag key present. */
function ownerTagOf(
  input: CheckInput,
): { key: string; value: string } | undefined {
  const fromContext = input.context.ownerTag;
  if (fromContext) return isBlank(fromContext.value) ? undefined : fromContext;
  const found = firstPresent(input.tags, input.config.ownership.ownerTagKeys);
  return found && { key: found[0], value: found[1] };
}

function dataClassification(input: CheckInput): string | undefined {
  return input.tags
    .get(input.config.responsibility.dataClassificationTagKey)
    ?.trim();
}

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
        `Owner tag ${tag.key}=${displayValue(tag.value)}`,
        'declared',
      );
    }
    const keys = input.config.ownership.ownerTagKeys;
    const key = keys[0] ?? 'owner';
    return failWithTag(
      input.resource,
      `No owner tag (looked for ${listWords(keys, 'or')})`,
      'Tag it with the owning team\u2019s catalog Group name',
      [key, placeholderFor(key)],
      'declared',
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
    if (!tag) return notApplicable('No owner tag to resolve');
    const shown = `${tag.key}=${displayValue(tag.value)}`;
    if (input.context.ownerRef) {
      return pass(`Owner tag ${shown} resolves to ${input.context.ownerRef}`);
    }
    const command = tagResourcesCommand(input.resource, [
      [tag.key, 'GROUP_NAME'],
    ]);
    return {
      status: 'fail',
      message: `Owner tag ${shown} matches no catalog Group`,
      remediation: `Point the tag at a catalog Group (${command}), or add "${displayValue(
        tag.value,
      )}" to that Group\u2019s aws-ownership/owner-aliases annotation.`,
      command,
    };
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
    const { escalationTagKeys: keys, escalationAnnotations } =
      input.config.responsibility;
    const { ownerRef, ownerHasEscalation } = input.context;
    const tag = firstPresent(input.tags, keys);
    if (tag) {
      return pass(
        `Escalation tag ${tag[0]}=${displayValue(tag[1])}`,
        'declared',
      );
    }
    if (ownerHasEscalation) {
      return pass(
        `${
          ownerRef ? `The owning Group ${ownerRef}` : 'The owning Group'
        } carries an on-call annotation`,
      );
    }
    return failWithTag(
      input.resource,
      `No escalation path: no ${listWords(keys, 'or')} tag${
        ownerRef ? ` and ${ownerRef} has no on-call annotation` : ''
      }`,
      ownerRef
        ? `Annotate ${ownerRef} with ${listWords(
            escalationAnnotations,
          )}, or tag the resource`
        : 'Tag the resource with its on-call rotation',
      [keys[0] ?? 'oncall', placeholderFor(keys[0] ?? 'oncall')],
    );
  },
};

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
    const { resource, tags } = input;
    if (!dataStoreTypes.has(resource.resourceType)) {
      return notApplicable(`${resource.resourceType} is not a data store`);
    }
    const key = input.config.responsibility.dataClassificationTagKey;
    const writtenKey = tags.keyOf(key) ?? key;
    const value = dataClassification(input);
    const values = allowedValuesOf(input, key);
    const allowed = values ? ` (one of ${values.join(', ')})` : '';
    if (!value) {
      return failWithTag(
        resource,
        `Data store without a ${key} tag`,
        `Classify its data${allowed}`,
        [writtenKey, placeholderFor(writtenKey)],
        'declared',
      );
    }
    if (values && !values.includes(value)) {
      const suggestion = values.find(
        v => v.toLowerCase() === value.toLowerCase(),
      );
      return failWithTag(
        resource,
        `${writtenKey}=${displayValue(
          value,
        )} is not an allowed classification${allowed}`,
        suggestion
          ? `Use "${suggestion}"`
          : `Use an allowed classification${allowed}`,
        [writtenKey, suggestion ?? placeholderFor(key)],
        'declared',
      );
    }
    return pass(
      `Data classified as ${writtenKey}=${displayValue(value)}`,
      'declared',
    );
  },
};

/** `responsibility.backup`: stateful resources say how they are backed up. */
export const backupCheck: Check = {
  id: 'responsibility.backup',
  checklist: 'responsibility',
  title: 'Backed up',
  description:
    'The customer owns backups of its data stores and stateful hosts. A fact AWS Config records decides first (RDS and Redshift backup retention of at least a day, DynamoDB point-in-time recovery, S3 versioning, the EFS backup policy); otherwise the backup tag says which plan protects it, and a value that declares no backup (none, no, false, off, disabled, manual, 0) is accepted only for public data.',
  severity: 'high',
  appliesTo:
    'EC2 instances, EBS volumes, RDS instances and clusters (DocumentDB included), EFS and FSx file systems, DynamoDB tables, Redshift clusters and Serverless namespaces, OpenSearch domains, MemoryDB clusters; S3 buckets where AWS Config records their versioning.',
  remediation:
    'Attach the resource to an AWS Backup plan and tag it with the plan (backup or backup-plan).',
  evaluate(input) {
    const { resource } = input;
    const verdict = backupFromFacts(input);
    if (verdict) return verdict;
    if (!backupTypes.has(resource.resourceType)) {
      return notApplicable(
        `${resource.resourceType} holds no state the customer backs up`,
      );
    }
    const keys = input.config.responsibility.backupTagKeys;
    const tag = firstPresent(input.tags, keys);
    if (!tag) {
      return failWithTag(
        resource,
        `No backup tag (looked for ${listWords(keys, 'or')})`,
        'Tag it with the backup plan that protects it',
        [keys[0] ?? 'backup', placeholderFor(keys[0] ?? 'backup')],
        'declared',
      );
    }
    const [key, value] = tag;
    const shown = `${key}=${displayValue(value.trim())}`;
    if (declaresNothing(value)) {
      const classification = dataClassification(input);
      if (classification?.toLowerCase() === 'public') {
        return pass(
          `${shown} accepted: its data is classified public`,
          'declared',
        );
      }
      return failWithTag(
        resource,
        `${shown} declares no backup, and the data is ${
          classification
            ? `classified ${displayValue(classification)}`
            : 'not classified public'
        }`,
        'Protect it with a backup plan and tag the plan',
        [key, placeholderFor(key)],
        'declared',
      );
    }
    if (isPlaceholder(input, value)) {
      return failWithTag(
        resource,
        `${key}=${displayValue(value)} does not say how it is backed up`,
        'Tag it with the backup plan that protects it',
        [key, placeholderFor(key)],
        'declared',
      );
    }
    return pass(`Backup declared: ${key}=${displayValue(value)}`, 'declared');
  },
};

/** `responsibility.patching`: infrastructure hosts name their patch baseline. */
export const patchingCheck: Check = {
  id: 'responsibility.patching',
  checklist: 'responsibility',
  title: 'Patch baseline named',
  description:
    'The guest OS of infrastructure hosts is the customer\u2019s to patch: Systems Manager Patch Manager reads the Patch Group tag to pick the baseline. (EKS node groups are not judged here: their nodes are patched by moving to a newer AMI release, not by Patch Manager.)',
  severity: 'high',
  appliesTo:
    'Infrastructure hosts: EC2 instances, Auto Scaling groups, ECS container instances.',
  remediation:
    'Tag it with Patch Group (or PatchGroup) naming its patch baseline.',
  evaluate(input) {
    const { resource } = input;
    if (
      !patchableTypes.has(resource.resourceType) ||
      input.category !== 'infrastructure'
    ) {
      return notApplicable(
        `${resource.resourceType} has no guest OS the customer patches`,
      );
    }
    const keys = input.config.responsibility.patchTagKeys;
    const tag = firstPresent(input.tags, keys);
    if (tag && !isPlaceholder(input, tag[1]) && !declaresNothing(tag[1])) {
      return pass(
        `Patch baseline: ${tag[0]}=${displayValue(tag[1])}`,
        'declared',
      );
    }
    return failWithTag(
      resource,
      tag
        ? `${tag[0]}=${displayValue(tag[1])} names no patch baseline`
        : `No patch tag (looked for ${listWords(keys, 'or')})`,
      'Tag it with the Patch Manager patch group',
      [tag?.[0] ?? keys[0] ?? 'Patch Group', 'PATCH_GROUP'],
      'declared',
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
    const { category, resource } = input;
    if (category !== 'infrastructure' && category !== 'container') {
      return notApplicable(`${category} service: AWS owns its availability`);
    }
    if (!servingOrStatefulTypes.has(resource.resourceType)) {
      return notApplicable(
        `${resource.resourceType} neither serves traffic nor holds state`,
      );
    }
    const keys = input.config.responsibility.availabilityTagKeys;
    const tag = firstPresent(input.tags, keys);
    if (tag && !isPlaceholder(input, tag[1])) {
      return pass(
        `Objective declared: ${tag[0]}=${displayValue(tag[1])}`,
        'declared',
      );
    }
    const key = tag?.[0] ?? keys[0] ?? 'availability-tier';
    return failWithTag(
      resource,
      tag
        ? `${tag[0]}=${displayValue(tag[1])} declares no objective`
        : `No availability or recovery objective (looked for ${listWords(
            keys,
            'or',
          )})`,
      'Declare its objective',
      [key, placeholderFor(key)],
      'declared',
    );
  },
};

/** `responsibility.client-side-encryption`: sensitive abstract data stores declare their encryption scheme. */
export const clientSideEncryptionCheck: Check = {
  id: 'responsibility.client-side-encryption',
  checklist: 'responsibility',
  title: 'Encryption scheme declared',
  description:
    'For abstract services the customer\u2019s part of data protection at rest is client-side encryption or customer-managed keys: confidential and restricted data says which; a value that declares none (none, no, false, off, disabled, manual, 0) fails.',
  severity: 'medium',
  appliesTo:
    'Abstract data stores (S3, DynamoDB, EFS, SQS, SNS, Kinesis, Secrets Manager, ...) whose data classification is confidential or restricted.',
  remediation:
    'Tag it with its encryption scheme (e.g. sse-kms-cmk, client-side).',
  evaluate(input) {
    if (
      input.category !== 'abstract' ||
      !dataStoreTypes.has(input.resource.resourceType)
    ) {
      return notApplicable('Not an abstract data store');
    }
    const classification = dataClassification(input);
    const required =
      input.config.responsibility.encryptionRequiredClassifications;
    if (!classification || !isOneOf(required, classification)) {
      return notApplicable(
        classification
          ? `Data classified ${displayValue(
              classification,
            )}: no client-side encryption required`
          : 'Data not classified (responsibility.data-classification reports it)',
      );
    }
    const keys = input.config.responsibility.encryptionTagKeys;
    const tag = firstPresent(input.tags, keys);
    if (tag && !isPlaceholder(input, tag[1]) && !declaresNothing(tag[1])) {
      return pass(
        `Encryption declared: ${tag[0]}=${displayValue(tag[1])}`,
        'declared',
      );
    }
    return failWithTag(
      input.resource,
      tag
        ? `${displayValue(classification)} data with ${tag[0]}=${displayValue(
            tag[1],
          )}: no encryption scheme`
        : `${displayValue(
            classification,
          )} data without an encryption tag (looked for ${listWords(
            keys,
            'or',
          )})`,
      'Encrypt with a customer-managed KMS key or client-side, and declare the scheme',
      [tag?.[0] ?? keys[0] ?? 'encryption', 'SCHEME'],
      'declared',
    );
  },
};

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
    const { tags, config } = input;
    const { managedByTagKeys, managedByTagPrefixes, unmanagedValues } =
      config.responsibility;
    // the first managed-by tag that says "not by code", if no other says "by code"
    let denied: readonly [string, string] | undefined;
    for (const key of managedByTagKeys) {
      const value = tags.get(key);
      if (value === undefined || isBlank(value)) continue;
      const written = tags.keyOf(key) ?? key;
      if (isOneOf(unmanagedValues, value) || isPlaceholder(input, value)) {
        denied ??= [written, value];
      } else {
        return pass(
          `Managed by code: ${written}=${displayValue(value)}`,
          'declared',
        );
      }
    }
    const marker = tags.lowerKeys.findIndex(lower =>
      managedByTagPrefixes.some(p => lower.startsWith(p)),
    );
    if (marker >= 0) {
      return pass(
        `Managed by code: ${tags.entries[marker][0]} marker`,
        'declared',
      );
    }
    return failWithTag(
      input.resource,
      denied
        ? `${denied[0]}=${displayValue(denied[1])}: not managed by code`
        : 'No configuration-management marker (CloudFormation stack, managed-by, Terraform/CDK tag)',
      'Import it into your infrastructure code and tag the tool',
      ['managed-by', 'TOOL'],
      'declared',
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
  encryptionAtRestCheck,
  noPublicAccessCheck,
  multiAzCheck,
  imdsV2Check,
  accessLoggingCheck,
];
