import type { ChecklistConfig } from '../config/types';
import { buildResource } from '../model/buildResource';
import type {
  AwsResource,
  OwnershipContext,
  ResourceCompliance,
} from '../model/types';
import { evaluateResource } from '../scoring/evaluateResource';
import type { CheckResult } from '../checks/types';

export const ACCOUNT = '111122223333';

export const arns = {
  instance: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0123456789abcdef0`,
  volume: `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/vol-0123456789abcdef0`,
  securityGroup: `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/sg-0123456789abcdef0`,
  asg: `arn:aws:autoscaling:us-east-1:${ACCOUNT}:autoScalingGroup:6d6b4f1e-1234-4cde-8f00-0123456789ab:autoScalingGroupName/web-asg`,
  containerInstance: `arn:aws:ecs:us-east-1:${ACCOUNT}:container-instance/orders/0123456789abcdef0123456789abcdef`,
  fileSystem: `arn:aws:elasticfilesystem:us-east-1:${ACCOUNT}:file-system/fs-0123456789abcdef0`,
  nodegroup: `arn:aws:eks:us-east-1:${ACCOUNT}:nodegroup/platform/general/1a2b3c4d-0000-1111-2222-333344445555`,
  bucket: 'arn:aws:s3:::orders-data',
  queue: `arn:aws:sqs:us-east-1:${ACCOUNT}:orders-queue`,
  table: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders-table`,
  rds: `arn:aws:rds:us-east-1:${ACCOUNT}:db:orders-db`,
  alb: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/orders-web/50dc6c49`,
  lambda: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-api`,
  kms: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  stack: `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/orders/1a2b3c4d-0000-1111-2222-333344445555`,
};

export function resource(
  arn: string,
  tags: Record<string, string> = {},
  compliance?: ResourceCompliance,
): AwsResource {
  return buildResource({ arn, tags, sourceRegion: 'us-east-1', compliance });
}

/** Rates a resource and returns the result of one check. */
export function resultOf(
  checkId: string,
  arn: string,
  tags: Record<string, string> = {},
  context: OwnershipContext = {},
  config?: ChecklistConfig,
  compliance?: ResourceCompliance,
): CheckResult {
  const rating = evaluateResource(
    resource(arn, tags, compliance),
    context,
    config,
  );
  const result = rating.results.find(r => r.checkId === checkId);
  if (!result) throw new Error(`no result for ${checkId}`);
  return result;
}
