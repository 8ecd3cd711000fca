// Benchmark `org`: an AWS Organization of 200 accounts, 3 regions each, 1,500
// resources an account, the emulator's quota on (15 GetResources calls a
// second per account and region); accounts discovered from Organizations and
// scanned by two replicas (each its own process, _orgReplica.ts) sharing one
// PostgreSQL database through Backstage's scheduler, 16 scans at once each.
// The ideal is the scheduler's start-up (from spawning the first replica to
// the first scan) plus the slowest account-region's pages at 15 a second.
// Targets: at most 2 times the ideal, peak RSS under 600 MB a replica.
// Also printed: the CPU seconds the replicas, the emulator and PostgreSQL used
// (Linux), and the floor they set on this machine's cores: all that work,
// start-up included, spread perfectly over every core, which no scheduling
// can beat.
// BENCH_ORG_ACCOUNTS, BENCH_ORG_REPLICAS and BENCH_ORG_CONCURRENCY override.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import knexFactory, { Knex } from 'knex';
import {
  GenerateOptions,
  generatedHeader,
  generateResources,
  writeInventoryFile,
} from '@aws-ownership/aws-emulator';
import {
  postgresCpuSeconds,
  processCpuSeconds,
  root,
  startEmulatorProcess,
} from './_support';

const ACCOUNTS = Number(process.env.BENCH_ORG_ACCOUNTS ?? 200);
const REPLICAS = Number(process.env.BENCH_ORG_REPLICAS ?? 2);
const CONCURRENCY = Number(process.env.BENCH_ORG_CONCURRENCY ?? 16);
const PER_ACCOUNT = 1500;
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1'];
const QUOTA = 15;
const TARGET_RATIO = 2;
const TARGET_MB = 600;
const connection =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';
const DB = 'aws_ownership_bench_org';
const dbConnection = `${connection.replace(/\/$/, '')}/${DB}`;

/** The organisation's inventory, every account active, written once. */
async function organizationFile(): Promise<{
  file: string;
  management: string;
}> {
  const dir = join(root, '.artifacts', 'bench');
  mkdirSync(dir, { recursive: true });
  const options: GenerateOptions = {
    seed: 2002,
    resources: ACCOUNTS * PER_ACCOUNT,
    orgAccounts: ACCOUNTS,
    regions: REGIONS,
  };
  const header = generatedHeader(options);
  const organization = header.organization!;
  header.organization = {
    ...organization,
    accounts: organization.accounts.map(a => ({ ...a, status: 'ACTIVE' })),
  };
  const file = join(dir, `org-${ACCOUNTS}x${PER_ACCOUNT}.json`);
  if (!existsSync(file)) {
    await writeInventoryFile(file, header, generateResources(options));
  }
  return { file, management: organization.managementAccountId };
}

async function freshDatabase(): Promise<Knex> {
  const admin = knexFactory({ client: 'pg', connection });
  await admin.raw(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.raw(`CREATE DATABASE ${DB}`);
  await admin.destroy();
  return knexFactory({ client: 'pg', connection: dbConnection });
}

interface Replica {
  child: ChildProcess;
  ready: Promise<void>;
  stop(): Promise<{ peakRssMb: number; scans: number; cpuSeconds: number }>;
}

function startReplica(name: string, env: Record<string, string>): Replica {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '_orgReplica.ts')],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const messages: Array<(m: any) => void> = [];
  child.on('message', m => messages.shift()?.(m));
  const next = () =>
    new Promise<any>((resolve, reject) => {
      messages.push(resolve);
      child.once('exit', code => reject(new Error(`${name} exited ${code}`)));
    });
  const ready = next().then(() => undefined);
  return {
    child,
    ready,
    async stop() {
      const answer = next();
      child.send('stop');
      return answer;
    },
  };
}

