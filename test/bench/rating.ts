// Rates 100,000 generated resources with every check and prints one JSON line:
// the median of five timed passes. Resources are built before the clock
// starts; only evaluateResource is timed.
// The package runs bundled, as it does once built (see `_bundle.ts`).
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type {
  AwsResource,
  OwnershipContext,
} from '@aws-ownership/backstage-plugin-common';
import { importBundled } from './_bundle';

type Common = typeof import('@aws-ownership/backstage-plugin-common');

const COUNT = Number(process.env.RATING_BENCH_COUNT ?? 100_000);
const PASSES = Number(process.env.RATING_BENCH_PASSES ?? 5);
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

async function main() {
  const { buildResource, builtinChecks, evaluateResource } =
    await importBundled<Common>('plugins/aws-ownership-common/src/index.ts');
  const inventory = Array.from({ length: COUNT }, (_, i) =>
    generate(buildResource, i),
  );

  // Warm up with one untimed pass, so the timed passes measure the steady state
  // of a backend that rates scan after scan: every check's code optimised by
  // the JIT (measured: after a 2,000-resource warm-up, a timed pass still
  // paid for optimising the failure paths, some 20% of its time). The rules'
  // bounded tables (tag keys, shared failure texts) are warm then too, as in a
  // backend; nothing is kept per resource: every text that names a resource
  // is built again in every timed pass.
  for (let i = 0; i < inventory.length; i++) {
    evaluateResource(inventory[i].resource, inventory[i].context);
  }

  // Collect the garbage of generation now, so the timed loop does not pay for it.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;

  // Five timed passes over the whole inventory, each after a collection; the
  // figure is their median, so one pass that shared the machine with another
  // program does not decide it (each pass's time is printed too).
  const passes: Array<{ seconds: number; cpuSeconds: number }> = [];
  let results = 0;
  let scoreSum = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    gc();
    results = 0;
    scoreSum = 0;
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (let i = 0; i < inventory.length; i++) {
      const rating = evaluateResource(
        inventory[i].resource,
        inventory[i].context,
      );
      results += rating.results.length;
      scoreSum += rating.score;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    // CPU time of the process (all threads, GC helpers included): on a shared,
    // loaded machine wall-clock time also counts the time other programs ran.
    const cpu = process.cpuUsage(cpuStart);
    passes.push({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const seconds = median(passes.map(p => p.seconds));
  const cpuSeconds = median(passes.map(p => p.cpuSeconds));

  console.log(
    JSON.stringify({
      resources: inventory.length,
      seconds: Number(seconds.toFixed(4)),
      perSecond: Math.round(inventory.length / seconds),
      cpuSeconds: Number(cpuSeconds.toFixed(4)),
      passSeconds: passes.map(p => Number(p.seconds.toFixed(4))),
      loadAverage: Number(loadavg()[0].toFixed(2)),
      checks: builtinChecks.length,
      results,
      meanScore: Number((scoreSum / inventory.length).toFixed(1)),
      targetSeconds: 0.5,
      withinTarget: seconds < 0.5,
    }),
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
