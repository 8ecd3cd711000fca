import type { ResourceTypeSpec } from './resourceTypes';
import type { InventoryConfigItem } from './types';
import {
  bucket,
  dbCluster,
  dbInstance,
  domain,
  fileSystem,
  redshift,
  table,
} from './config/dataStores';
import { instance, launchTemplate, securityGroup, volume } from './config/ec2';
import { distribution, loadBalancer } from './config/edge';
import type { Builder, ConfigContext } from './config/shared';

export type { ConfigContext } from './config/shared';

/**
 * What AWS Config records about generated resources. Every property name comes from AWS Config's
 * published resource schema (awslabs/aws-config-resource-schema, config/properties/resource-types/
 * <type>.properties.json); the README maps each type to its file and the properties used.
 */

/** The Tagging API type (`service:type`) of each resource type AWS Config records here, and its Config type. */
export const CONFIG_RESOURCE_TYPES: Readonly<Record<string, string>> = {
  'ec2:volume': 'AWS::EC2::Volume',
  'ec2:instance': 'AWS::EC2::Instance',
  'ec2:launch-template': 'AWS::EC2::LaunchTemplate',
  'ec2:security-group': 'AWS::EC2::SecurityGroup',
  'rds:db': 'AWS::RDS::DBInstance',
  'rds:cluster': 'AWS::RDS::DBCluster',
  's3:bucket': 'AWS::S3::Bucket',
  'dynamodb:table': 'AWS::DynamoDB::Table',
  'elasticfilesystem:file-system': 'AWS::EFS::FileSystem',
  'es:domain': 'AWS::OpenSearch::Domain',
  'redshift:cluster': 'AWS::Redshift::Cluster',
  'elasticloadbalancing:loadbalancer':
    'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'cloudfront:distribution': 'AWS::CloudFront::Distribution',
};

const BUILDERS: Record<string, Builder> = {
  'AWS::EC2::Volume': volume,
  'AWS::EC2::Instance': instance,
  'AWS::EC2::LaunchTemplate': launchTemplate,
  'AWS::EC2::SecurityGroup': securityGroup,
  'AWS::RDS::DBInstance': dbInstance,
  'AWS::RDS::DBCluster': dbCluster,
  'AWS::S3::Bucket': bucket,
  'AWS::DynamoDB::Table': table,
  'AWS::EFS::FileSystem': fileSystem,
  'AWS::OpenSearch::Domain': domain,
  'AWS::Redshift::Cluster': redshift,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': loadBalancer,
  'AWS::CloudFront::Distribution': distribution,
};

/** The configuration item AWS Config holds for a generated resource of a Tagging API type, if Config records that type. */
export function generateConfigItem(
  taggingType: string,
  c: ConfigContext,
): InventoryConfigItem | undefined {
  const resourceType = CONFIG_RESOURCE_TYPES[taggingType];
  if (!resourceType) return undefined;
  return { resourceType, ...BUILDERS[resourceType](c) };
}

/** Redshift clusters: not in the tagged estate's mix, only among the resources nobody ever tagged. */
export const REDSHIFT_CLUSTER: ResourceTypeSpec = {
  type: 'redshift:cluster',
  weight: 2,
  dataStore: true,
  purposes: ['warehouse', 'analytics'],
  arn: c => ({
    arn: `arn:${c.partition}:redshift:${c.region}:${c.accountId}:cluster:${c.name}`,
  }),
};
