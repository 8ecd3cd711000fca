/** AWS Config items of data stores: RDS, S3, DynamoDB, EFS, OpenSearch and Redshift, in resource schema property names. */
import {
  Builder,
  ConfigContext,
  careless,
  date,
  kmsKey,
  lastSegment,
  LOWER,
  UPPER,
  vpc,
  zone,
} from './shared';

function retention(c: ConfigContext): number {
  return careless(c, 0.06, 0.35) ? 0 : c.rng.pick([1, 7, 7, 14, 35]);
}

/** AWS::RDS::DBInstance: encryption, public access, backup retention, Multi-AZ. */
export const dbInstance: Builder = c => {
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

/** AWS::RDS::DBCluster: encryption, backup retention, Multi-AZ. */
export const dbCluster: Builder = c => {
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

/** AWS::DynamoDB::Table: the SSE description (absent: an AWS owned key) and point-in-time recovery. */
export const table: Builder = c => {
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

/** AWS::EFS::FileSystem: encryption and the backup policy. */
export const fileSystem: Builder = c => {
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

/** AWS::OpenSearch::Domain: encryption at rest, zone awareness, VPC placement. */
export const domain: Builder = c => {
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

/** AWS::Redshift::Cluster: encryption, public access, snapshot retention, audit logging. */
export const redshift: Builder = c => {
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

/** AWS::S3::Bucket: public access block, versioning, access logging, default encryption. */
export const bucket: Builder = c => {
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
