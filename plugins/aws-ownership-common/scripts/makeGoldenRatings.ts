// Writes src/scoring/__fixtures__/golden-ratings.json: the demo inventory (examples/aws-inventory.json,
// every resource) plus hand-made edge cases, each with the ownership context
// the demo catalog (examples/org.yaml, components.yaml) gives it, rated by the
// code of the commit that ran this script (the fixture was made at 894d600,
// before caps, the declaration vocabulary and the classification fixes; do not
// run it again to "update" the fixture, that would bless the new rules).
// Run from the repository root:
//   node --import tsx plugins/aws-ownership-common/scripts/makeGoldenRatings.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Entity } from '@backstage/catalog-model';
import {
  buildResource,
  createOwnershipResolver,
  evaluateResource,
} from '../src/index';

const root = process.cwd();
const catalog = ['org.yaml', 'components.yaml'].flatMap(file =>
  parseAllDocuments(readFileSync(join(root, 'examples', file), 'utf8')).map(
    doc => doc.toJSON() as Entity,
  ),
);
const resolver = createOwnershipResolver(catalog, {
  ownerTagKeys: ['owner', 'team'],
  componentTagKeys: ['component', 'app', 'application'],
  escalationAnnotations: ['pagerduty.com/service-id', 'opsgenie.com/team'],
});

const inventory: {
  resources: Array<{ arn: string; tags: Record<string, string> }>;
} = JSON.parse(
  readFileSync(join(root, 'examples', 'aws-inventory.json'), 'utf8'),
);

const A = '111122223333';
const base = {
  owner: 'payments',
  environment: 'prod',
  'cost-center': 'cc-1234',
  application: 'orders',
  oncall: 'payments-primary',
  rpo: '1h',
  'managed-by': 'terraform',
};
// declarations that say nothing is done, and the classification fixes
const edgeCases: Array<{ arn: string; tags: Record<string, string> }> = [
  ...['none', 'no', 'false', 'off', 'disabled', 'manual', '0', 'daily'].flatMap(
    value => [
      {
        arn: `arn:aws:rds:us-east-1:${A}:db:orders-db-${value}`,
        tags: {
          ...base,
          Name: `orders-db-${value}`,
          backup: value,
          'data-classification': 'internal',
        },
      },
      {
        arn: `arn:aws:rds:us-east-1:${A}:db:public-db-${value}`,
        tags: {
          ...base,
          Name: `public-db-${value}`,
          backup: value,
          'data-classification': 'public',
        },
      },
      {
        arn: `arn:aws:ec2:us-east-1:${A}:instance/i-0edge${value}`,
        tags: {
          ...base,
          Name: `orders-web-${value}`,
          backup: 'daily',
          'Patch Group': value,
        },
      },
      {
        arn: `arn:aws:ec2:us-east-1:${A}:instance/i-1edge${value}`,
        tags: {
          ...base,
          Name: `orders-api-${value}`,
          backup: 'daily',
          patching: value,
        },
      },
      {
        arn: `arn:aws:s3:::orders-secret-${value}`,
        tags: {
          ...base,
          'data-classification': 'confidential',
          encryption: value,
        },
      },
    ],
  ),
  { arn: `arn:aws:codepipeline:us-east-1:${A}:orders-pipeline`, tags: base },
  {
    arn: `arn:aws:eks:us-east-1:${A}:nodegroup/platform/general/1a2b3c4d`,
    tags: { ...base, 'Patch Group': 'linux-prod' },
  },
  {
    arn: `arn:aws:eks:us-east-1:${A}:nodegroup/platform/spare/1a2b3c4e`,
    tags: base,
  },
  {
    arn: `arn:aws:ecs:us-east-1:${A}:container-instance/orders/0123456789abcdef`,
    tags: base,
  },
  {
    arn: `arn:aws:elasticfilesystem:us-east-1:${A}:file-system/fs-0123456789abcdef0`,
    tags: { ...base, backup: 'daily' },
  },
  {
    arn: `arn:aws:redshift:us-east-1:${A}:cluster:orders-warehouse`,
    tags: base,
  },
  { arn: `arn:aws:es:us-east-1:${A}:domain/orders-search`, tags: base },
  { arn: `arn:aws:rds:us-east-1:${A}:cluster:orders-docdb`, tags: base },
  { arn: `arn:aws:memorydb:us-east-1:${A}:cluster/orders-cache`, tags: base },
  {
    arn: `arn:aws:lightsail:us-east-1:${A}:Instance/244ad76f-8aad-4741-809f-12345EXAMPLE`,
    tags: base,
  },
  {
    arn: `arn:aws:redshift-serverless:us-east-1:${A}:workgroup/0a1b2c3d-1234-5678-9abc-0123456789ab`,
    tags: base,
  },
  {
    arn: `arn:aws:redshift-serverless:us-east-1:${A}:namespace/0a1b2c3d-1234-5678-9abc-0123456789ac`,
    tags: base,
  },
  { arn: `arn:aws:dax:us-east-1:${A}:cache/orders-dax`, tags: base },
  { arn: `arn:aws:cloudtrail:us-east-1:${A}:trail/orders-trail`, tags: base },
];

const rows = [...inventory.resources, ...edgeCases].map(({ arn, tags }) => {
  const context = resolver.resolve(tags);
  const rating = evaluateResource(
    buildResource({ arn, tags, sourceRegion: 'us-east-1' }),
    context,
  );
  return {
    arn,
    tags,
    context,
    score: rating.score,
    grade: rating.grade,
    results: rating.results.map(r => `${r.checkId} ${r.status} ${r.severity}`),
  };
});

writeFileSync(
  join(
    __dirname,
    '..',
    'src',
    'scoring',
    '__fixtures__',
    'golden-ratings.json',
  ),
  `[\n${rows.map(row => JSON.stringify(row)).join(',\n')}\n]\n`,
);
process.stdout.write(`${rows.length} ratings written\n`);
