import type { Rng } from './rng';

/** Where a resource of a type lives, for the ARN builder. */
export interface ArnContext {
  partition: string;
  region: string;
  accountId: string;
  /** The resource's human name (kebab-case), for types whose id is a name. */
  name: string;
  rng: Rng;
}

/** What the generator knows about one resource type. */
export interface ResourceTypeSpec {
  type: string;
  /** Relative share in a generated estate. */
  weight: number;
  /** AWS generates the id (i-0abc...): a `Name` tag is what names it. */
  generatedId?: boolean;
  /** Holds customer data: wants a data-classification tag. */
  dataStore?: boolean;
  /** Infrastructure or container data store or stateful compute: wants a backup tag. */
  stateful?: boolean;
  /** Infrastructure compute: wants a patch group. */
  patchable?: boolean;
  /** Serves traffic or holds state in infrastructure or container services: wants an availability objective. */
  serves?: boolean;
  /** Abstract-service data store: wants an encryption tag when confidential. */
  abstractData?: boolean;
  /** Words that end the resource's name. */
  purposes: readonly string[];
  /** The ARN; `region`/`accountId` are set on the inventory entry when the ARN cannot carry them. */
  arn(ctx: ArnContext): { arn: string; region?: string; accountId?: string };
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Shortens a name to a service's limit, keeping its end (where uniqueness suffixes are). */
function fit(name: string, max: number): string {
  if (name.length <= max) return name;
  return `${name.slice(0, max - 5).replace(/-+$/, '')}-${name.slice(-4)}`;
}

const regional =
  (service: string, resource: (c: ArnContext) => string) =>
  (c: ArnContext) => ({
    arn: `arn:${c.partition}:${service}:${c.region}:${c.accountId}:${resource(
      c,
    )}`,
  });

/** The resource types of a generated estate and their mix. */
export const RESOURCE_TYPES: readonly ResourceTypeSpec[] = [
  {
    type: 'ec2:instance',
    weight: 10,
    generatedId: true,
    stateful: true,
    patchable: true,
    serves: true,
    purposes: ['app', 'worker', 'bastion', 'batch'],
    arn: regional('ec2', c => `instance/i-0${c.rng.hex(16)}`),
  },
  {
    type: 'ec2:volume',
    weight: 7,
    generatedId: true,
    dataStore: true,
    stateful: true,
    purposes: ['data', 'root', 'scratch'],
    arn: regional('ec2', c => `volume/vol-0${c.rng.hex(16)}`),
  },
  {
    type: 'ec2:snapshot',
    weight: 3,
    generatedId: true,
    dataStore: true,
    purposes: ['backup', 'snapshot'],
    arn: regional('ec2', c => `snapshot/snap-0${c.rng.hex(16)}`),
  },
  {
    type: 'ec2:security-group',
    weight: 5,
    generatedId: true,
    purposes: ['sg', 'ingress', 'egress'],
    arn: regional('ec2', c => `security-group/sg-0${c.rng.hex(16)}`),
  },
  {
    type: 'ec2:vpc',
    weight: 1,
    generatedId: true,
    purposes: ['vpc'],
    arn: regional('ec2', c => `vpc/vpc-0${c.rng.hex(16)}`),
  },
  {
    type: 'ec2:subnet',
    weight: 2,
    generatedId: true,
    purposes: ['private-a', 'private-b', 'public-a'],
    arn: regional('ec2', c => `subnet/subnet-0${c.rng.hex(16)}`),
  },
  {
    type: 'ec2:natgateway',
    weight: 1,
    generatedId: true,
    serves: true,
    purposes: ['nat'],
    arn: regional('ec2', c => `natgateway/nat-0${c.rng.hex(16)}`),
  },
  {
    type: 'ec2:network-interface',
    weight: 2,
    generatedId: true,
    purposes: ['eni'],
    arn: regional('ec2', c => `network-interface/eni-0${c.rng.hex(16)}`),
  },
  {
    type: 'ec2:launch-template',
    weight: 1,
    generatedId: true,
    purposes: ['template'],
    arn: regional('ec2', c => `launch-template/lt-0${c.rng.hex(16)}`),
  },
  {
    type: 'autoscaling:autoScalingGroup',
    weight: 2,
    patchable: true,
    serves: true,
    purposes: ['asg', 'workers'],
    arn: regional(
      'autoscaling',
      c => `autoScalingGroup:${c.rng.uuid()}:autoScalingGroupName/${c.name}`,
    ),
  },
  {
    type: 'elasticloadbalancing:loadbalancer',
    weight: 3,
    serves: true,
    purposes: ['alb', 'nlb'],
    arn: regional(
      'elasticloadbalancing',
      c => `loadbalancer/app/${fit(c.name, 32)}/${c.rng.hex(16)}`,
    ),
  },
  {
    type: 'elasticloadbalancing:targetgroup',
    weight: 2,
    purposes: ['tg'],
    arn: regional(
      'elasticloadbalancing',
      c => `targetgroup/${fit(c.name, 32)}/${c.rng.hex(16)}`,
    ),
  },
  {
    type: 'lambda:function',
    weight: 8,
    purposes: ['handler', 'consumer', 'cron', 'authorizer'],
    arn: regional('lambda', c => `function:${c.name}`),
  },
  {
    type: 'ecs:cluster',
    weight: 1,
    serves: true,
    purposes: ['cluster'],
    arn: regional('ecs', c => `cluster/${c.name}`),
  },
  {
    type: 'ecs:service',
    weight: 3,
    serves: true,
    purposes: ['svc', 'service'],
    arn: regional(
      'ecs',
      c => `service/${c.name.split('-')[0]}-cluster/${c.name}`,
    ),
  },
  {
    type: 'eks:cluster',
    weight: 1,
    serves: true,
    purposes: ['eks'],
    arn: regional('eks', c => `cluster/${c.name}`),
  },
  {
    type: 'eks:nodegroup',
    weight: 1,
    patchable: true,
    serves: true,
    purposes: ['nodes'],
    arn: regional(
      'eks',
      c => `nodegroup/${c.name.split('-')[0]}-eks/${c.name}/${c.rng.uuid()}`,
    ),
  },
  {
    type: 'ecr:repository',
    weight: 2,
    purposes: ['images'],
    arn: regional('ecr', c => `repository/${c.name}`),
  },
  {
    type: 'rds:db',
    weight: 4,
    dataStore: true,
    stateful: true,
    serves: true,
    purposes: ['db', 'postgres', 'mysql'],
    arn: regional('rds', c => `db:${c.name}`),
  },
  {
    type: 'rds:cluster',
    weight: 2,
    dataStore: true,
    stateful: true,
    serves: true,
    purposes: ['aurora'],
    arn: regional('rds', c => `cluster:${c.name}`),
  },
  {
    type: 'dynamodb:table',
    weight: 4,
    dataStore: true,
    stateful: true,
    abstractData: true,
    purposes: ['table', 'sessions', 'events'],
    arn: regional('dynamodb', c => `table/${c.name}`),
  },
  {
    type: 'elasticache:cluster',
    weight: 2,
    dataStore: true,
    serves: true,
    purposes: ['cache', 'redis'],
    arn: regional('elasticache', c => `cluster:${fit(c.name, 40)}`),
  },
  {
    type: 'es:domain',
    weight: 1,
    dataStore: true,
    serves: true,
    purposes: ['search'],
    arn: regional('es', c => `domain/${fit(c.name, 28)}`),
  },
  {
    type: 'elasticfilesystem:file-system',
    weight: 1,
    generatedId: true,
    dataStore: true,
    stateful: true,
    serves: true,
    purposes: ['shared'],
    arn: regional('elasticfilesystem', c => `file-system/fs-0${c.rng.hex(16)}`),
  },
  {
    type: 's3:bucket',
    weight: 8,
    dataStore: true,
    abstractData: true,
    purposes: ['assets', 'logs', 'exports', 'data', 'artifacts'],
    arn: c => ({
      arn: `arn:${c.partition}:s3:::${c.name}-${c.accountId.slice(-4)}`,
      region: c.region,
      accountId: c.accountId,
    }),
  },
  {
    type: 'sqs:queue',
    weight: 5,
    dataStore: true,
    abstractData: true,
    purposes: ['queue', 'dlq', 'jobs'],
    arn: regional('sqs', c => c.name),
  },
  {
    type: 'sns:topic',
    weight: 3,
    dataStore: true,
    abstractData: true,
    purposes: ['events', 'alerts'],
    arn: regional('sns', c => c.name),
  },
  {
    type: 'kinesis:stream',
    weight: 1,
    dataStore: true,
    abstractData: true,
    purposes: ['stream'],
    arn: regional('kinesis', c => `stream/${c.name}`),
  },
  {
    type: 'states:stateMachine',
    weight: 1,
    purposes: ['workflow'],
    arn: regional('states', c => `stateMachine:${c.name}`),
  },
  {
    type: 'kms:key',
    weight: 2,
    generatedId: true,
    purposes: ['key'],
    arn: regional('kms', c => `key/${c.rng.uuid()}`),
  },
  {
    type: 'secretsmanager:secret',
    weight: 3,
    dataStore: true,
    abstractData: true,
    purposes: ['credentials', 'api-keys'],
    arn: regional(
      'secretsmanager',
      c =>
        `secret:${c.name}-${c.rng.chars(
          6,
          'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
        )}`,
    ),
  },
  {
    type: 'logs:log-group',
    weight: 4,
    purposes: ['logs'],
    arn: regional('logs', c => `log-group:/aws/lambda/${c.name}`),
  },
  {
    type: 'cloudwatch:alarm',
    weight: 2,
    purposes: ['alarm', 'latency-alarm'],
    arn: regional('cloudwatch', c => `alarm:${c.name}`),
  },
  {
    type: 'cloudformation:stack',
    weight: 1,
    purposes: ['stack'],
    arn: regional('cloudformation', c => `stack/${c.name}/${c.rng.uuid()}`),
  },
  {
    type: 'backup:backup-vault',
    weight: 1,
    dataStore: true,
    purposes: ['vault'],
    arn: regional('backup', c => `backup-vault:${c.name}`),
  },
  {
    type: 'acm:certificate',
    weight: 1,
    generatedId: true,
    purposes: ['cert'],
    arn: regional('acm', c => `certificate/${c.rng.uuid()}`),
  },
  {
    type: 'ssm:parameter',
    weight: 2,
    purposes: ['config'],
    arn: regional('ssm', c => `parameter/${c.name}`),
  },
  {
    type: 'apigateway:restapis',
    weight: 1,
    serves: true,
    purposes: ['api'],
    arn: c => ({
      arn: `arn:${c.partition}:apigateway:${c.region}::/restapis/${c.rng.chars(
        10,
        LOWER,
      )}`,
      accountId: c.accountId,
    }),
  },
  {
    type: 'cloudfront:distribution',
    weight: 1,
    generatedId: true,
    serves: true,
    purposes: ['cdn'],
    arn: c => ({
      arn: `arn:${c.partition}:cloudfront::${
        c.accountId
      }:distribution/E${c.rng.chars(13, UPPER)}`,
    }),
  },
  {
    type: 'route53:hostedzone',
    weight: 1,
    generatedId: true,
    purposes: ['zone'],
    arn: c => ({
      arn: `arn:${c.partition}:route53:::hostedzone/Z${c.rng.chars(20, UPPER)}`,
      accountId: c.accountId,
    }),
  },
];
