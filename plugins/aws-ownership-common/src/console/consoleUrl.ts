import type { AwsResource } from '../model/types';

const consoleHosts: Readonly<Record<string, string>> = {
  aws: 'https://console.aws.amazon.com',
  'aws-cn': 'https://console.amazonaws.cn',
  'aws-us-gov': 'https://console.amazonaws-us-gov.com',
};

const apiDomains: Readonly<Record<string, string>> = {
  aws: 'amazonaws.com',
  'aws-cn': 'amazonaws.com.cn',
  'aws-us-gov': 'amazonaws.com',
};

const enc = encodeURIComponent;

/**
 * The AWS console deep link for a resource of a common type (EC2 instance,
 * volume, security group, VPC, S3, RDS, Lambda, DynamoDB, SQS, SNS, ELB, ECS,
 * EKS, KMS) on its partition's console host; `undefined` otherwise.
 *
 * @public
 */
export function consoleUrl(
  resource: Pick<
    AwsResource,
    | 'arn'
    | 'partition'
    | 'region'
    | 'accountId'
    | 'resourceType'
    | 'resourceId'
    | 'sourceRegion'
  >,
): string | undefined {
  const host = consoleHosts[resource.partition];
  if (!host) return undefined;
  const { arn, resourceId: id, accountId } = resource;
  const region = resource.region || resource.sourceRegion || '';
  const r = enc(region);
  const home = (service: string) => `${host}/${service}/home?region=${r}`;

  switch (resource.resourceType) {
    case 'ec2:instance':
      return `${home('ec2')}#InstanceDetails:instanceId=${enc(id)}`;
    case 'ec2:volume':
      return `${home('ec2')}#VolumeDetails:volumeId=${enc(id)}`;
    case 'ec2:security-group':
      return `${home('ec2')}#SecurityGroup:groupId=${enc(id)}`;
    case 'ec2:vpc':
      return `${home('vpcconsole')}#VpcDetails:VpcId=${enc(id)}`;
    case 's3:bucket':
      return `${host}/s3/buckets/${enc(id)}${region ? `?region=${r}` : ''}`;
    case 'rds:db':
      return `${home('rds')}#database:id=${enc(id)};is-cluster=false`;
    case 'rds:cluster':
      return `${home('rds')}#database:id=${enc(id)};is-cluster=true`;
    case 'lambda:function': {
      const name = id.split(':')[0];
      return `${home('lambda')}#/functions/${enc(name)}`;
    }
    case 'dynamodb:table':
      return `${home('dynamodbv2')}#table?name=${enc(id.split('/')[0])}`;
    case 'sqs:queue': {
      const domain = apiDomains[resource.partition];
      const queueUrl = `https://sqs.${region}.${domain}/${accountId}/${id}`;
      return `${home('sqs/v3')}#/queues/${enc(queueUrl)}`;
    }
    case 'sns:topic':
      return `${home('sns/v3')}#/topic/${arn}`;
    case 'elasticloadbalancing:loadbalancer':
      return `${home('ec2')}#LoadBalancer:loadBalancerArn=${arn}`;
    case 'elasticloadbalancing:targetgroup':
      return `${home('ec2')}#TargetGroup:targetGroupArn=${arn}`;
    case 'ecs:cluster':
      return `${host}/ecs/v2/clusters/${enc(id)}?region=${r}`;
    case 'ecs:service': {
      const [cluster, service] = id.split('/');
      if (!service) return undefined;
      return `${host}/ecs/v2/clusters/${enc(cluster)}/services/${enc(
        service,
      )}?region=${r}`;
    }
    case 'eks:cluster':
      return `${home('eks')}#/clusters/${enc(id)}`;
    case 'eks:nodegroup': {
      const [cluster, nodegroup] = id.split('/');
      if (!nodegroup) return undefined;
      return `${home('eks')}#/clusters/${enc(cluster)}/nodegroups/${enc(
        nodegroup,
      )}`;
    }
    case 'kms:key':
      return `${home('kms')}#/kms/keys/${enc(id)}`;
    default:
      return undefined;
  }
}
