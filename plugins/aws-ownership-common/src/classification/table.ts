import type { ResponsibilityCategory } from '../model/types';

/**
 * One row of the classification table.
 *
 * @public
 */
export interface ClassificationEntry {
  /** The responsibility category of the resource type. */
  category: ResponsibilityCategory;
  /** Why, where the choice is not obvious. */
  note?: string;
}

const infra = (note?: string): ClassificationEntry => ({
  category: 'infrastructure',
  ...(note ? { note } : {}),
});
const container = (note?: string): ClassificationEntry => ({
  category: 'container',
  ...(note ? { note } : {}),
});
const abstract = (note?: string): ClassificationEntry => ({
  category: 'abstract',
  ...(note ? { note } : {}),
});
const unclassified = (note?: string): ClassificationEntry => ({
  category: 'unclassified',
  ...(note ? { note } : {}),
});

/**
 * The default classification of resource types (`service:type`) into
 * Shared Responsibility categories. Types not listed are `unclassified`;
 * adopters override rows with `classification.overrides`.
 *
 * @public
 */
export const classificationTable: Readonly<
  Record<string, Readonly<ClassificationEntry>>
> = {
  // EC2 and networking: the customer runs the guest OS and the network.
  'ec2:instance': infra(),
  'ec2:volume': infra(),
  'ec2:snapshot': infra(),
  'ec2:image': infra(),
  'ec2:security-group': infra(),
  'ec2:vpc': infra(),
  'ec2:subnet': infra(),
  'ec2:natgateway': infra(),
  'ec2:internet-gateway': infra(),
  'ec2:network-interface': infra(),
  'ec2:elastic-ip': infra(),
  'ec2:launch-template': infra(),
  'ec2:transit-gateway': infra(),
  'ec2:transit-gateway-attachment': infra(),
  'ec2:vpc-endpoint': infra(),
  'ec2:route-table': infra(),
  'ec2:network-acl': infra(),
  'ec2:vpn-connection': infra(),
  'ec2:vpn-gateway': infra(),
  'ec2:customer-gateway': infra(),
  'ec2:vpc-peering-connection': infra(),
  'ec2:key-pair': infra(),
  'ec2:dedicated-host': infra(),
  'ec2:placement-group': infra(),
  'autoscaling:autoScalingGroup': infra(),
  'eks:nodegroup': infra(
    'EKS node groups are EC2 instances the customer runs: infrastructure, unlike the EKS control plane. Their OS is updated by AMI release, not Patch Manager, so responsibility.patching does not judge them.',
  ),
  'ecs:container-instance': infra(
    'An ECS container instance is an EC2 instance the customer runs and patches.',
  ),
  'lightsail:Instance': infra(
    'A Lightsail instance is a virtual server: the customer runs and patches its OS.',
  ),

  // Managed platforms: the customer owns firewall, access, HA and data protection.
  'elasticloadbalancing:loadbalancer': container(
    'ELB: AWS runs the load balancers, the customer owns listeners, TLS policy, security groups and target health.',
  ),
  'elasticloadbalancing:targetgroup': container('Part of ELB.'),
  'ecs:cluster': container(
    'ECS is container by default; an ECS service on EC2 container instances leaves the hosts to the customer (classify those as ecs:container-instance, infrastructure). Override to infrastructure where all capacity is EC2.',
  ),
  'ecs:service': container('Follows ecs:cluster.'),
  'ecs:task-definition': container(
    'Configuration of ECS: follows ecs:cluster.',
  ),
  'ecs:task': container('Follows ecs:cluster.'),
  'ecs:capacity-provider': container(),
  'eks:cluster': container(
    'The EKS control plane is run by AWS; the customer owns access, add-ons and network: container. Node groups are infrastructure.',
  ),
  'eks:addon': container(),
  'eks:fargateprofile': container(),
  'elasticbeanstalk:environment': container(),
  'elasticbeanstalk:application': container(),
  'rds:db': container(),
  'rds:cluster': container(),
  'rds:snapshot': container('Data of a container service.'),
  'rds:cluster-snapshot': container('Data of a container service.'),
  'rds:db-proxy': container(),
  'rds:subgrp': container(),
  'rds:pg': container(),
  'rds:cluster-pg': container(),
  'elasticache:cluster': container(
    'ElastiCache node-based clusters: the customer sizes nodes and owns failover and backups: container.',
  ),
  'elasticache:replicationgroup': container('Follows elasticache:cluster.'),
  'elasticache:serverlesscache': abstract(
    'ElastiCache Serverless: no nodes to size or fail over; the customer owns data and access: abstract.',
  ),
  'memorydb:cluster': container(),
  'es:domain': container(
    'OpenSearch domains: the customer sizes nodes, zones and snapshots: container.',
  ),
  'redshift:cluster': container(),
  'redshift-serverless:workgroup': container(
    'Redshift Serverless compute: the customer owns network access, capacity limits and users; the data lives in the namespace.',
  ),
  'redshift-serverless:namespace': container(
    'Redshift Serverless data: the customer owns users, encryption and snapshots.',
  ),
  'dax:cache': container(
    'DAX clusters: the customer sizes nodes and owns the VPC placement and access: container.',
  ),
  'elasticmapreduce:cluster': container(),
  'kafka:cluster': container(),
  'mq:broker': container(),
  'elasticfilesystem:file-system': abstract(
    'EFS has no servers to size or patch; the customer owns its data, access policies and backup policy: abstract.',
  ),
  'elasticfilesystem:access-point': abstract('Part of EFS.'),
  'fsx:file-system': container(),
  'fsx:volume': container(),
  'docdb-elastic:cluster': container(),
  'sagemaker:notebook-instance': container(),

  // Managed services: the customer owns its data, classification and access policies.
  'lambda:function': abstract(
    'Lambda (zip packages) is abstract. Container-image functions make the image and its patches the customer\u2019s; override per adopter if most functions are images.',
  ),
  's3:bucket': abstract(),
  's3:accesspoint': abstract(),
  'glacier:vaults': abstract(),
  'dynamodb:table': abstract(),
  'sqs:queue': abstract(),
  'sns:topic': abstract(),
  'kinesis:stream': abstract(),
  'firehose:deliverystream': abstract(),
  'events:rule': abstract(),
  'events:event-bus': abstract(),
  'states:stateMachine': abstract(),
  'apigateway:restapis': abstract(),
  'apigateway:apis': abstract(),
  'apigateway:domainnames': abstract(),
  'cloudfront:distribution': abstract(),
  'route53:hostedzone': abstract(),
  'route53:healthcheck': abstract(),
  'acm:certificate': abstract(),
  'kms:key': abstract(),
  'kms:alias': abstract(),
  'secretsmanager:secret': abstract(),
  'ssm:parameter': abstract(),
  'logs:log-group': abstract(),
  'cloudwatch:alarm': abstract(),
  'cloudwatch:dashboard': abstract(),
  'wafv2:webacl': abstract(),
  'wafv2:ipset': abstract(),
  'wafv2:rulegroup': abstract(),
  'cognito-idp:userpool': abstract(),
  'backup:backup-vault': abstract(),
  'backup:backup-plan': abstract(),
  'ecr:repository': abstract(
    'ECR is a managed registry: the customer owns the images and the repository policy.',
  ),
  'aoss:collection': abstract(
    'OpenSearch Serverless: no domain to size; data and access policies are the customer\u2019s.',
  ),
  'codecommit:repository': abstract(),
  'codebuild:project': abstract(),
  'codepipeline:pipeline': abstract(),
  'cloudtrail:trail': abstract(
    'A managed service: the customer owns where the logs go and who may read them.',
  ),
  'glue:job': abstract(),
  'athena:workgroup': abstract(),
  'appsync:apis': abstract(),

  // Management constructs: they hold other resources, they are not rated as one.
  'cloudformation:stack': unclassified(
    'A management construct: its resources are rated one by one.',
  ),
  'cloudformation:stackset': unclassified('A management construct.'),
  'servicecatalog:product': unclassified('A management construct.'),
  'resource-groups:group': unclassified('A management construct.'),
};
