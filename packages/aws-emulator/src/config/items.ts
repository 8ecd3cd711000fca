import { parseArnParts, US_EAST_1_ONLY_SERVICES } from '../inventory/arn';
import type { InventoryResource } from '../inventory/types';

/** A tag as an AWS Config configuration item holds it. */
export interface ConfigTag {
  key: string;
  value: string;
  tag: string;
}

/** A configuration item as AWS Config's advanced query sees it (the properties of its resource schema). */
export interface ConfigurationItem {
  version: string;
  accountId: string;
  configurationItemCaptureTime: string;
  configurationItemStatus: string;
  configurationStateId: string;
  arn: string;
  resourceType: string;
  resourceId: string;
  resourceName?: string;
  awsRegion: string;
  availabilityZone: string;
  resourceCreationTime?: string;
  tags: ConfigTag[];
  relationships: unknown[];
  configuration: Record<string, unknown>;
  supplementaryConfiguration: Record<string, unknown>;
}

/** The resource id AWS Config uses when the inventory gives none: the ARN's last segment, the bucket name, or the whole ARN for load balancers. */
function defaultResourceId(arn: string, configType: string): string {
  if (configType === 'AWS::ElasticLoadBalancingV2::LoadBalancer') return arn;
  const resource = arn.split(':').slice(5).join(':');
  const parts = resource.split(/[/:]/).filter(Boolean);
  return parts[parts.length - 1] ?? resource;
}

/** The region AWS Config records a resource in: the ARN's, an S3 bucket's home region, us-east-1 for CloudFront. */
export function recordingRegion(
  resource: InventoryResource,
): string | undefined {
  const parts = parseArnParts(resource.arn);
  if (!parts) return undefined;
  if (US_EAST_1_ONLY_SERVICES.has(parts.service)) return 'us-east-1';
  return parts.region || resource.region || 'us-east-1';
}

/** Builds the configuration item of an inventory entry that has `config`. */
export function configurationItem(
  resource: InventoryResource,
  accountId: string,
  awsRegion: string,
  capturedAt: string,
  stateId: number,
): ConfigurationItem {
  const config = resource.config!;
  const tags = Object.entries(resource.tags).map(([key, value]) => ({
    key,
    value,
    tag: `${key}=${value}`,
  }));
  const resourceId =
    config.resourceId ?? defaultResourceId(resource.arn, config.resourceType);
  const resourceName = config.resourceName ?? resource.tags.Name;
  return {
    version: '1.3',
    accountId,
    configurationItemCaptureTime: capturedAt,
    configurationItemStatus: 'OK',
    configurationStateId: String(stateId),
    arn: resource.arn,
    resourceType: config.resourceType,
    resourceId,
    ...(resourceName ? { resourceName } : {}),
    awsRegion,
    availabilityZone: config.availabilityZone ?? 'Not Applicable',
    ...(config.resourceCreationTime
      ? { resourceCreationTime: config.resourceCreationTime }
      : {}),
    tags,
    relationships: [],
    configuration: config.configuration,
    supplementaryConfiguration: config.supplementaryConfiguration ?? {},
  };
}
