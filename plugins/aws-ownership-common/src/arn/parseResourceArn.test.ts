import fc from 'fast-check';
import { classifyResourceType } from '../classification/classifyResourceType';
import { InvalidArnError } from './InvalidArnError';
import { parseResourceArn } from './parseResourceArn';

const A = '111122223333';

// [arn, resourceType, resourceId] for every type of CHECKLISTS.md section 5.
const section5: Array<[string, string, string]> = [
  [
    `arn:aws:ec2:us-east-1:${A}:instance/i-0abc1234def567890`,
    'ec2:instance',
    'i-0abc1234def567890',
  ],
  [
    `arn:aws:ec2:us-east-1:${A}:volume/vol-0abc1234`,
    'ec2:volume',
    'vol-0abc1234',
  ],
  [
    `arn:aws:ec2:us-east-1::snapshot/snap-0abc1234`,
    'ec2:snapshot',
    'snap-0abc1234',
  ],
  [`arn:aws:ec2:us-east-1::image/ami-0abc1234`, 'ec2:image', 'ami-0abc1234'],
  [
    `arn:aws:ec2:us-east-1:${A}:security-group/sg-0abc1234`,
    'ec2:security-group',
    'sg-0abc1234',
  ],
  [`arn:aws:ec2:us-east-1:${A}:vpc/vpc-0abc1234`, 'ec2:vpc', 'vpc-0abc1234'],
  [
    `arn:aws:ec2:us-east-1:${A}:subnet/subnet-0abc1234`,
    'ec2:subnet',
    'subnet-0abc1234',
  ],
  [
    `arn:aws:ec2:us-east-1:${A}:natgateway/nat-0abc1234`,
    'ec2:natgateway',
    'nat-0abc1234',
  ],
  [
    `arn:aws:ec2:us-east-1:${A}:internet-gateway/igw-0abc1234`,
    'ec2:internet-gateway',
    'igw-0abc1234',
  ],
  [
    `arn:aws:ec2:us-east-1:${A}:network-interface/eni-0abc1234`,
    'ec2:network-interface',
    'eni-0abc1234',
  ],
  [
    `arn:aws:ec2:us-east-1:${A}:elastic-ip/eipalloc-0abc1234`,
    'ec2:elastic-ip',
    'eipalloc-0abc1234',
  ],
  [
    `arn:aws:ec2:us-east-1:${A}:launch-template/lt-0abc1234`,
    'ec2:launch-template',
    'lt-0abc1234',
  ],
  [
    `arn:aws:ec2:us-east-1:${A}:transit-gateway/tgw-0abc1234`,
    'ec2:transit-gateway',
    'tgw-0abc1234',
  ],
  [
    `arn:aws:ec2:us-east-1:${A}:vpc-endpoint/vpce-0abc1234`,
    'ec2:vpc-endpoint',
    'vpce-0abc1234',
  ],
  [
    `arn:aws:ec2:us-east-1:${A}:route-table/rtb-0abc1234`,
    'ec2:route-table',
    'rtb-0abc1234',
  ],
  [
    `arn:aws:ec2:us-east-1:${A}:vpn-connection/vpn-0abc1234`,
    'ec2:vpn-connection',
    'vpn-0abc1234',
  ],
  [
    `arn:aws:autoscaling:us-east-1:${A}:autoScalingGroup:6d6b4f1e-1234-4cde-8f00-0123456789ab:autoScalingGroupName/web-asg`,
    'autoscaling:autoScalingGroup',
    '6d6b4f1e-1234-4cde-8f00-0123456789ab:autoScalingGroupName/web-asg',
  ],
  [
    `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/app/web/50dc6c49`,
    'elasticloadbalancing:loadbalancer',
    'app/web/50dc6c49',
  ],
  [
    `arn:aws:elasticloadbalancing:us-east-1:${A}:targetgroup/web-tg/73e2d6bc24d8a067`,
    'elasticloadbalancing:targetgroup',
    'web-tg/73e2d6bc24d8a067',
  ],
  [
    `arn:aws:lambda:us-east-1:${A}:function:orders-api`,
    'lambda:function',
    'orders-api',
  ],
  [`arn:aws:ecs:us-east-1:${A}:cluster/main`, 'ecs:cluster', 'main'],
  [
    `arn:aws:ecs:us-east-1:${A}:service/main/orders`,
    'ecs:service',
    'main/orders',
  ],
  [
    `arn:aws:ecs:us-east-1:${A}:task-definition/orders:7`,
    'ecs:task-definition',
    'orders:7',
  ],
  [`arn:aws:eks:us-east-1:${A}:cluster/platform`, 'eks:cluster', 'platform'],
  [
    `arn:aws:eks:us-east-1:${A}:nodegroup/platform/general/1a2b3c4d-0000-1111-2222-333344445555`,
    'eks:nodegroup',
    'platform/general/1a2b3c4d-0000-1111-2222-333344445555',
  ],
  [
    `arn:aws:ecr:us-east-1:${A}:repository/orders-api`,
    'ecr:repository',
    'orders-api',
  ],
  [
    `arn:aws:elasticbeanstalk:us-east-1:${A}:environment/shop/shop-prod`,
    'elasticbeanstalk:environment',
    'shop/shop-prod',
  ],
  [`arn:aws:rds:us-east-1:${A}:db:orders-db`, 'rds:db', 'orders-db'],
  [
    `arn:aws:rds:us-east-1:${A}:cluster:orders-aurora`,
    'rds:cluster',
    'orders-aurora',
  ],
  [
    `arn:aws:rds:us-east-1:${A}:snapshot:rds:orders-db-2024-01-01-00-00`,
    'rds:snapshot',
    'rds:orders-db-2024-01-01-00-00',
  ],
  [
    `arn:aws:rds:us-east-1:${A}:db-proxy:prx-0123456789abcdef0`,
    'rds:db-proxy',
    'prx-0123456789abcdef0',
  ],
  [`arn:aws:dynamodb:us-east-1:${A}:table/orders`, 'dynamodb:table', 'orders'],
  [
    `arn:aws:elasticache:us-east-1:${A}:cluster:sessions-001`,
    'elasticache:cluster',
    'sessions-001',
  ],
  [
    `arn:aws:elasticache:us-east-1:${A}:serverlesscache:sessions`,
    'elasticache:serverlesscache',
    'sessions',
  ],
  [
    `arn:aws:memorydb:us-east-1:${A}:cluster/ledger`,
    'memorydb:cluster',
    'ledger',
  ],
  [`arn:aws:es:us-east-1:${A}:domain/search`, 'es:domain', 'search'],
  [
    `arn:aws:aoss:us-east-1:${A}:collection/a1b2c3d4e5f6g7h8i9j0`,
    'aoss:collection',
    'a1b2c3d4e5f6g7h8i9j0',
  ],
  [
    `arn:aws:redshift:us-east-1:${A}:cluster:warehouse`,
    'redshift:cluster',
    'warehouse',
  ],
  [
    `arn:aws:elasticmapreduce:us-east-1:${A}:cluster/j-2AXXXXXXGAPLF`,
    'elasticmapreduce:cluster',
    'j-2AXXXXXXGAPLF',
  ],
  [
    `arn:aws:kafka:us-east-1:${A}:cluster/events/abcd1234-ab12-cd34-ef56-abcdef123456-2`,
    'kafka:cluster',
    'events/abcd1234-ab12-cd34-ef56-abcdef123456-2',
  ],
  [
    `arn:aws:mq:us-east-1:${A}:broker:orders-broker:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9`,
    'mq:broker',
    'orders-broker:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9',
  ],
  [
    `arn:aws:elasticfilesystem:us-east-1:${A}:file-system/fs-0abc1234`,
    'elasticfilesystem:file-system',
    'fs-0abc1234',
  ],
  [
    `arn:aws:fsx:us-east-1:${A}:file-system/fs-0123456789abcdef0`,
    'fsx:file-system',
    'fs-0123456789abcdef0',
  ],
  ['arn:aws:s3:::orders-data', 's3:bucket', 'orders-data'],
  [
    `arn:aws:glacier:us-east-1:${A}:vaults/archive`,
    'glacier:vaults',
    'archive',
  ],
  [`arn:aws:sqs:us-east-1:${A}:orders`, 'sqs:queue', 'orders'],
  [`arn:aws:sns:us-east-1:${A}:order-events`, 'sns:topic', 'order-events'],
  [`arn:aws:kinesis:us-east-1:${A}:stream/clicks`, 'kinesis:stream', 'clicks'],
  [
    `arn:aws:firehose:us-east-1:${A}:deliverystream/clicks-to-s3`,
    'firehose:deliverystream',
    'clicks-to-s3',
  ],
  [
    `arn:aws:events:us-east-1:${A}:rule/nightly-export`,
    'events:rule',
    'nightly-export',
  ],
  [
    `arn:aws:states:us-east-1:${A}:stateMachine:order-flow`,
    'states:stateMachine',
    'order-flow',
  ],
  [
    'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5',
    'apigateway:restapis',
    'a1b2c3d4e5',
  ],
  [
    `arn:aws:cloudfront::${A}:distribution/EDFDVBD6EXAMPLE`,
    'cloudfront:distribution',
    'EDFDVBD6EXAMPLE',
  ],
  [
    'arn:aws:route53:::hostedzone/Z1D633PJN98FT9',
    'route53:hostedzone',
    'Z1D633PJN98FT9',
  ],
  [
    `arn:aws:acm:us-east-1:${A}:certificate/12345678-1234-1234-1234-123456789012`,
    'acm:certificate',
    '12345678-1234-1234-1234-123456789012',
  ],
  [
    `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    'kms:key',
    '1234abcd-12ab-34cd-56ef-1234567890ab',
  ],
  [
    `arn:aws:secretsmanager:us-east-1:${A}:secret:db-credentials-AbC123`,
    'secretsmanager:secret',
    'db-credentials-AbC123',
  ],
  [
    `arn:aws:ssm:us-east-1:${A}:parameter/orders/db-host`,
    'ssm:parameter',
    'orders/db-host',
  ],
  [
    `arn:aws:logs:us-east-1:${A}:log-group:/aws/lambda/orders-api`,
    'logs:log-group',
    '/aws/lambda/orders-api',
  ],
  [
    `arn:aws:cloudwatch:us-east-1:${A}:alarm:orders-5xx`,
    'cloudwatch:alarm',
    'orders-5xx',
  ],
  [
    `arn:aws:cloudformation:us-east-1:${A}:stack/orders/1a2b3c4d-0000-1111-2222-333344445555`,
    'cloudformation:stack',
    'orders/1a2b3c4d-0000-1111-2222-333344445555',
  ],
  [
    `arn:aws:wafv2:us-east-1:${A}:regional/webacl/edge-acl/a1b2c3d4-0000-1111-2222-333344445555`,
    'wafv2:webacl',
    'edge-acl/a1b2c3d4-0000-1111-2222-333344445555',
  ],
  [
    `arn:aws:cognito-idp:us-east-1:${A}:userpool/us-east-1_AbC123xyz`,
    'cognito-idp:userpool',
    'us-east-1_AbC123xyz',
  ],
  [
    `arn:aws:backup:us-east-1:${A}:backup-vault:main-vault`,
    'backup:backup-vault',
    'main-vault',
  ],
];

describe('parseResourceArn', () => {
  it.each(section5)('parses %s', (arn, resourceType, resourceId) => {
    const parsed = parseResourceArn(arn);
    expect(parsed.arn).toBe(arn);
    expect(parsed.resourceType).toBe(resourceType);
    expect(parsed.resourceId).toBe(resourceId);
    expect(parsed.partition).toBe('aws');
    expect(parsed.service).toBe(resourceType.split(':')[0]);
  });

  it('classifies every section-5 type (only CloudFormation stacks are unclassified)', () => {
    const unclassified = section5
      .map(([, type]) => type)
      .filter(type => classifyResourceType(type) === 'unclassified');
    expect(unclassified).toEqual(['cloudformation:stack']);
  });

  it('names types it has not met before as service:type, past any number of them', () => {
    // the parser remembers a bounded number of types: the ones after that are
    // built anew each time, and must come out the same
    for (let i = 0; i < 2500; i++) {
      const parsed = parseResourceArn(
        `arn:aws:svc${i % 50}:us-east-1:${A}:kind-${i}/thing-${i}`,
      );
      expect(parsed.resourceType).toBe(`svc${i % 50}:kind-${i}`);
      expect(parsed.resourceId).toBe(`thing-${i}`);
    }
    expect(
      parseResourceArn(`arn:aws:svc7:us-east-1:${A}:kind-7/again`).resourceType,
    ).toBe('svc7:kind-7');
  });

  it('returns every part of an ARN', () => {
    expect(
      parseResourceArn(
        `arn:aws:elasticloadbalancing:eu-west-1:${A}:loadbalancer/app/web/50dc6c49`,
      ),
    ).toEqual({
      arn: `arn:aws:elasticloadbalancing:eu-west-1:${A}:loadbalancer/app/web/50dc6c49`,
      partition: 'aws',
      service: 'elasticloadbalancing',
      region: 'eu-west-1',
      accountId: A,
      resourceType: 'elasticloadbalancing:loadbalancer',
      resourceId: 'app/web/50dc6c49',
    });
  });

  describe('the three resource-part shapes', () => {
    it('type/id', () => {
      expect(
        parseResourceArn(`arn:aws:dynamodb:us-east-1:${A}:table/orders`),
      ).toMatchObject({
        resourceType: 'dynamodb:table',
        resourceId: 'orders',
      });
    });
    it('type:id', () => {
      expect(
        parseResourceArn(
          `arn:aws:lambda:us-east-1:${A}:function:orders-api:live`,
        ),
      ).toMatchObject({
        resourceType: 'lambda:function',
        resourceId: 'orders-api:live',
      });
    });
    it('bare id, the type implied by the service', () => {
      expect(parseResourceArn('arn:aws:s3:::logs.example.com')).toMatchObject({
        resourceType: 's3:bucket',
        resourceId: 'logs.example.com',
      });
      expect(
        parseResourceArn(`arn:aws:sqs:eu-west-1:${A}:jobs.fifo`),
      ).toMatchObject({
        resourceType: 'sqs:queue',
        resourceId: 'jobs.fifo',
      });
      expect(
        parseResourceArn(`arn:aws:sns:eu-west-1:${A}:alerts`),
      ).toMatchObject({
        resourceType: 'sns:topic',
      });
    });
    it('keeps the first separator: sub-typed ids stay whole', () => {
      expect(
        parseResourceArn(`arn:aws:ecs:us-east-1:${A}:task-definition/web:12`),
      ).toMatchObject({
        resourceType: 'ecs:task-definition',
        resourceId: 'web:12',
      });
    });
    it('tells S3 objects and SNS subscriptions from buckets and topics', () => {
      expect(
        parseResourceArn('arn:aws:s3:::bucket/key/file.txt').resourceType,
      ).toBe('s3:object');
      expect(
        parseResourceArn(
          `arn:aws:sns:us-east-1:${A}:alerts:0b7a4f1e-1234-4cde-8f00-0123456789ab`,
        ).resourceType,
      ).toBe('sns:subscription');
      expect(
        parseResourceArn(`arn:aws:s3:us-west-2:${A}:accesspoint/reports`),
      ).toMatchObject({
        resourceType: 's3:accesspoint',
        resourceId: 'reports',
      });
    });
  });

  describe('partitions', () => {
    it.each([
      ['aws', 'us-east-1'],
      ['aws-cn', 'cn-north-1'],
      ['aws-us-gov', 'us-gov-west-1'],
    ])('accepts %s', (partition, region) => {
      const parsed = parseResourceArn(
        `arn:${partition}:ec2:${region}:${A}:instance/i-0abc1234`,
      );
      expect(parsed.partition).toBe(partition);
      expect(parsed.region).toBe(region);
      expect(parsed.resourceType).toBe('ec2:instance');
    });

    it('rejects an unknown partition', () => {
      expect(() =>
        parseResourceArn(`arn:azure:ec2:us-east-1:${A}:instance/i-1`),
      ).toThrow(InvalidArnError);
    });
  });

  it('accepts ARNs without region or account', () => {
    expect(parseResourceArn('arn:aws:s3:::orders-data')).toMatchObject({
      region: '',
      accountId: '',
    });
    expect(parseResourceArn(`arn:aws:iam::${A}:role/deploy`)).toMatchObject({
      region: '',
      accountId: A,
      resourceType: 'iam:role',
      resourceId: 'deploy',
    });
    expect(
      parseResourceArn('arn:aws:route53:::hostedzone/Z1D633PJN98FT9'),
    ).toMatchObject({
      region: '',
      accountId: '',
    });
  });

  it.each([
    '',
    'not an arn',
    'arn:aws',
    'arn:aws:s3',
    'arn:aws:s3:::',
    'arn::s3:::bucket',
    'arn:aws::us-east-1:111122223333:thing/x',
    `arn:aws:ec2:us-east-1:${A}:instance/`,
    `arn:aws:ec2:us-east-1:${A}:/i-1`,
    `arn:aws:ec2:Us-East-1:${A}:instance/i-1`,
    'arn:aws:ec2:us-east-1:12345:instance/i-1',
    ` arn:aws:s3:::bucket`,
    'arn:aws:s3:::bucket\n',
    'ARN:aws:s3:::bucket',
    'urn:aws:s3:::bucket',
    `arn:aws:ec2:us-east-1:${A}:${'x'.repeat(3000)}`,
  ])('raises InvalidArnError for %j', input => {
    expect(() => parseResourceArn(input)).toThrow(InvalidArnError);
  });

  it('raises InvalidArnError for values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['arn:aws:s3:::b']]) {
      expect(() => parseResourceArn(value as unknown as string)).toThrow(
        InvalidArnError,
      );
    }
  });

  it('names the error InvalidArnError and says what was wrong', () => {
    let caught: unknown;
    try {
      parseResourceArn('arn:aws:ec2:nowhere:1:instance/i');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidArnError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).name).toBe('InvalidArnError');
    expect((caught as Error).message).toContain('malformed region');
  });

  describe('properties', () => {
    const onlyArnOrInvalid = (input: string) => {
      try {
        const parsed = parseResourceArn(input);
        expect(parsed.arn).toBe(input);
        expect(parsed.resourceType.startsWith(`${parsed.service}:`)).toBe(true);
        expect(parsed.resourceId.length).toBeGreaterThan(0);
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArnError);
      }
    };

    it('returns a parsed ARN or raises InvalidArnError for any string', () => {
      expect.hasAssertions();
      fc.assert(
        fc.property(
          fc.string({ unit: 'binary', maxLength: 300 }),
          onlyArnOrInvalid,
        ),
        {
          numRuns: 2000,
        },
      );
    });

    it('does the same for strings shaped like ARNs', () => {
      const segment = fc.string({ maxLength: 20 });
      const arnLike = fc
        .tuple(
          fc.constantFrom('arn', 'ARN', 'arn ', ''),
          fc.oneof(fc.constantFrom('aws', 'aws-cn', 'aws-us-gov'), segment),
          fc.oneof(
            fc.constantFrom('s3', 'ec2', 'sqs', 'apigateway', 'wafv2', 'sns'),
            segment,
          ),
          fc.oneof(fc.constantFrom('', 'us-east-1', 'cn-north-1'), segment),
          fc.oneof(fc.constantFrom('', A, 'aws'), segment),
          fc.array(
            fc.oneof(fc.constantFrom('', '/', ':', 'instance', 'a/b'), segment),
            {
              maxLength: 5,
            },
          ),
        )
        .map(([p, part, svc, reg, acct, rest]) =>
          [p, part, svc, reg, acct, ...rest].join(':'),
        );
      expect.hasAssertions();
      fc.assert(fc.property(arnLike, onlyArnOrInvalid), { numRuns: 3000 });
    });

    it('parses every well-formed ARN it is given', () => {
      const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
      const wellFormed = fc
        .tuple(
          fc.constantFrom('aws', 'aws-cn', 'aws-us-gov'),
          word,
          fc.constantFrom('', 'us-east-1', 'eu-west-2'),
          fc.constantFrom('', A),
          word,
          fc.constantFrom('/', ':'),
          fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,30}$/),
        )
        .map(([part, svc, reg, acct, type, sep, id]) => ({
          arn: `arn:${part}:${svc}:${reg}:${acct}:${type}${sep}${id}`,
          svc,
        }));
      fc.assert(
        fc.property(wellFormed, ({ arn, svc }) => {
          expect(parseResourceArn(arn).service).toBe(svc);
        }),
        { numRuns: 1000 },
      );
    });
  });
});
