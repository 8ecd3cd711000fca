import { buildResource } from '../model/buildResource';
import { consoleUrl } from './consoleUrl';

const A = '111122223333';
const url = (arn: string) =>
  consoleUrl(buildResource({ arn, sourceRegion: 'us-east-1' }));

describe('consoleUrl', () => {
  it.each([
    [
      `arn:aws:ec2:eu-west-1:${A}:instance/i-0abc1234`,
      'https://console.aws.amazon.com/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-0abc1234',
    ],
    [
      `arn:aws:ec2:eu-west-1:${A}:volume/vol-0abc1234`,
      'https://console.aws.amazon.com/ec2/home?region=eu-west-1#VolumeDetails:volumeId=vol-0abc1234',
    ],
    [
      `arn:aws:ec2:eu-west-1:${A}:security-group/sg-0abc1234`,
      'https://console.aws.amazon.com/ec2/home?region=eu-west-1#SecurityGroup:groupId=sg-0abc1234',
    ],
    [
      `arn:aws:ec2:eu-west-1:${A}:vpc/vpc-0abc1234`,
      'https://console.aws.amazon.com/vpcconsole/home?region=eu-west-1#VpcDetails:VpcId=vpc-0abc1234',
    ],
    [
      'arn:aws:s3:::orders-data',
      'https://console.aws.amazon.com/s3/buckets/orders-data?region=us-east-1',
    ],
    [
      `arn:aws:rds:eu-west-1:${A}:db:orders-db`,
      'https://console.aws.amazon.com/rds/home?region=eu-west-1#database:id=orders-db;is-cluster=false',
    ],
    [
      `arn:aws:rds:eu-west-1:${A}:cluster:orders`,
      'https://console.aws.amazon.com/rds/home?region=eu-west-1#database:id=orders;is-cluster=true',
    ],
    [
      `arn:aws:lambda:eu-west-1:${A}:function:orders-api:live`,
      'https://console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/orders-api',
    ],
    [
      `arn:aws:dynamodb:eu-west-1:${A}:table/orders`,
      'https://console.aws.amazon.com/dynamodbv2/home?region=eu-west-1#table?name=orders',
    ],
    [
      `arn:aws:sqs:eu-west-1:${A}:orders`,
      `https://console.aws.amazon.com/sqs/v3/home?region=eu-west-1#/queues/${encodeURIComponent(
        `https://sqs.eu-west-1.amazonaws.com/${A}/orders`,
      )}`,
    ],
    [
      `arn:aws:sns:eu-west-1:${A}:alerts`,
      `https://console.aws.amazon.com/sns/v3/home?region=eu-west-1#/topic/arn:aws:sns:eu-west-1:${A}:alerts`,
    ],
    [
      `arn:aws:elasticloadbalancing:eu-west-1:${A}:loadbalancer/app/web/50dc`,
      `https://console.aws.amazon.com/ec2/home?region=eu-west-1#LoadBalancer:loadBalancerArn=arn:aws:elasticloadbalancing:eu-west-1:${A}:loadbalancer/app/web/50dc`,
    ],
    [
      `arn:aws:ecs:eu-west-1:${A}:cluster/main`,
      'https://console.aws.amazon.com/ecs/v2/clusters/main?region=eu-west-1',
    ],
    [
      `arn:aws:ecs:eu-west-1:${A}:service/main/orders`,
      'https://console.aws.amazon.com/ecs/v2/clusters/main/services/orders?region=eu-west-1',
    ],
    [
      `arn:aws:eks:eu-west-1:${A}:cluster/platform`,
      'https://console.aws.amazon.com/eks/home?region=eu-west-1#/clusters/platform',
    ],
    [
      `arn:aws:kms:eu-west-1:${A}:key/1234abcd-12ab`,
      'https://console.aws.amazon.com/kms/home?region=eu-west-1#/kms/keys/1234abcd-12ab',
    ],
  ])('links %s', (arn, expected) => {
    expect(url(arn)).toBe(expected);
  });

  it('uses the China and GovCloud console hosts', () => {
    expect(url(`arn:aws-cn:ec2:cn-north-1:${A}:instance/i-0abc1234`)).toBe(
      'https://console.amazonaws.cn/ec2/home?region=cn-north-1#InstanceDetails:instanceId=i-0abc1234',
    );
    expect(url(`arn:aws-us-gov:lambda:us-gov-west-1:${A}:function:f`)).toBe(
      'https://console.amazonaws-us-gov.com/lambda/home?region=us-gov-west-1#/functions/f',
    );
    expect(url(`arn:aws-cn:sqs:cn-north-1:${A}:q`)).toContain(
      encodeURIComponent('https://sqs.cn-north-1.amazonaws.com.cn/'),
    );
  });

  it('returns undefined for other types and partitions', () => {
    expect(
      url(`arn:aws:states:eu-west-1:${A}:stateMachine:flow`),
    ).toBeUndefined();
    expect(
      url(`arn:aws-iso:ec2:us-iso-east-1:${A}:instance/i-0abc1234`),
    ).toBeUndefined();
  });
});
