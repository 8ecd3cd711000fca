import type { ChecklistConfig } from './types';

/**
 * The spec's defaults for every checklist setting.
 *
 * @public
 */
export const defaultChecklistConfig: ChecklistConfig = deepFreeze({
  ownership: {
    ownerTagKeys: ['owner', 'team'],
    componentTagKeys: ['component', 'app', 'application'],
  },
  naming: {
    pattern: '^[a-z0-9]+(?:-[a-z0-9]+)+$',
    minLength: 3,
    maxLength: 63,
    environmentTokens: {
      prod: 'prod',
      production: 'prod',
      stg: 'staging',
      staging: 'staging',
      dev: 'dev',
      test: 'test',
      qa: 'test',
    },
  },
  tagging: {
    requiredKeys: ['owner', 'environment', 'cost-center', 'application'],
    allowedValues: {
      environment: ['prod', 'staging', 'dev', 'test'],
      'data-classification': [
        'public',
        'internal',
        'confidential',
        'restricted',
      ],
    },
    keyStyle: 'kebab',
    keyStyleExemptKeys: ['Name', 'Patch Group', 'PatchGroup'],
    keyStyleExemptPrefixes: ['aws:', 'kubernetes.io/', 'k8s.io/'],
    placeholderValues: [
      'tbd',
      'todo',
      'n/a',
      'na',
      'none',
      'unknown',
      '-',
      '?',
      'changeme',
    ],
    maxUserTags: 45,
    environmentTagKey: 'environment',
  },
  responsibility: {
    escalationTagKeys: ['oncall', 'escalation', 'pagerduty-service'],
    escalationAnnotations: ['pagerduty.com/service-id', 'opsgenie.com/team'],
    dataClassificationTagKey: 'data-classification',
    backupTagKeys: ['backup', 'backup-plan'],
    patchTagKeys: ['Patch Group', 'PatchGroup', 'patching'],
    availabilityTagKeys: ['rpo', 'availability-tier'],
    encryptionTagKeys: ['encryption'],
    encryptionRequiredClassifications: ['confidential', 'restricted'],
    managedByTagKeys: [
      'aws:cloudformation:stack-name',
      'managed-by',
      'terraform',
      'terraform-workspace',
      'cdk-app',
    ],
    managedByTagPrefixes: ['terraform:', 'tf:', 'aws-cdk:', 'pulumi:'],
    unmanagedValues: ['manual', 'console', 'clickops', 'none'],
  },
  checks: {
    disabled: [],
    severity: {},
  },
  scoring: {
    caps: { critical: 39.9, high: 74.9, medium: 89.9 },
  },
  classification: {
    overrides: {},
  },
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value as object)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
