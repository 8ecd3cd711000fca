// Rates 100,000 generated resources with every check and prints one JSON
// line. Resources are built before the clock starts; one untimed pass first,
// so the figure is that of a backend rating scan after scan (code optimised by
// the JIT), not of a cold start; only evaluateResource is timed. Five timed
// passes follow and the median is the figure (all five are printed): on a
// shared machine one pass can be slowed by a neighbour's burst. The bar
// (CHECKLISTS.md, "Style of the rules") is under 2 s: collection, capped by
// AWS near 1,500 resources a second per account and region, is always the
// slower part.
import { build } from 'esbuild';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  AwsResource,
  OwnershipContext,
} from '@aws-ownership/backstage-plugin-common';
import { root } from './_support';

type Common = typeof import('@aws-ownership/backstage-plugin-common');

const COUNT = Number(process.env.RATING_BENCH_COUNT ?? 100_000);
const TARGET_SECONDS = 2;
const PASSES = 5;
const ACCOUNT = '111122223333';

// A small deterministic PRNG so every run rates the same inventory.
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(items: readonly T[]): T =>
  items[Math.floor(rand() * items.length)];
const hex = (n: number) =>
  Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join(
    '',
  );

const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const shapes: Array<(i: number, region: string) => string> = [
  (_, r) => `arn:aws:ec2:${r}:${ACCOUNT}:instance/i-${hex(17)}`,
  (_, r) => `arn:aws:ec2:${r}:${ACCOUNT}:volume/vol-${hex(17)}`,
  (_, r) => `arn:aws:ec2:${r}:${ACCOUNT}:security-group/sg-${hex(17)}`,
  i => `arn:aws:s3:::orders-data-${i}`,
  (i, r) => `arn:aws:sqs:${r}:${ACCOUNT}:orders-queue-${i}`,
  (i, r) => `arn:aws:dynamodb:${r}:${ACCOUNT}:table/orders-${i}`,
  (i, r) => `arn:aws:rds:${r}:${ACCOUNT}:db:orders-db-${i}`,
  (i, r) => `arn:aws:lambda:${r}:${ACCOUNT}:function:orders-api-${i}`,
  (i, r) =>
    `arn:aws:elasticloadbalancing:${r}:${ACCOUNT}:loadbalancer/app/web-${i}/${hex(
      16,
    )}`,
  (i, r) => `arn:aws:eks:${r}:${ACCOUNT}:nodegroup/platform/ng-${i}/${hex(8)}`,
  (_, r) =>
    `arn:aws:kms:${r}:${ACCOUNT}:key/${hex(8)}-${hex(4)}-${hex(4)}-${hex(
      4,
    )}-${hex(12)}`,
  (i, r) => `arn:aws:cloudformation:${r}:${ACCOUNT}:stack/stack-${i}/${hex(8)}`,
];
const teams = ['payments', 'search', 'Platform', 'data-eng', 'tbd'];
const envs = ['prod', 'staging', 'dev', 'test', 'Prod', 'production'];

function generate(
  buildResource: Common['buildResource'],
  i: number,
): {
  resource: AwsResource;
  context: OwnershipContext;
} {
  const region = pick(regions);
  const arn = pick(shapes)(i, region);
  const tags: Record<string, string> = {};
  const owner = rand() < 0.85 ? pick(teams) : undefined;
  if (owner) tags[rand() < 0.8 ? 'owner' : 'Team'] = owner;
  if (rand() < 0.8) tags.environment = pick(envs);
  if (rand() < 0.6) tags['cost-center'] = `cc-${1000 + (i % 9000)}`;
  if (rand() < 0.6) tags.application = 'orders';
  if (rand() < 0.7)
    tags.Name = rand() < 0.9 ? `orders-${pick(envs)}-${i}` : 'launch-wizard-2';
  if (rand() < 0.4)
    tags['data-classification'] = pick([
      'public',
      'internal',
      'confidential',
      'Restricted',
    ]);
  if (rand() < 0.3) tags.backup = pick(['daily', 'none', 'weekly']);
  if (rand() < 0.3) tags['Patch Group'] = 'linux-prod';
  if (rand() < 0.3) tags.rpo = '1h';
  if (rand() < 0.5) tags['aws:cloudformation:stack-name'] = `stack-${i % 100}`;
  if (rand() < 0.1) tags.CostCenter = 'x';
  if (rand() < 0.01) tags['db-password'] = 'hunter2';
  // a tail of resources with many tags
  const extra = rand() < 0.05 ? 40 : Math.floor(rand() * 4);
  for (let k = 0; k < extra; k++) tags[`extra-key-${k}`] = `value-${k}`;
  const resource = buildResource({ arn, tags, sourceRegion: region });
  const context: OwnershipContext = owner
    ? {
        ownerTag: { key: 'owner', value: owner },
        ...(owner !== 'tbd'
          ? { ownerRef: `group:default/${owner.toLowerCase()}` }
          : {}),
        ownerHasEscalation: rand() < 0.5,
      }
    : {};
  return { resource, context };
}

// The package runs bundled once built; under tsx every module is compiled on
// its own and each cross-module call goes through a getter, a cost of the dev
// loader rather than of the rules. So the rules are bundled first.
async function loadRules(): Promise<Common> {
  const outfile = join(root, '.artifacts', 'bench', 'common.mjs');
  await build({
    entryPoints: [join(root, 'plugins/aws-ownership-common/src/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

type Inventory = Array<ReturnType<typeof generate>>;

/** Rates every resource once; wall and CPU seconds, and what the ratings add up to. */
function timedPass(
  inventory: Inventory,
  evaluateResource: Common['evaluateResource'],
) {
  let results = 0;
  let scoreSum = 0;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const { resource, context } of inventory) {
    const rating = evaluateResource(resource, context);
    results += rating.results.length;
    scoreSum += rating.score;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // on a shared machine wall-clock time also counts other programs' turns
  const cpu = process.cpuUsage(cpuStart);
  return {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    results,
    meanScore: scoreSum / inventory.length,
  };
}

async function main() {
  const { buildResource, builtinChecks, evaluateResource } = await loadRules();
  const inventory: Inventory = Array.from({ length: COUNT }, (_, i) =>
    generate(buildResource, i),
  );
  for (const { resource, context } of inventory) {
    evaluateResource(resource, context);
  }
  const passes = Array.from({ length: PASSES }, () =>
    timedPass(inventory, evaluateResource),
  );
  const median = [...passes].sort((a, b) => a.seconds - b.seconds)[
    Math.floor(PASSES / 2)
  ];
  const round = (n: number) => Number(n.toFixed(3));
  console.log(
    JSON.stringify({
      resources: inventory.length,
      seconds: round(median.seconds),
      perSecond: Math.round(inventory.length / median.seconds),
      cpuSeconds: round(median.cpuSeconds),
      passSeconds: passes.map(p => round(p.seconds)),
      loadAverage: Number(loadavg()[0].toFixed(2)),
      checks: builtinChecks.length,
      results: median.results,
      meanScore: Number(median.meanScore.toFixed(1)),
      targetSeconds: TARGET_SECONDS,
      withinTarget: median.seconds < TARGET_SECONDS,
    }),
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
