import { InvalidArnError } from '../arn/InvalidArnError';
import { buildResource } from './buildResource';
import { resourceName } from './resourceName';

const A = '111122223333';
const name = (arn: string, tags: Record<string, string> = {}) =>
  buildResource({ arn, tags, sourceRegion: 'us-east-1' }).name;

describe('buildResource', () => {
  it('takes tags as the API returns them', () => {
    const r = buildResource({
      arn: `arn:aws:sqs:eu-west-1:${A}:orders`,
      tags: [{ Key: 'owner', Value: 'payments' }, { Key: 'empty' }],
      sourceRegion: 'eu-west-1',
      compliance: {
        compliant: false,
        noncompliantKeys: ['x'],
        keysWithNoncompliantValues: [],
      },
    });
    expect(r).toEqual({
      arn: `arn:aws:sqs:eu-west-1:${A}:orders`,
      partition: 'aws',
      service: 'sqs',
      region: 'eu-west-1',
      accountId: A,
      resourceType: 'sqs:queue',
      resourceId: 'orders',
      name: 'orders',
      tags: { owner: 'payments', empty: '' },
      compliance: {
        compliant: false,
        noncompliantKeys: ['x'],
        keysWithNoncompliantValues: [],
      },
      sourceRegion: 'eu-west-1',
    });
  });

  it('takes tags as a record, and keeps a __proto__ key as a tag', () => {
    const tags = JSON.parse('{"Name":"web","__proto__":"x"}');
    const r = buildResource({
      arn: 'arn:aws:s3:::orders-data',
      tags,
      sourceRegion: 'us-east-1',
    });
    expect(Object.keys(r.tags)).toEqual(['Name', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(r.tags, '__proto__')?.value).toBe(
      'x',
    );
    expect(r.name).toBe('web');
    expect(r.compliance).toBeUndefined();
  });

  it('raises InvalidArnError for a bad ARN', () => {
    expect(() =>
      buildResource({ arn: 'nope', sourceRegion: 'us-east-1' }),
    ).toThrow(InvalidArnError);
  });
});

describe('resourceName', () => {
  it('prefers a non-blank Name tag', () => {
    expect(
      name(`arn:aws:ec2:us-east-1:${A}:instance/i-0abc1234`, {
        Name: ' web-1 ',
      }),
    ).toBe('web-1');
    expect(
      name(`arn:aws:ec2:us-east-1:${A}:instance/i-0abc1234`, { Name: '  ' }),
    ).toBe('i-0abc1234');
  });
  it.each([
    ['arn:aws:s3:::orders-data', 'orders-data'],
    [`arn:aws:sqs:us-east-1:${A}:orders`, 'orders'],
    [
      `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/app/web/50dc6c49`,
      'web',
    ],
    [
      `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/classic-web`,
      'classic-web',
    ],
    [
      `arn:aws:elasticloadbalancing:us-east-1:${A}:targetgroup/web-tg/73e2d6bc24d8a067`,
      'web-tg',
    ],
    [`arn:aws:lambda:us-east-1:${A}:function:orders-api:live`, 'orders-api'],
    [`arn:aws:eks:us-east-1:${A}:nodegroup/platform/general/1a2b`, 'general'],
    [`arn:aws:ecs:us-east-1:${A}:service/main/orders`, 'orders'],
    [`arn:aws:ecs:us-east-1:${A}:task-definition/orders:7`, 'orders'],
    [
      `arn:aws:secretsmanager:us-east-1:${A}:secret:db-credentials-AbC123`,
      'db-credentials',
    ],
    [
      `arn:aws:logs:us-east-1:${A}:log-group:/aws/lambda/orders-api:*`,
      'orders-api',
    ],
    [`arn:aws:cloudformation:us-east-1:${A}:stack/orders/1a2b3c4d`, 'orders'],
    [
      `arn:aws:autoscaling:us-east-1:${A}:autoScalingGroup:uuid:autoScalingGroupName/web-asg`,
      'web-asg',
    ],
    [`arn:aws:ssm:us-east-1:${A}:parameter/orders/db-host`, 'db-host'],
  ])('names %s %s', (arn, expected) => {
    expect(name(arn)).toBe(expected);
  });
  it('works on parsed parts and tags alone', () => {
    expect(
      resourceName({
        resourceType: 'dynamodb:table',
        resourceId: 'orders',
        tags: { name: 'x-y' },
      }),
    ).toBe('x-y');
  });
});
