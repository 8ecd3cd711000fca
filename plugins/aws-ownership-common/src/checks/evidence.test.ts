import { arns, resource } from '../__testUtils__/rate';
import { factsFromConfigItem } from '../evidence/factsFromConfigItem';
import type { ConfigItem } from '../evidence/types';
import type { AwsResource } from '../model/types';
import { evaluateResource } from '../scoring/evaluateResource';

const capturedAt = '2026-11-29T09:00:00.000Z';

/** A resource with the facts AWS Config's item establishes. */
function recorded(
  arn: string,
  tags: Record<string, string>,
  item: ConfigItem,
): AwsResource {
  return {
    ...resource(arn, tags),
    evidence: {
      source: 'AWS Config',
      capturedAt,
      configType: item.resourceType,
      facts: factsFromConfigItem(item),
    },
  };
}

const resultOf = (id: string, r: AwsResource) => {
  const found = evaluateResource(r, {}).results.find(x => x.checkId === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
};

const volume = (encrypted: boolean) =>
  recorded(
    arns.volume,
    {},
    {
      resourceType: 'AWS::EC2::Volume',
      configuration: { encrypted },
    },
  );

const rds = (configuration: Record<string, unknown>, tags = {}) =>
  recorded(arns.rds, tags, {
    resourceType: 'AWS::RDS::DBInstance',
    configuration,
  });

describe('responsibility.encryption-at-rest', () => {
  const id = 'responsibility.encryption-at-rest';
  it('fails an unencrypted volume, verified, naming the fact and its property', () => {
    expect(resultOf(id, volume(false))).toMatchObject({
      status: 'fail',
      severity: 'high',
      basis: 'verified',
      evidence: {
        fact: 'encryptedAtRest',
        value: false,
        property: 'configuration.encrypted',
        capturedAt,
        source: 'AWS Config',
      },
    });
  });
  it('passes an encrypted one', () => {
    expect(resultOf(id, volume(true))).toMatchObject({
      status: 'pass',
      basis: 'verified',
    });
  });
  it('fails confidential data under an AWS-managed key, passes it when the manager is unknown', () => {
    const table = (configuration: Record<string, unknown>) =>
      recorded(
        arns.table,
        { 'data-classification': 'confidential' },
        {
          resourceType: 'AWS::DynamoDB::Table',
          configuration,
        },
      );
    expect(resultOf(id, table({}))).toMatchObject({
      status: 'fail',
      evidence: { fact: 'kmsKeyManager', value: 'aws' },
    });
    expect(
      resultOf(
        id,
        table({ ssedescription: { status: 'ENABLED', ssetype: 'KMS' } }),
      ).status,
    ).toBe('pass');
  });
  it('is not applicable without evidence, saying why', () => {
    const r = resultOf(id, resource(arns.volume));
    expect(r.status).toBe('not-applicable');
    expect(r.message).toBe(
      'no evidence: AWS Config does not record this resource here',
    );
    expect(r.basis).toBeUndefined();
    const off = resultOf(id, {
      ...resource(arns.volume),
      evidenceUnavailable: 'AWS Config is not recording in us-east-1',
    });
    expect(off.message).toContain('AWS Config is not recording in us-east-1');
  });
  it('is not applicable to what holds no data', () => {
    expect(resultOf(id, resource(arns.lambda)).message).toContain(
      'not a data store',
    );
  });
});

describe('responsibility.no-public-access', () => {
  const id = 'responsibility.no-public-access';
  const bucket = (flags: Record<string, boolean> | undefined) =>
    recorded(
      arns.bucket,
      {},
      {
        resourceType: 'AWS::S3::Bucket',
        supplementaryConfiguration: {
          ...(flags ? { PublicAccessBlockConfiguration: flags } : {}),
          BucketVersioningConfiguration: { status: 'Enabled' },
        },
      },
    );
  const all = {
    blockPublicAcls: true,
    ignorePublicAcls: true,
    blockPublicPolicy: true,
    restrictPublicBuckets: true,
  };
  it('passes a bucket with all four flags, fails one without them', () => {
    expect(resultOf(id, bucket(all))).toMatchObject({
      status: 'pass',
      basis: 'verified',
    });
    const r = resultOf(id, bucket(undefined));
    expect(r).toMatchObject({ status: 'fail', severity: 'critical' });
    expect(r.remediation).toContain(
      'put-public-access-block --bucket orders-data',
    );
    expect(
      resultOf(id, bucket({ ...all, ignorePublicAcls: false })).status,
    ).toBe('fail');
  });
  it('judges RDS publicly accessible', () => {
    expect(resultOf(id, rds({ publiclyAccessible: true })).status).toBe('fail');
    expect(resultOf(id, rds({ publiclyAccessible: false })).status).toBe(
      'pass',
    );
  });
  it('fails a security group open to the internet beyond 80 and 443, naming the ports', () => {
    const sg = (ports: number[]) =>
      recorded(
        arns.securityGroup,
        {},
        {
          resourceType: 'AWS::EC2::SecurityGroup',
          configuration: {
            ipPermissions: ports.map(p => ({
              ipProtocol: 'tcp',
              fromPort: p,
              toPort: p,
              ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
            })),
          },
        },
      );
    expect(resultOf(id, sg([443, 80])).status).toBe('pass');
    const r = resultOf(id, sg([443, 22]));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('tcp/22');
    expect(r.message).not.toContain('tcp/443');
  });
  it('is not applicable to an RDS cluster: the schema records no public access', () => {
    const cluster = recorded(
      'arn:aws:rds:us-east-1:111122223333:cluster:orders',
      {},
      {
        resourceType: 'AWS::RDS::DBCluster',
        configuration: { storageEncrypted: true },
      },
    );
    expect(resultOf(id, cluster).message).toMatch(/^no evidence/);
  });
});

describe('responsibility.backup with facts', () => {
  const id = 'responsibility.backup';
  it('a declared pass flips to a verified fail when the fact disagrees', () => {
    const declared = resultOf(id, resource(arns.rds, { backup: 'daily' }));
    expect(declared).toMatchObject({ status: 'pass', basis: 'declared' });
    const checked = resultOf(
      id,
      rds({ backupRetentionPeriod: 0 }, { backup: 'daily' }),
    );
    expect(checked).toMatchObject({
      status: 'fail',
      basis: 'verified',
      evidence: { fact: 'backupRetentionDays', value: 0 },
    });
  });
  it('a declared fail flips to a verified pass when backups are kept', () => {
    expect(resultOf(id, resource(arns.rds, { backup: 'none' })).status).toBe(
      'fail',
    );
    expect(
      resultOf(id, rds({ backupRetentionPeriod: 7 }, { backup: 'none' })),
    ).toMatchObject({ status: 'pass', basis: 'verified' });
  });
  it('reads DynamoDB point-in-time recovery, S3 versioning and the EFS backup policy', () => {
    const table = recorded(
      arns.table,
      {},
      {
        resourceType: 'AWS::DynamoDB::Table',
        supplementaryConfiguration: {
          ContinuousBackupsDescription: {
            pointInTimeRecoveryDescription: {
              pointInTimeRecoveryStatus: 'DISABLED',
            },
          },
        },
      },
    );
    expect(resultOf(id, table)).toMatchObject({
      status: 'fail',
      evidence: { fact: 'pointInTimeRecovery', value: false },
    });
    const bucket = recorded(
      arns.bucket,
      {},
      {
        resourceType: 'AWS::S3::Bucket',
        supplementaryConfiguration: {
          BucketVersioningConfiguration: { status: 'Enabled' },
        },
      },
    );
    expect(resultOf(id, bucket)).toMatchObject({
      status: 'pass',
      basis: 'verified',
      evidence: { fact: 'versioning' },
    });
    const fs = recorded(
      arns.fileSystem,
      {},
      {
        resourceType: 'AWS::EFS::FileSystem',
        configuration: { BackupPolicy: { Status: 'ENABLED' } },
      },
    );
    expect(resultOf(id, fs)).toMatchObject({
      status: 'pass',
      basis: 'verified',
    });
  });
  it('accepts no backups for public data, verified', () => {
    expect(
      resultOf(
        id,
        rds({ backupRetentionPeriod: 0 }, { 'data-classification': 'public' }),
      ),
    ).toMatchObject({ status: 'pass', basis: 'verified' });
  });
  it('falls back to the declaration without a fact (a volume has none)', () => {
    expect(resultOf(id, volume(true))).toMatchObject({
      status: 'fail',
      basis: 'declared',
    });
    expect(resultOf(id, resource(arns.bucket)).status).toBe('not-applicable');
  });
});

describe('responsibility.multi-az', () => {
  const id = 'responsibility.multi-az';
  it('fails a production database in one zone, passes one across zones', () => {
    expect(
      resultOf(id, rds({ multiAZ: false }, { environment: 'prod' })),
    ).toMatchObject({ status: 'fail', basis: 'verified', severity: 'medium' });
    expect(
      resultOf(id, rds({ multiAZ: true }, { environment: 'prod' })).status,
    ).toBe('pass');
  });
  it('is not applicable outside production or without evidence', () => {
    expect(
      resultOf(id, rds({ multiAZ: false }, { environment: 'dev' })).status,
    ).toBe('not-applicable');
    expect(
      resultOf(id, resource(arns.rds, { environment: 'prod' })).message,
    ).toMatch(/^no evidence/);
  });
});

describe('responsibility.imds-v2', () => {
  const id = 'responsibility.imds-v2';
  const instance = (httpTokens: string) =>
    recorded(
      arns.instance,
      {},
      {
        resourceType: 'AWS::EC2::Instance',
        configuration: { metadataOptions: { httpTokens } },
      },
    );
  it('fails tokens optional with the command, passes required', () => {
    const r = resultOf(id, instance('optional'));
    expect(r).toMatchObject({ status: 'fail', basis: 'verified' });
    expect(r.remediation).toContain(
      '--instance-id i-0123456789abcdef0 --http-tokens required',
    );
    expect(resultOf(id, instance('required')).status).toBe('pass');
  });
  it('judges launch templates', () => {
    const template = recorded(
      'arn:aws:ec2:us-east-1:111122223333:launch-template/lt-0123456789abcdef0',
      {},
      {
        resourceType: 'AWS::EC2::LaunchTemplate',
        configuration: {
          LaunchTemplateData: { MetadataOptions: { HttpTokens: 'optional' } },
        },
      },
    );
    expect(resultOf(id, template).status).toBe('fail');
  });
});

describe('responsibility.access-logging', () => {
  const id = 'responsibility.access-logging';
  it('reads S3 logging and CloudFront logging', () => {
    const bucket = recorded(
      arns.bucket,
      {},
      {
        resourceType: 'AWS::S3::Bucket',
        supplementaryConfiguration: { BucketLoggingConfiguration: {} },
      },
    );
    expect(resultOf(id, bucket)).toMatchObject({
      status: 'fail',
      severity: 'low',
      basis: 'verified',
    });
    const distribution = recorded(
      'arn:aws:cloudfront::111122223333:distribution/E1A2B3C4D5E6F7',
      {},
      {
        resourceType: 'AWS::CloudFront::Distribution',
        configuration: { distributionConfig: { logging: { enabled: true } } },
      },
    );
    expect(resultOf(id, distribution).status).toBe('pass');
  });
  it('is not applicable to a load balancer: Config records no access-log property', () => {
    const alb = recorded(
      arns.alb,
      {},
      {
        resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        configuration: { scheme: 'internet-facing' },
      },
    );
    expect(resultOf(id, alb)).toMatchObject({ status: 'not-applicable' });
    expect(resultOf(id, alb).message).toMatch(/^no evidence/);
  });
});
