import type { ResourceTypeSpec } from './resourceTypes';
import type { Rng } from './rng';
import type { InventoryConfigItem } from './types';

/**
 * What AWS Config records about generated resources. Every property name comes from AWS Config's
 * published resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types/
 * <type>.properties.json); the README maps each type to its file and the properties used.
 */

/** The Tagging API type (`service:type`) of each resource type AWS Config records here, and its Config type. */
export const CONFIG_RESOURCE_TYPES: Readonly<Record<string, string>> = {
  'ec2:volume': 'AWS::EC2::Volume',
  'ec2:instance': 'AWS::EC2::Instance',
  'ec2:launch-template': 'AWS::EC2::LaunchTemplate',
  'ec2:security-group': 'AWS::EC2::SecurityGroup',
  'rds:db': 'AWS::RDS::DBInstance',
  'rds:cluster': 'AWS::RDS::DBCluster',
  's3:bucket': 'AWS::S3::Bucket',
  'dynamodb:table': 'AWS::DynamoDB::Table',
  'elasticfilesystem:file-system': 'AWS::EFS::FileSystem',
  'es:domain': 'AWS::OpenSearch::Domain',
  'redshift:cluster': 'AWS::Redshift::Cluster',
  'elasticloadbalancing:loadbalancer':
    'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'cloudfront:distribution': 'AWS::CloudFront::Distribution',
};

