import type { Inventory, InventoryResource } from '../inventory/types';

/** The accounts of the test inventory. */
export const MAIN = '111111111111';
export const MEMBER = '222222222222';
export const GUARDED = '333333333333';

function ec2(
  i: number,
  tags: Record<string, string>,
  region = 'us-east-1',
): InventoryResource {
  return {
    arn: `arn:aws:ec2:${region}:${MAIN}:instance/i-${String(i).padStart(
      17,
      '0',
    )}`,
    tags,
  };
}

/**
 * A small hand-made estate whose answers the tests can predict: 250 EC2 instances in
 * us-east-1 with a known tag mix, a few other types, global resources and a second account.
 */
export function testInventory(): Inventory {
  const instances = Array.from({ length: 250 }, (_, i) =>
    ec2(i, {
      owner: ['payments', 'search', 'mobile'][i % 3],
      environment: i % 2 === 0 ? 'prod' : 'dev',
      ...(i % 10 === 0 ? { 'cost-center': 'cc-1' } : {}),
    }),
  );
  return {
    version: 1,
    mainAccountId: MAIN,
    accounts: [
      { accountId: MAIN, regions: ['us-east-1', 'eu-west-1'] },
      {
        accountId: MEMBER,
        regions: ['us-east-1'],
        roles: [{ name: 'ownership-reader' }],
      },
      {
        accountId: GUARDED,
        regions: ['us-east-1'],
        roles: [{ name: 'auditor', externalId: 'secret-id' }],
      },
    ],
    tagPolicy: {
      tags: {
        owner: { requiredFor: ['*'] },
        environment: { values: ['prod', 'dev'] },
      },
    },
    resources: [
      ...instances,
      {
        arn: `arn:aws:s3:::main-logs`,
        region: 'eu-west-1',
        accountId: MAIN,
        tags: { Owner: 'payments' },
      },
      {
        arn: `arn:aws:s3:::main-assets`,
        tags: { owner: 'search', environment: 'Prod' },
      },
      {
        arn: `arn:aws:cloudfront::${MAIN}:distribution/E1234567890ABC`,
        tags: { owner: 'mobile' },
      },
      {
        arn: 'arn:aws:route53:::hostedzone/Z0000000000000000001',
        accountId: MAIN,
        tags: { owner: 'platform' },
      },
      {
        arn: `arn:aws:lambda:eu-west-1:${MAIN}:function:orders-handler`,
        tags: { owner: 'checkout', environment: 'prod' },
      },
      { arn: `arn:aws:sqs:eu-west-1:${MAIN}:orders-queue`, tags: {} },
      {
        arn: `arn:aws:rds:eu-west-1:${MAIN}:db:orders-db`,
        tags: { owner: 'checkout', environment: 'staging' },
      },
      { arn: `arn:aws:iam::${MAIN}:role/admin`, tags: { owner: 'security' } },
      {
        arn: `arn:aws:sqs:us-east-1:${MEMBER}:member-queue`,
        tags: { owner: 'data-platform' },
      },
      {
        arn: `arn:aws:sqs:us-east-1:${GUARDED}:audit-queue`,
        tags: { owner: 'security' },
      },
    ],
  };
}
