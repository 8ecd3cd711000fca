import { factOf, noEvidenceMessage } from '../evidence/factOf';
import type { ResultEvidence } from '../evidence/types';
import { dataStoreTypes } from '../classification/typeSets';
import { notApplicable } from './outcome';
import { displayValue } from './secrets';
import type { Check, CheckInput, CheckOutcome } from './types';

/**
 * The checks only a fact can decide (CHECKLISTS.md section 3, "Evidence"):
 * each reads one fact AWS Config recorded and is `not-applicable` without it.
 */

const verified = (
  status: 'pass' | 'fail',
  message: string,
  evidence: ResultEvidence,
  remediation?: string,
): CheckOutcome =>
  remediation
    ? { status, message, remediation, basis: 'verified', evidence }
    : { status, message, basis: 'verified', evidence };

const noEvidence = (input: CheckInput) =>
  notApplicable(noEvidenceMessage(input.resource));

/** `responsibility.encryption-at-rest`: data stores are encrypted at rest, sensitive data under a customer-managed key. */
export const encryptionAtRestCheck: Check = {
  id: 'responsibility.encryption-at-rest',
  checklist: 'responsibility',
  title: 'Encrypted at rest',
  description:
    'Data protection at rest is the customer\u2019s in every category: AWS Config records whether each data store is encrypted; confidential and restricted data needs a customer-managed KMS key when the key manager is known.',
  severity: 'high',
  appliesTo:
    'Data stores of every category (the list of responsibility.data-classification), where AWS Config records them.',
  remediation:
    'Enable encryption at rest (for EBS and RDS: copy to an encrypted snapshot and restore), with a customer-managed KMS key for confidential data.',
  evaluate(input) {
    const { resource } = input;
    if (!dataStoreTypes.has(resource.resourceType)) {
      return notApplicable(`${resource.resourceType} is not a data store`);
    }
    const encrypted = factOf(resource, 'encryptedAtRest');
    if (!encrypted) return noEvidence(input);
    if (!encrypted.value) {
      return verified(
        'fail',
        'Not encrypted at rest',
        encrypted.evidence,
        'Encrypt it at rest: create an encrypted copy (snapshot, restore) and switch over.',
      );
    }
    const classification = input.tags
      .get(input.config.responsibility.dataClassificationTagKey)
      ?.trim();
    const sensitive =
      classification !== undefined &&
      input.config.responsibility.encryptionRequiredClassifications.includes(
        classification.toLowerCase(),
      );
    const manager = factOf(resource, 'kmsKeyManager');
    if (sensitive && manager?.value === 'aws') {
      return verified(
        'fail',
        `Encrypted under an AWS-managed key, but the data is ${displayValue(
          classification,
        )}`,
        manager.evidence,
        'Re-encrypt it under a customer-managed KMS key.',
      );
    }
    return verified(
      'pass',
      manager
        ? `Encrypted at rest (key managed by ${manager.value})`
        : 'Encrypted at rest',
      encrypted.evidence,
    );
  },
};

const publicAccessTypes: ReadonlySet<string> = new Set([
  's3:bucket',
  'rds:db',
  'rds:cluster',
  'ec2:security-group',
  'es:domain',
  'redshift:cluster',
]);