async function main() {
  const { file, management } = await organizationFile();
  const emulator = await startEmulatorProcess(['--inventory', file]);
  const knex = await freshDatabase();
  const replicas: Replica[] = [];
  try {
    const rootConfig = {
      aws: {
        mainAccount: { accessKeyId: 'bench', secretAccessKey: 'bench' },
        accounts: [
          { accountId: management, accessKeyId: 'bench', secretAccessKey: 'x' },
        ],
        accountDefaults: { roleName: 'ownership-reader' },
      },
      awsOwnership: {
        endpoint: emulator.url,
        organization: { accountId: management, regions: REGIONS },
        schedule: { frequency: { hours: 6 }, timeout: { minutes: 30 } },
        collector: { concurrency: CONCURRENCY },
      },
    };
    const postgresCpuAtStart = postgresCpuSeconds();
    const emulatorCpuAtStart = processCpuSeconds(emulator.pid);
    const started = performance.now();
    for (let i = 0; i < REPLICAS; i++) {
      const replica = startReplica(`replica-${i + 1}`, {
        AWS_ENDPOINT_URL_STS: emulator.url,
        BENCH_REPLICA: JSON.stringify({
          name: `replica-${i + 1}`,
          connection: dbConnection,
          rootConfig,
        }),
      });
      replicas.push(replica);
      // one after the other: each runs the migrations
      await replica.ready;
    }

    let firstScanAt: number | undefined;
    let done = 0;
    while (done < ACCOUNTS) {
      await new Promise(r => setTimeout(r, 500));
      if (firstScanAt === undefined) {
        const [{ count }] = await knex('scans').count({ count: '*' });
        if (Number(count) > 0) firstScanAt = performance.now();
      }
      const [{ count }] = await knex('scans')
        .where('status', 'succeeded')
        .countDistinct({ count: 'account_id' });
      done = Number(count);
      if (performance.now() - started > 60 * 60_000) {
        throw new Error(`only ${done} of ${ACCOUNTS} accounts after an hour`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const since = (now?: number, then?: number) =>
      now === undefined || then === undefined ? undefined : now - then;
    const postgresCpu = since(postgresCpuSeconds(), postgresCpuAtStart);
    const emulatorCpu = since(
      processCpuSeconds(emulator.pid),
      emulatorCpuAtStart,
    );

    const scans = await knex('scans').select('status', 'regions');
    const maxPages = Math.max(
      ...scans.flatMap(s =>
        JSON.parse(s.regions).map((r: { pages: number }) => r.pages),
      ),
    );
    const startupSeconds = ((firstScanAt ?? started) - started) / 1000;
    const idealSeconds = startupSeconds + maxPages / QUOTA;
    const count = async (table: string) =>
      Number((await knex(table).count({ count: '*' }))[0].count);
    const stats = [];
    for (const replica of replicas) stats.push(await replica.stop());
    const ratio = seconds / idealSeconds;
    const round = (n: number) => Math.round(n * 100) / 100;
    const cores = availableParallelism();
    const cpuTotal =
      stats.reduce((sum, s) => sum + s.cpuSeconds, 0) +
      (emulatorCpu ?? 0) +
      (postgresCpu ?? 0);
    // start-up's own CPU is in the total
    const floorSeconds = cpuTotal / cores;
    console.log(
      JSON.stringify({
        benchmark: 'org',
        database: 'postgres15',
        accounts: ACCOUNTS,
        regions: REGIONS.length,
        resourcesPerAccount: PER_ACCOUNT,
        replicas: REPLICAS,
        concurrency: CONCURRENCY,
        scans: scans.length,
        scansSucceeded: scans.filter(s => s.status === 'succeeded').length,
        scansPerReplica: stats.map(s => s.scans),
        rowsWritten: {
          resources: await count('resources'),
          scans: await count('scans'),
          teamScores: await count('team_scores'),
        },
        seconds: round(seconds),
        startupSeconds: round(startupSeconds),
        maxPagesPerAccountRegion: maxPages,
        idealSeconds: round(idealSeconds),
        ratio: round(ratio),
        peakRssMbPerReplica: stats.map(s => s.peakRssMb),
        cpuSeconds: {
          replicas: stats.map(s => s.cpuSeconds),
          emulator: emulatorCpu === undefined ? null : round(emulatorCpu),
          postgres: postgresCpu === undefined ? null : round(postgresCpu),
          total: round(cpuTotal),
        },
        cores,
        cpuFloorSeconds: round(floorSeconds),
        cpuFloorRatio: round(floorSeconds / idealSeconds),
        targetRatio: TARGET_RATIO,
        targetRssMb: TARGET_MB,
        ok: ratio <= TARGET_RATIO && stats.every(s => s.peakRssMb < TARGET_MB),
      }),
    );
  } finally {
    for (const replica of replicas) replica.child.kill();
    await knex.destroy();
    emulator.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
