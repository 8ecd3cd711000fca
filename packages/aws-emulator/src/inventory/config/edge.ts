/** AWS Config items of what serves traffic: ELBv2 load balancers and CloudFront distributions, in resource schema property names. */
import { Builder, date, lastSegment, LOWER, vpc } from './shared';

/** AWS::ElasticLoadBalancingV2::LoadBalancer: scheme, type and zones (the schema has no access-log property). */
export const loadBalancer: Builder = c => {
  const name = c.arn.split('/')[2] ?? c.name;
  return {
    resourceName: name,
    configuration: {
      loadBalancerArn: c.arn,
      loadBalancerName: name,
      dNSName: `${name}-${c.rng.int(100000000, 999999999)}.${
        c.region
      }.elb.amazonaws.com`,
      scheme: c.rng.chance(0.5) ? 'internet-facing' : 'internal',
      type: 'application',
      ipAddressType: 'ipv4',
      vpcId: vpc(c),
      state: { code: 'active' },
      createdTime: date(c.rng),
      availabilityZones: [
        { zoneName: `${c.region}a`, subnetId: `subnet-0${c.rng.hex(16)}` },
        { zoneName: `${c.region}b`, subnetId: `subnet-0${c.rng.hex(16)}` },
      ],
    },
  };
};

/** AWS::CloudFront::Distribution: access logging and the viewer settings. */
export const distribution: Builder = c => {
  const id = lastSegment(c.arn);
  const logged = c.rng.chance(0.2 + 0.5 * c.quality);
  return {
    configuration: {
      id,
      arn: c.arn,
      domainName: `${c.rng.chars(13, LOWER)}.cloudfront.net`,
      lastModifiedTime: date(c.rng),
      distributionConfig: {
        enabled: true,
        comment: c.name,
        priceClass: 'PriceClass_100',
        httpVersion: 'http2',
        isIPV6Enabled: true,
        defaultRootObject: 'index.html',
        logging: logged
          ? {
              enabled: true,
              bucket: `cdn-logs-${c.accountId.slice(-4)}.s3.amazonaws.com`,
              prefix: `${id}/`,
              includeCookies: false,
            }
          : { enabled: false, bucket: '', prefix: '', includeCookies: false },
        viewerCertificate: {
          cloudFrontDefaultCertificate: true,
          minimumProtocolVersion: 'TLSv1',
        },
        defaultCacheBehavior: {
          targetOriginId: 'origin-1',
          viewerProtocolPolicy: 'redirect-to-https',
          compress: true,
        },
      },
    },
  };
};
