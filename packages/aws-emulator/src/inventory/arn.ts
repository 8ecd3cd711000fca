/** The parts of an ARN the emulator indexes by. */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  /** Normalised `service:type`, e.g. `ec2:instance`, `s3:bucket`, `elasticloadbalancing:loadbalancer`. */
  resourceType: string;
}

const IMPLIED_TYPES: Record<string, string> = {
  s3: 'bucket',
  sqs: 'queue',
  sns: 'topic',
};

/** Services whose resources the Tagging API lists only from us-east-1. */
export const US_EAST_1_ONLY_SERVICES: ReadonlySet<string> = new Set([
  'cloudfront',
  'route53',
]);

/** Splits an ARN; returns undefined for anything that is not one. */
export function parseArnParts(arn: string): ArnParts | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || !parts[1] || !parts[2]) {
    return undefined;
  }
  const [, partition, service, region, accountId] = parts;
  const resource = parts.slice(5).join(':').replace(/^\//, '');
  if (!resource) {
    return undefined;
  }
  const cut = resource.search(/[/:]/);
  const type =
    cut > 0 ? resource.slice(0, cut) : IMPLIED_TYPES[service] ?? service;
  return {
    partition,
    service,
    region,
    accountId,
    resourceType: `${service}:${type}`,
  };
}