/** `responsibility.no-public-access`: nothing is reachable from the internet that should not be. */
export const noPublicAccessCheck: Check = {
  id: 'responsibility.no-public-access',
  checklist: 'responsibility',
  title: 'No public access',
  description:
    'Network exposure is the customer\u2019s: S3 buckets block public access (all four flags), databases and warehouses are not publicly accessible, security groups open only HTTP and HTTPS to the internet.',
  severity: 'critical',
  appliesTo:
    'S3 buckets, RDS instances and clusters, security groups, OpenSearch domains, Redshift clusters.',
  remediation:
    'Block public access: the four S3 public-access-block flags, publicly-accessible off, ingress from 0.0.0.0/0 and ::/0 only on TCP 80 and 443.',
  evaluate(input) {
    const { resource } = input;
    if (!publicAccessTypes.has(resource.resourceType)) {
      return notApplicable(
        `${resource.resourceType} has no public-access setting judged here`,
      );
    }
    const open = factOf(resource, 'publicAccess');
    if (!open) return noEvidence(input);
    if (resource.resourceType === 'ec2:security-group') {
      const ports = factOf(resource, 'publicIngressPorts');
      const exposed = (ports?.value ?? []).filter(
        p => p !== 'tcp/80' && p !== 'tcp/443',
      );
      const evidence = ports?.evidence ?? open.evidence;
      return open.value
        ? verified(
            'fail',
            `Ingress from the internet on ${exposed.join(', ') || 'ports'}`,
            evidence,
            'Remove the rules open to 0.0.0.0/0 or ::/0 (aws ec2 revoke-security-group-ingress), or narrow them to known ranges.',
          )
        : verified(
            'pass',
            'No ingress from the internet beyond TCP 80 and 443',
            evidence,
          );
    }
    if (!open.value) {
      return verified('pass', 'Not publicly accessible', open.evidence);
    }
    return verified(
      'fail',
      resource.resourceType === 's3:bucket'
        ? 'Public access is not fully blocked'
        : 'Publicly accessible from the internet',
      open.evidence,
      resource.resourceType === 's3:bucket'
        ? `Turn on all four public-access-block flags: aws s3api put-public-access-block --bucket ${resource.resourceId} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`
        : 'Make it private (publicly-accessible off, or a VPC endpoint) and reach it through the VPC.',
    );
  },
};

const multiAzTypes: ReadonlySet<string> = new Set([
  'rds:db',
  'elasticache:replicationgroup',
  'es:domain',
]);

/** `responsibility.multi-az`: production databases, caches and search domains span availability zones. */
export const multiAzCheck: Check = {
  id: 'responsibility.multi-az',
  checklist: 'responsibility',
  title: 'Multi-AZ in production',
  description:
    'High availability of container services is the customer\u2019s choice: production databases, caches and search domains are deployed across availability zones.',
  severity: 'medium',
  appliesTo:
    'Production (environment=prod) RDS instances, ElastiCache replication groups, OpenSearch domains.',
  remediation:
    'Turn on Multi-AZ (RDS) or zone awareness (OpenSearch), or add replicas in other zones (ElastiCache).',
  evaluate(input) {
    const { resource } = input;
    if (!multiAzTypes.has(resource.resourceType)) {
      return notApplicable(
        `${resource.resourceType} is not judged for Multi-AZ`,
      );
    }
    const environment = input.tags
      .get(input.config.tagging.environmentTagKey)
      ?.trim()
      .toLowerCase();
    if (environment !== 'prod') {
      return notApplicable('Not a production resource (environment=prod)');
    }
    const multiAz = factOf(resource, 'multiAz');
    if (!multiAz) return noEvidence(input);
    return multiAz.value
      ? verified('pass', 'Deployed across availability zones', multiAz.evidence)
      : verified(
          'fail',
          'A production resource in a single availability zone',
          multiAz.evidence,
          'Turn on Multi-AZ (or zone awareness) before the next zone outage.',
        );
  },
};

/** `responsibility.imds-v2`: instances and launch templates require IMDSv2 session tokens. */
export const imdsV2Check: Check = {
  id: 'responsibility.imds-v2',
  checklist: 'responsibility',
  title: 'IMDSv2 required',
  description:
    'The guest and its credentials are the customer\u2019s: the instance metadata service requires session tokens (IMDSv2), which blocks SSRF credential theft through IMDSv1.',
  severity: 'medium',
  appliesTo: 'EC2 instances and launch templates.',
  remediation:
    'Require tokens: aws ec2 modify-instance-metadata-options --http-tokens required (or a new launch template version).',
  evaluate(input) {
    const { resource } = input;
    if (
      resource.resourceType !== 'ec2:instance' &&
      resource.resourceType !== 'ec2:launch-template'
    ) {
      return notApplicable(`${resource.resourceType} has no metadata service`);
    }
    const required = factOf(resource, 'imdsV2Required');
    if (!required) return noEvidence(input);
    if (required.value) {
      return verified(
        'pass',
        'IMDSv2 session tokens required',
        required.evidence,
      );
    }
    return verified(
      'fail',
      'The metadata service accepts IMDSv1 (tokens optional)',
      required.evidence,
      resource.resourceType === 'ec2:instance'
        ? `Require tokens: aws ec2 modify-instance-metadata-options --instance-id ${resource.resourceId} --http-tokens required --http-endpoint enabled --region ${resource.region}`
        : 'Create a launch template version with MetadataOptions HttpTokens=required and make it the default.',
    );
  },
};