/** Where a generated resource lives and how careful its owners are (0 to 1). */
export interface ConfigContext {
  arn: string;
  /** The resource's name (the last part of its ARN for types named by their owner). */
  name: string;
  region: string;
  accountId: string;
  /** Tagging discipline of the owning team; careless teams also leave more insecure settings. */
  quality: number;
  rng: Rng;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';

function lastSegment(arn: string): string {
  const parts = arn.split(/[/:]/).filter(Boolean);
  return parts[parts.length - 1];
}

function date(rng: Rng): string {
  const day = rng.int(0, 900);
  return new Date(
    Date.UTC(2023, 0, 1) + day * 86_400_000 + rng.int(0, 86_399) * 1000,
  )
    .toISOString()
    .replace('.000Z', 'Z');
}

/** Careless owners leave insecure settings more often: `risk` is the chance for the worst team. */
function careless(c: ConfigContext, base: number, risk: number): boolean {
  return c.rng.chance(base + risk * (1 - c.quality));
}

function kmsKey(c: ConfigContext): string {
  return `arn:aws:kms:${c.region}:${c.accountId}:key/${c.rng.uuid()}`;
}

function zone(c: ConfigContext): string {
  return `${c.region}${c.rng.pick(['a', 'b', 'c'])}`;
}

function vpc(c: ConfigContext): string {
  return `vpc-0${c.rng.hex(16)}`;
}

type Builder = (c: ConfigContext) => Omit<InventoryConfigItem, 'resourceType'>;

const volume: Builder = c => {
  const encrypted = !careless(c, 0.08, 0.5);
  const availabilityZone = zone(c);
  const volumeId = lastSegment(c.arn);
  const attached = c.rng.chance(0.8);
  return {
    availabilityZone,
    configuration: {
      volumeId,
      size: c.rng.pick([8, 20, 50, 100, 500]),
      volumeType: c.rng.pick(['gp3', 'gp3', 'gp2', 'io2']),
      iops: 3000,
      encrypted,
      ...(encrypted ? { kmsKeyId: kmsKey(c) } : {}),
      availabilityZone,
      createTime: date(c.rng),
      state: { value: attached ? 'in-use' : 'available' },
      attachments: attached
        ? [
            {
              volumeId,
              instanceId: `i-0${c.rng.hex(16)}`,
              device: '/dev/xvda',
              state: 'attached',
              deleteOnTermination: true,
            },
          ]
        : [],
    },
  };
};

const instance: Builder = c => {
  const availabilityZone = zone(c);
  const vpcId = vpc(c);
  return {
    availabilityZone,
    configuration: {
      instanceId: lastSegment(c.arn),
      instanceType: c.rng.pick([
        't3.medium',
        'm6i.large',
        'c6i.xlarge',
        'r6i.large',
      ]),
      imageId: `ami-0${c.rng.hex(16)}`,
      launchTime: date(c.rng),
      state: { code: '16', name: 'running' },
      metadataOptions: {
        httpTokens: careless(c, 0.15, 0.6) ? 'optional' : 'required',
        httpEndpoint: 'enabled',
        httpPutResponseHopLimit: c.rng.pick([1, 2]),
        state: 'applied',
      },
      placement: { availabilityZone, tenancy: 'default' },
      monitoring: { state: c.rng.pick(['disabled', 'enabled']) },
      privateIpAddress: `10.${c.rng.int(0, 255)}.${c.rng.int(
        0,
        255,
      )}.${c.rng.int(1, 254)}`,
      subnetId: `subnet-0${c.rng.hex(16)}`,
      vpcId,
      securityGroups: [
        { groupId: `sg-0${c.rng.hex(16)}`, groupName: `${c.name}-sg` },
      ],
    },
  };
};

const launchTemplate: Builder = c => ({
  resourceName: c.name,
  configuration: {
    Id: lastSegment(c.arn),
    LaunchTemplateName: c.name,
    DefaultVersionNumber: '1',
    LatestVersionNumber: String(c.rng.int(1, 6)),
    LaunchTemplateData: {
      ImageId: `ami-0${c.rng.hex(16)}`,
      InstanceType: c.rng.pick(['t3.medium', 'm6i.large']),
      MetadataOptions: {
        HttpTokens: careless(c, 0.2, 0.5) ? 'optional' : 'required',
        HttpEndpoint: 'enabled',
      },
      BlockDeviceMappings: [
        {
          DeviceName: '/dev/xvda',
          Ebs: {
            Encrypted: !careless(c, 0.1, 0.4),
            VolumeSize: 20,
            VolumeType: 'gp3',
            DeleteOnTermination: true,
          },
        },
      ],
    },
  },
});

function permission(protocol: string, port: number | undefined, cidr: string) {
  const v6 = cidr.includes(':');
  return {
    ipProtocol: protocol,
    ...(port === undefined ? {} : { fromPort: port, toPort: port }),
    ipRanges: v6 ? [] : [cidr],
    ipv4Ranges: v6 ? [] : [{ cidrIp: cidr }],
    ipv6Ranges: v6 ? [{ cidrIpv6: cidr }] : [],
    prefixListIds: [],
    userIdGroupPairs: [],
  };
}

const securityGroup: Builder = c => {
  const ingress = [
    permission('tcp', c.rng.pick([443, 8080, 5432]), '10.0.0.0/8'),
  ];
  if (c.rng.chance(0.25)) ingress.push(permission('tcp', 443, '0.0.0.0/0'));
  if (careless(c, 0.04, 0.25)) {
    ingress.push(
      permission('tcp', c.rng.pick([22, 3389, 5432, 6379]), '0.0.0.0/0'),
    );
  }
  if (careless(c, 0.01, 0.08)) ingress.push(permission('tcp', 22, '::/0'));
  return {
    resourceName: c.name,
    configuration: {
      groupId: lastSegment(c.arn),
      groupName: c.name,
      description: `${c.name} security group`,
      vpcId: vpc(c),
      ownerId: c.accountId,
      ipPermissions: ingress,
      ipPermissionsEgress: [permission('-1', undefined, '0.0.0.0/0')],
    },
  };
};

function retention(c: ConfigContext): number {
  return careless(c, 0.06, 0.35) ? 0 : c.rng.pick([1, 7, 7, 14, 35]);
}

const dbInstance: Builder = c => {
  const encrypted = !careless(c, 0.05, 0.3);
  const availabilityZone = zone(c);
  const resourceId = `db-${c.rng.chars(26, UPPER)}`;
  return {
    resourceId,
    resourceName: c.name,
    availabilityZone,
    configuration: {
      dBInstanceIdentifier: c.name,
      dBInstanceArn: c.arn,
      dbiResourceId: resourceId,
      dBInstanceClass: c.rng.pick([
        'db.t4g.medium',
        'db.m6g.large',
        'db.r6g.xlarge',
      ]),
      engine: c.rng.pick(['postgres', 'mysql']),
      dBInstanceStatus: 'available',
      allocatedStorage: c.rng.pick([20, 100, 500]),
      storageType: 'gp3',
      storageEncrypted: encrypted,
      ...(encrypted ? { kmsKeyId: kmsKey(c) } : {}),
      publiclyAccessible: careless(c, 0.02, 0.12),
      backupRetentionPeriod: retention(c),
      multiAZ: c.rng.chance(0.3 + 0.5 * c.quality),
      availabilityZone,
      instanceCreateTime: date(c.rng),
      endpoint: {
        address: `${c.name}.${c.rng.chars(12, LOWER)}.${
          c.region
        }.rds.amazonaws.com`,
        port: 5432,
      },
    },
  };
};

const dbCluster: Builder = c => {
  const encrypted = !careless(c, 0.03, 0.2);
  const resourceId = `cluster-${c.rng.chars(26, UPPER)}`;
  return {
    resourceId,
    resourceName: c.name,
    configuration: {
      dbclusterIdentifier: c.name,
      dbclusterArn: c.arn,
      dbClusterResourceId: resourceId,
      engine: c.rng.pick(['aurora-postgresql', 'aurora-mysql']),
      status: 'available',
      storageEncrypted: encrypted,
      ...(encrypted ? { kmsKeyId: kmsKey(c) } : {}),
      // Aurora keeps at least one day of backups.
      backupRetentionPeriod: c.rng.pick([1, 1, 7, 14, 35]),
      multiAZ: c.rng.chance(0.4 + 0.5 * c.quality),
      deletionProtection: c.rng.chance(c.quality),
      port: 5432,
      clusterCreateTime: date(c.rng),
    },
  };
};

const bucket: Builder = c => {
  const name = lastSegment(c.arn);
  const exposed = careless(c, 0.03, 0.2);
  const logged = c.rng.chance(0.2 + 0.5 * c.quality);
  const kms = c.rng.chance(0.3);
  const supplementaryConfiguration: Record<string, unknown> = {
    BucketVersioningConfiguration: {
      status: c.rng.chance(0.3 + 0.5 * c.quality)
        ? 'Enabled'
        : c.rng.pick(['Off', 'Suspended']),
      isMfaDeleteEnabled: false,
    },
    BucketLoggingConfiguration: logged
      ? {
          destinationBucketName: `access-logs-${c.accountId.slice(-4)}`,
          logFilePrefix: `${name}/`,
        }
      : {},
    ServerSideEncryptionConfiguration: {
      rules: [
        {
          applyServerSideEncryptionByDefault: kms
            ? { sseAlgorithm: 'aws:kms', kmsMasterKeyID: kmsKey(c) }
            : { sseAlgorithm: 'AES256' },
          bucketKeyEnabled: kms,
        },
      ],
    },
    IsRequesterPaysEnabled: false,
  };
  if (!exposed || c.rng.chance(0.5)) {
    supplementaryConfiguration.PublicAccessBlockConfiguration = {
      blockPublicAcls: !exposed,
      ignorePublicAcls: !exposed,
      blockPublicPolicy: !exposed || c.rng.chance(0.5),
      restrictPublicBuckets: !exposed,
    };
  }
  return {
    resourceId: name,
    resourceName: name,
    availabilityZone: 'Regional',
    configuration: { name, creationDate: date(c.rng) },
    supplementaryConfiguration,
  };
};

const table: Builder = c => {
  const cmk = c.rng.chance(0.3);
  return {
    resourceId: c.name,
    resourceName: c.name,
    configuration: {
      tableName: c.name,
      tableArn: c.arn,
      tableId: c.rng.uuid(),
      tableStatus: 'ACTIVE',
      creationDateTime: date(c.rng),
      itemCount: c.rng.int(0, 5_000_000),
      tableSizeBytes: c.rng.int(0, 2_000_000_000),
      billingModeSummary: {
        billingMode: c.rng.pick(['PAY_PER_REQUEST', 'PROVISIONED']),
      },
      keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
      attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
      // Without an SSE description DynamoDB encrypts with an AWS owned key.
      ...(cmk
        ? {
            ssedescription: {
              status: 'ENABLED',
              ssetype: 'KMS',
              kmsmasterKeyArn: kmsKey(c),
            },
          }
        : {}),
    },
    supplementaryConfiguration: {
      ContinuousBackupsDescription: {
        continuousBackupsStatus: 'ENABLED',
        pointInTimeRecoveryDescription: {
          pointInTimeRecoveryStatus: careless(c, 0.15, 0.5)
            ? 'DISABLED'
            : 'ENABLED',
        },
      },
    },
  };
};

const fileSystem: Builder = c => {
  const encrypted = !careless(c, 0.05, 0.3);
  return {
    configuration: {
      FileSystemId: lastSegment(c.arn),
      Arn: c.arn,
      Encrypted: encrypted,
      ...(encrypted ? { KmsKeyId: kmsKey(c) } : {}),
      PerformanceMode: 'generalPurpose',
      ThroughputMode: c.rng.pick(['bursting', 'elastic']),
      BackupPolicy: { Status: careless(c, 0.2, 0.5) ? 'DISABLED' : 'ENABLED' },
      LifecyclePolicies: [{ TransitionToIA: 'AFTER_30_DAYS' }],
    },
  };
};

const domain: Builder = c => {
  const name = lastSegment(c.arn);
  const inVpc = !careless(c, 0.05, 0.3);
  const encrypted = !careless(c, 0.05, 0.3);
  return {
    resourceId: name,
    resourceName: name,
    configuration: {
      DomainName: name,
      Arn: c.arn,
      Id: `${c.accountId}/${name}`,
      EngineVersion: c.rng.pick(['OpenSearch_2.11', 'OpenSearch_1.3']),
      ClusterConfig: {
        InstanceType: 'r6g.large.search',
        InstanceCount: c.rng.pick([1, 2, 3]),
        DedicatedMasterEnabled: c.rng.chance(0.5),
        ZoneAwarenessEnabled: c.rng.chance(0.3 + 0.5 * c.quality),
        WarmEnabled: false,
      },
      EncryptionAtRestOptions: {
        Enabled: encrypted,
        ...(encrypted ? { KmsKeyId: kmsKey(c) } : {}),
      },
      NodeToNodeEncryptionOptions: { Enabled: encrypted },
      DomainEndpointOptions: {
        EnforceHTTPS: true,
        TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07',
      },
      EBSOptions: { EBSEnabled: true, VolumeSize: 100, VolumeType: 'gp3' },
      ...(inVpc
        ? {
            VPCOptions: {
              SubnetIds: [`subnet-0${c.rng.hex(16)}`],
              SecurityGroupIds: [`sg-0${c.rng.hex(16)}`],
            },
          }
        : {}),
    },
  };
};

const redshift: Builder = c => {
  const name = lastSegment(c.arn);
  const encrypted = !careless(c, 0.05, 0.3);
  const logged = c.rng.chance(0.3 + 0.4 * c.quality);
  const availabilityZone = zone(c);
  return {
    resourceId: name,
    resourceName: name,
    availabilityZone,
    configuration: {
      clusterIdentifier: name,
      nodeType: c.rng.pick(['ra3.xlplus', 'ra3.4xlarge']),
      numberOfNodes: c.rng.pick([2, 4]),
      clusterStatus: 'available',
      dBName: 'analytics',
      encrypted,
      ...(encrypted ? { kmsKeyId: kmsKey(c) } : {}),
      publiclyAccessible: careless(c, 0.03, 0.2),
      automatedSnapshotRetentionPeriod: careless(c, 0.05, 0.3)
        ? 0
        : c.rng.pick([1, 7, 35]),
      availabilityZone,
      vpcId: vpc(c),
      endpoint: {
        address: `${name}.${c.rng.chars(12, LOWER)}.${
          c.region
        }.redshift.amazonaws.com`,
        port: 5439,
      },
      clusterCreateTime: date(c.rng),
    },
    supplementaryConfiguration: {
      LoggingStatus: logged
        ? {
            loggingEnabled: true,
            bucketName: `audit-logs-${c.accountId.slice(-4)}`,
            s3KeyPrefix: `${name}/`,
          }
        : { loggingEnabled: false },
    },
  };
};

const loadBalancer: Builder = c => {
  const name = c.arn.split('/')[2] ?? c.name;
  return {
    resourceName: name,
    configuration: {
      loadBalancerArn: c.arn,
      loadBalancerName: name,
      dNSName: `${name}-${c.rng.int(100000000, 999999999)}.${
        c.region
      }.elb.amazonaws.com`,
      scheme: c.rng.chance(0.5) ? 'internet-facing' : 'internal',
      type: 'application',
      ipAddressType: 'ipv4',
      vpcId: vpc(c),
      state: { code: 'active' },
      createdTime: date(c.rng),
      availabilityZones: [
        { zoneName: `${c.region}a`, subnetId: `subnet-0${c.rng.hex(16)}` },
        { zoneName: `${c.region}b`, subnetId: `subnet-0${c.rng.hex(16)}` },
      ],
    },
  };
};

const distribution: Builder = c => {
  const id = lastSegment(c.arn);
  const logged = c.rng.chance(0.2 + 0.5 * c.quality);
  return {
    configuration: {
      id,
      arn: c.arn,
      domainName: `${c.rng.chars(13, LOWER)}.cloudfront.net`,
      lastModifiedTime: date(c.rng),
      distributionConfig: {
        enabled: true,
        comment: c.name,
        priceClass: 'PriceClass_100',
        httpVersion: 'http2',
        isIPV6Enabled: true,
        defaultRootObject: 'index.html',
        logging: logged
          ? {
              enabled: true,
              bucket: `cdn-logs-${c.accountId.slice(-4)}.s3.amazonaws.com`,
              prefix: `${id}/`,
              includeCookies: false,
            }
          : { enabled: false, bucket: '', prefix: '', includeCookies: false },
        viewerCertificate: {
          cloudFrontDefaultCertificate: true,
          minimumProtocolVersion: 'TLSv1',
        },
        defaultCacheBehavior: {
          targetOriginId: 'origin-1',
          viewerProtocolPolicy: 'redirect-to-https',
          compress: true,
        },
      },
    },
  };
};

const BUILDERS: Record<string, Builder> = {
  'AWS::EC2::Volume': volume,
  'AWS::EC2::Instance': instance,
  'AWS::EC2::LaunchTemplate': launchTemplate,
  'AWS::EC2::SecurityGroup': securityGroup,
  'AWS::RDS::DBInstance': dbInstance,
  'AWS::RDS::DBCluster': dbCluster,
  'AWS::S3::Bucket': bucket,
  'AWS::DynamoDB::Table': table,
  'AWS::EFS::FileSystem': fileSystem,
  'AWS::OpenSearch::Domain': domain,
  'AWS::Redshift::Cluster': redshift,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': loadBalancer,
  'AWS::CloudFront::Distribution': distribution,
};

/** The configuration item AWS Config holds for a generated resource of a Tagging API type, if Config records that type. */
export function generateConfigItem(
  taggingType: string,
  c: ConfigContext,
): InventoryConfigItem | undefined {
  const resourceType = CONFIG_RESOURCE_TYPES[taggingType];
  if (!resourceType) return undefined;
  return { resourceType, ...BUILDERS[resourceType](c) };
}

/** Redshift clusters: not in the tagged estate's mix, only among the resources nobody ever tagged. */
export const REDSHIFT_CLUSTER: ResourceTypeSpec = {
  type: 'redshift:cluster',
  weight: 2,
  dataStore: true,
  purposes: ['warehouse', 'analytics'],
  arn: c => ({
    arn: `arn:${c.partition}:redshift:${c.region}:${c.accountId}:cluster:${c.name}`,
  }),
};
