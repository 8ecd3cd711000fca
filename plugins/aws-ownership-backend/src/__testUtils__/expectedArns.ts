import type { Inventory } from '@aws-ownership/aws-emulator';

/**
 * The ARNs a scan of these accounts and regions must find in an inventory,
 * by AWS's rules: CloudFront and Route 53 list from us-east-1, S3 buckets from
 * their home region, everything else from its ARN's region; a resource nobody
 * ever tagged (`neverTagged`) is never listed.
 */
export function expectedArns(
  inventory: Inventory,
  accounts: Array<{ accountId: string; regions: string[] }>,
): string[] {
  const wanted = new Set(
    accounts.flatMap(a => a.regions.map(r => `${a.accountId}/${r}`)),
  );
  return inventory.resources
    .filter(resource => {
      if (resource.neverTagged) return false;
      const [, , service, arnRegion, arnAccount] = resource.arn.split(':');
      const account =
        arnAccount || resource.accountId || inventory.mainAccountId;
      const region =
        service === 'cloudfront' || service === 'route53'
          ? 'us-east-1'
          : arnRegion || resource.region || 'us-east-1';
      return wanted.has(`${account}/${region}`);
    })
    .map(r => r.arn)
    .sort();
}