const accessLoggingTypes: ReadonlySet<string> = new Set([
  's3:bucket',
  'elasticloadbalancing:loadbalancer',
  'cloudfront:distribution',
]);

/** `responsibility.access-logging`: buckets, load balancers and distributions deliver access logs. */
export const accessLoggingCheck: Check = {
  id: 'responsibility.access-logging',
  checklist: 'responsibility',
  title: 'Access logs delivered',
  description:
    'Who accessed what is the customer\u2019s to record: buckets, load balancers and CloudFront distributions deliver access logs somewhere. (AWS Config records no access-log property for load balancers, so they stay not applicable.)',
  severity: 'low',
  appliesTo: 'S3 buckets, load balancers, CloudFront distributions.',
  remediation:
    'Turn on server access logging (S3), access logs (ELB) or standard logging (CloudFront) to a log bucket.',
  evaluate(input) {
    const { resource } = input;
    if (!accessLoggingTypes.has(resource.resourceType)) {
      return notApplicable(`${resource.resourceType} has no access logs`);
    }
    const logging = factOf(resource, 'accessLogging');
    if (!logging) return noEvidence(input);
    return logging.value
      ? verified('pass', 'Access logs are delivered', logging.evidence)
      : verified(
          'fail',
          'No access logs are delivered',
          logging.evidence,
          'Deliver access logs to a log bucket.',
        );
  },
};

const factWords: Record<string, string> = {
  backupRetentionDays: 'automated backup retention',
  pointInTimeRecovery: 'point-in-time recovery',
  versioning: 'versioning',
  backupPolicyEnabled: 'the automatic backup policy',
};

/**
 * The verdict of `responsibility.backup` from a fact, when one is known: RDS
 * and Redshift retention of at least a day, DynamoDB point-in-time recovery,
 * S3 versioning, the EFS backup policy. No backup passes only for public data.
 */
export function backupFromFacts(input: CheckInput): CheckOutcome | undefined {
  const { resource } = input;
  const retention = factOf(resource, 'backupRetentionDays');
  const flag =
    factOf(resource, 'pointInTimeRecovery') ??
    factOf(resource, 'versioning') ??
    factOf(resource, 'backupPolicyEnabled');
  let evidence: ResultEvidence;
  let protectedBy: string | undefined;
  if (retention) {
    evidence = retention.evidence;
    if (retention.value >= 1) {
      protectedBy = `automated backups kept ${retention.value} day${
        retention.value === 1 ? '' : 's'
      }`;
    }
  } else if (flag) {
    evidence = flag.evidence;
    if (flag.value) protectedBy = factWords[flag.evidence.fact];
  } else {
    return undefined;
  }
  if (protectedBy)
    return verified('pass', `Backed up: ${protectedBy}`, evidence);
  const missing = `${factWords[evidence.fact]} is off`;
  const classification = input.tags
    .get(input.config.responsibility.dataClassificationTagKey)
    ?.trim();
  if (classification?.toLowerCase() === 'public') {
    return verified(
      'pass',
      `${missing}, accepted: its data is classified public`,
      evidence,
    );
  }
  return verified(
    'fail',
    missing,
    evidence,
    'Turn it on (or attach the resource to an AWS Backup plan) and tag the plan.',
  );
}
