import type { EvidenceFactName } from './types';

/**
 * One AWS Config resource type the evidence reads: the Tagging API type it is,
 * the properties to select (from the type's schema file
 * `config/properties/resource-types/<configType>.properties.json` of
 * awslabs/aws-config-resource-schema) and which property each fact comes from.
 *
 * @public
 */
export interface ConfigEvidenceType {
  /** The AWS Config type, e.g. `AWS::EC2::Volume`. */
  configType: string;
  /** The normalised Tagging API type, e.g. `ec2:volume`. */
  resourceType: string;
  /** The properties the facts need (selected beside `arn`, `accountId`, `awsRegion`, `configurationItemCaptureTime`). */
  properties: ReadonlyArray<string>;
  /** The property behind each fact this type yields. */
  factProperties: Partial<Record<EvidenceFactName, string>>;
}

const pab = 'supplementaryConfiguration.PublicAccessBlockConfiguration';

/**
 * The AWS Config types evidence is read for. ElastiCache is absent: the schema
 * has no `AWS::ElastiCache::*` file. Load balancers yield no fact (the schema
 * has no access-log property) but are read so never-tagged ones are found.
 *
 * @public
 */
export const configEvidenceTypes: ReadonlyArray<ConfigEvidenceType> = [
  {
    configType: 'AWS::EC2::Volume',
    resourceType: 'ec2:volume',
    properties: ['configuration.encrypted'],
    factProperties: { encryptedAtRest: 'configuration.encrypted' },
  },
  {
    configType: 'AWS::EC2::Instance',
    resourceType: 'ec2:instance',
    properties: [
      'configuration.metadataOptions.httpTokens',
      'configuration.metadataOptions.httpEndpoint',
    ],
    factProperties: {
      imdsV2Required: 'configuration.metadataOptions.httpTokens',
    },
  },
  {
    configType: 'AWS::EC2::LaunchTemplate',
    resourceType: 'ec2:launch-template',
    properties: [
      'configuration.LaunchTemplateData.MetadataOptions.HttpTokens',
      'configuration.LaunchTemplateData.MetadataOptions.HttpEndpoint',
    ],
    factProperties: {
      imdsV2Required:
        'configuration.LaunchTemplateData.MetadataOptions.HttpTokens',
    },
  },
  {
    configType: 'AWS::EC2::SecurityGroup',
    resourceType: 'ec2:security-group',
    properties: [
      'configuration.ipPermissions.ipProtocol',
      'configuration.ipPermissions.fromPort',
      'configuration.ipPermissions.toPort',
      'configuration.ipPermissions.ipv4Ranges.cidrIp',
      'configuration.ipPermissions.ipv6Ranges.cidrIpv6',
    ],
    factProperties: {
      publicAccess: 'configuration.ipPermissions',
      publicIngressPorts: 'configuration.ipPermissions',
    },
  },
  {
    configType: 'AWS::RDS::DBInstance',
    resourceType: 'rds:db',
    properties: [
      'configuration.storageEncrypted',
      'configuration.publiclyAccessible',
      'configuration.backupRetentionPeriod',
      'configuration.multiAZ',
    ],
    factProperties: {
      encryptedAtRest: 'configuration.storageEncrypted',
      publicAccess: 'configuration.publiclyAccessible',
      backupRetentionDays: 'configuration.backupRetentionPeriod',
      multiAz: 'configuration.multiAZ',
    },
  },
  {
    configType: 'AWS::RDS::DBCluster',
    resourceType: 'rds:cluster',
    properties: [
      'configuration.storageEncrypted',
      'configuration.backupRetentionPeriod',
      'configuration.multiAZ',
    ],
    factProperties: {
      encryptedAtRest: 'configuration.storageEncrypted',
      backupRetentionDays: 'configuration.backupRetentionPeriod',
      multiAz: 'configuration.multiAZ',
    },
  },
  {
    configType: 'AWS::S3::Bucket',
    resourceType: 's3:bucket',
    properties: [
      `${pab}.blockPublicAcls`,
      `${pab}.ignorePublicAcls`,
      `${pab}.blockPublicPolicy`,
      `${pab}.restrictPublicBuckets`,
      'supplementaryConfiguration.BucketVersioningConfiguration.status',
      'supplementaryConfiguration.BucketLoggingConfiguration.destinationBucketName',
      'supplementaryConfiguration.ServerSideEncryptionConfiguration.rules.applyServerSideEncryptionByDefault.sseAlgorithm',
    ],
    factProperties: {
      publicAccess: pab,
      versioning:
        'supplementaryConfiguration.BucketVersioningConfiguration.status',
      accessLogging:
        'supplementaryConfiguration.BucketLoggingConfiguration.destinationBucketName',
      encryptedAtRest:
        'supplementaryConfiguration.ServerSideEncryptionConfiguration',
      kmsKeyManager:
        'supplementaryConfiguration.ServerSideEncryptionConfiguration.rules.applyServerSideEncryptionByDefault.sseAlgorithm',
    },
  },
  {
    configType: 'AWS::DynamoDB::Table',
    resourceType: 'dynamodb:table',
    properties: [
      'configuration.ssedescription.status',
      'configuration.ssedescription.ssetype',
      'supplementaryConfiguration.ContinuousBackupsDescription.pointInTimeRecoveryDescription.pointInTimeRecoveryStatus',
    ],
    factProperties: {
      encryptedAtRest: 'configuration.ssedescription',
      kmsKeyManager: 'configuration.ssedescription',
      pointInTimeRecovery:
        'supplementaryConfiguration.ContinuousBackupsDescription.pointInTimeRecoveryDescription.pointInTimeRecoveryStatus',
    },
  },
  {
    configType: 'AWS::EFS::FileSystem',
    resourceType: 'elasticfilesystem:file-system',
    properties: [
      'configuration.Encrypted',
      'configuration.BackupPolicy.Status',
    ],
    factProperties: {
      encryptedAtRest: 'configuration.Encrypted',
      backupPolicyEnabled: 'configuration.BackupPolicy.Status',
    },
  },
  {
    configType: 'AWS::OpenSearch::Domain',
    resourceType: 'es:domain',
    properties: [
      'configuration.EncryptionAtRestOptions.Enabled',
      'configuration.ClusterConfig.ZoneAwarenessEnabled',
      'configuration.VPCOptions.SubnetIds',
    ],
    factProperties: {
      encryptedAtRest: 'configuration.EncryptionAtRestOptions.Enabled',
      multiAz: 'configuration.ClusterConfig.ZoneAwarenessEnabled',
      publicAccess: 'configuration.VPCOptions',
    },
  },
  {
    configType: 'AWS::Redshift::Cluster',
    resourceType: 'redshift:cluster',
    properties: [
      'configuration.encrypted',
      'configuration.publiclyAccessible',
      'configuration.automatedSnapshotRetentionPeriod',
      'supplementaryConfiguration.LoggingStatus.loggingEnabled',
    ],
    factProperties: {
      encryptedAtRest: 'configuration.encrypted',
      publicAccess: 'configuration.publiclyAccessible',
      backupRetentionDays: 'configuration.automatedSnapshotRetentionPeriod',
      accessLogging: 'supplementaryConfiguration.LoggingStatus.loggingEnabled',
    },
  },
  {
    configType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    resourceType: 'elasticloadbalancing:loadbalancer',
    properties: ['configuration.scheme'],
    factProperties: {},
  },
  {
    configType: 'AWS::CloudFront::Distribution',
    resourceType: 'cloudfront:distribution',
    properties: ['configuration.distributionConfig.logging.enabled'],
    factProperties: {
      accessLogging: 'configuration.distributionConfig.logging.enabled',
    },
  },
];

/**
 * The Config type entry for a Config type name, or `undefined`.
 *
 * @public
 */
export function configEvidenceType(
  configType: string,
): ConfigEvidenceType | undefined {
  return configEvidenceTypes.find(t => t.configType === configType);
}
