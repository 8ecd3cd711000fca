import { configEvidenceTypes } from './configEvidenceTypes';
import { factsFromConfigItem } from './factsFromConfigItem';

const open = (cidr: string, protocol: string, port?: number) => ({
  ipProtocol: protocol,
  ...(port === undefined ? {} : { fromPort: port, toPort: port }),
  ipv4Ranges: cidr.includes(':') ? [] : [{ cidrIp: cidr }],
  ipv6Ranges: cidr.includes(':') ? [{ cidrIpv6: cidr }] : [],
});

describe('factsFromConfigItem', () => {
  it('AWS::EC2::Volume: configuration.encrypted', () => {
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::EC2::Volume',
        configuration: { encrypted: false },
      }),
    ).toEqual({ encryptedAtRest: false });
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::EC2::Volume',
        configuration: { encrypted: true, kmsKeyId: 'arn:aws:kms:...' },
      }),
    ).toEqual({ encryptedAtRest: true });
  });

  it('AWS::EC2::Instance: metadataOptions.httpTokens (or the endpoint off)', () => {
    const item = (httpTokens: string, httpEndpoint = 'enabled') => ({
      resourceType: 'AWS::EC2::Instance',
      configuration: { metadataOptions: { httpTokens, httpEndpoint } },
    });
    expect(factsFromConfigItem(item('required'))).toEqual({
      imdsV2Required: true,
    });
    expect(factsFromConfigItem(item('optional'))).toEqual({
      imdsV2Required: false,
    });
    expect(factsFromConfigItem(item('optional', 'disabled'))).toEqual({
      imdsV2Required: true,
    });
  });

  it('AWS::EC2::LaunchTemplate: LaunchTemplateData.MetadataOptions.HttpTokens', () => {
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::EC2::LaunchTemplate',
        configuration: {
          LaunchTemplateData: { MetadataOptions: { HttpTokens: 'optional' } },
        },
      }),
    ).toEqual({ imdsV2Required: false });
  });

  it('AWS::EC2::SecurityGroup: ingress open to 0.0.0.0/0 or ::/0 except TCP 80 and 443', () => {
    const facts = (ipPermissions: unknown[]) =>
      factsFromConfigItem({
        resourceType: 'AWS::EC2::SecurityGroup',
        configuration: { ipPermissions },
      });
    expect(
      facts([open('10.0.0.0/8', 'tcp', 5432), open('0.0.0.0/0', 'tcp', 443)]),
    ).toEqual({ publicIngressPorts: ['tcp/443'], publicAccess: false });
    expect(facts([open('0.0.0.0/0', 'tcp', 22)])).toEqual({
      publicIngressPorts: ['tcp/22'],
      publicAccess: true,
    });
    expect(facts([open('::/0', 'tcp', 3389)])).toMatchObject({
      publicIngressPorts: ['tcp/3389'],
      publicAccess: true,
    });
    expect(facts([open('0.0.0.0/0', '-1')])).toMatchObject({
      publicIngressPorts: ['all'],
      publicAccess: true,
    });
    expect(
      facts([
        {
          ipProtocol: 'tcp',
          fromPort: 8000,
          toPort: 8080,
          ipRanges: ['0.0.0.0/0'],
        },
      ]),
    ).toMatchObject({ publicIngressPorts: ['tcp/8000-8080'] });
    expect(facts([])).toEqual({ publicIngressPorts: [], publicAccess: false });
  });

  it('AWS::RDS::DBInstance: storageEncrypted, publiclyAccessible, backupRetentionPeriod, multiAZ', () => {
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::RDS::DBInstance',
        configuration: {
          storageEncrypted: false,
          publiclyAccessible: true,
          backupRetentionPeriod: 0,
          multiAZ: false,
        },
      }),
    ).toEqual({
      encryptedAtRest: false,
      publicAccess: true,
      backupRetentionDays: 0,
      multiAz: false,
    });
  });

  it('AWS::RDS::DBCluster: no public-access property in the schema', () => {
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::RDS::DBCluster',
        configuration: {
          storageEncrypted: true,
          backupRetentionPeriod: 7,
          multiAZ: true,
        },
      }),
    ).toEqual({ encryptedAtRest: true, backupRetentionDays: 7, multiAz: true });
  });

  it('AWS::S3::Bucket: public access block, versioning, logging, default encryption', () => {
    const blocked = {
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: true,
    };
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::S3::Bucket',
        supplementaryConfiguration: {
          PublicAccessBlockConfiguration: blocked,
          BucketVersioningConfiguration: { status: 'Enabled' },
          BucketLoggingConfiguration: { destinationBucketName: 'logs' },
          ServerSideEncryptionConfiguration: {
            rules: [
              {
                applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' },
              },
            ],
          },
        },
      }),
    ).toEqual({
      publicAccess: false,
      versioning: true,
      accessLogging: true,
      encryptedAtRest: true,
      kmsKeyManager: 'aws',
    });
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::S3::Bucket',
        supplementaryConfiguration: {
          PublicAccessBlockConfiguration: {
            ...blocked,
            blockPublicPolicy: false,
          },
          BucketVersioningConfiguration: { status: 'Suspended' },
          ServerSideEncryptionConfiguration: {
            rules: [
              {
                applyServerSideEncryptionByDefault: {
                  sseAlgorithm: 'aws:kms',
                  kmsMasterKeyID: 'arn:aws:kms:us-east-1:111122223333:key/x',
                },
              },
            ],
          },
        },
      }),
    ).toEqual({
      publicAccess: true,
      versioning: false,
      accessLogging: false,
      encryptedAtRest: true,
    });
    // no public access block recorded at all: nothing blocks public access
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::S3::Bucket',
        supplementaryConfiguration: {
          BucketVersioningConfiguration: { status: 'Off' },
        },
      }),
    ).toMatchObject({ publicAccess: true, versioning: false });
  });

  it('AWS::DynamoDB::Table: SSE description and point-in-time recovery', () => {
    const pitr = (status: string) => ({
      ContinuousBackupsDescription: {
        pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: status },
      },
    });
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::DynamoDB::Table',
        configuration: {},
        supplementaryConfiguration: pitr('DISABLED'),
      }),
    ).toEqual({
      encryptedAtRest: true,
      kmsKeyManager: 'aws',
      pointInTimeRecovery: false,
    });
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::DynamoDB::Table',
        configuration: {
          ssedescription: { status: 'ENABLED', ssetype: 'KMS' },
        },
        supplementaryConfiguration: pitr('ENABLED'),
      }),
    ).toEqual({ encryptedAtRest: true, pointInTimeRecovery: true });
  });

  it('AWS::EFS::FileSystem: Encrypted and BackupPolicy.Status', () => {
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::EFS::FileSystem',
        configuration: {
          Encrypted: false,
          BackupPolicy: { Status: 'DISABLED' },
        },
      }),
    ).toEqual({ encryptedAtRest: false, backupPolicyEnabled: false });
  });

  it('AWS::OpenSearch::Domain: encryption, zone awareness, VPC placement', () => {
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::OpenSearch::Domain',
        configuration: {
          EncryptionAtRestOptions: { Enabled: true },
          ClusterConfig: { ZoneAwarenessEnabled: false },
        },
      }),
    ).toEqual({ encryptedAtRest: true, multiAz: false, publicAccess: true });
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::OpenSearch::Domain',
        configuration: {
          EncryptionAtRestOptions: { Enabled: true },
          VPCOptions: { SubnetIds: ['subnet-0abc'] },
        },
      }),
    ).toMatchObject({ publicAccess: false });
  });

  it('AWS::Redshift::Cluster: encryption, public access, snapshot retention, audit logging', () => {
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::Redshift::Cluster',
        configuration: {
          encrypted: true,
          publiclyAccessible: true,
          automatedSnapshotRetentionPeriod: 1,
        },
        supplementaryConfiguration: {
          LoggingStatus: { loggingEnabled: false },
        },
      }),
    ).toEqual({
      encryptedAtRest: true,
      publicAccess: true,
      backupRetentionDays: 1,
      accessLogging: false,
    });
  });

  it('AWS::CloudFront::Distribution: distributionConfig.logging.enabled', () => {
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::CloudFront::Distribution',
        configuration: { distributionConfig: { logging: { enabled: true } } },
      }),
    ).toEqual({ accessLogging: true });
  });

  it('yields nothing for load balancers (no access-log property) and unknown types', () => {
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        configuration: { scheme: 'internet-facing' },
      }),
    ).toEqual({});
    expect(
      factsFromConfigItem({
        resourceType: 'AWS::SQS::Queue',
        configuration: {},
      }),
    ).toEqual({});
  });

  it('names a selected property for every fact of every type', () => {
    for (const type of configEvidenceTypes) {
      for (const property of Object.values(type.factProperties)) {
        expect(
          type.properties.some(
            p => p === property || p.startsWith(`${property}.`),
          ),
        ).toBe(true);
      }
    }
  });
});
