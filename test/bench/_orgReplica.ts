// One backend replica of the `org` benchmark, in its own process so that its
// memory is its own: the plugin's parts (Backstage's scheduler on PostgreSQL,
// account discovery, the scan runner and the per-account tasks) as plugin.ts
// wires them. Reads its settings from BENCH_REPLICA (JSON); on the message
// 'stop' it answers with its peak RSS, the scans it ran and the CPU seconds
// it used, then exits.
import knexFactory from 'knex';
import { ConfigReader } from '@backstage/config';
import { DefaultSchedulerService } from '@backstage/backend-defaults/scheduler';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { DefaultAccountDirectory } from '../../plugins/aws-ownership-backend/src/accounts/DefaultAccountDirectory';
import { readAwsOwnershipConfig } from '../../plugins/aws-ownership-backend/src/config/readAwsOwnershipConfig';
import { DatabaseAwsOwnershipStore } from '../../plugins/aws-ownership-backend/src/database/DatabaseAwsOwnershipStore';
import { retireAccounts } from '../../plugins/aws-ownership-backend/src/database/retireAccounts';
import { ScanRunner } from '../../plugins/aws-ownership-backend/src/scan/ScanRunner';
import { ScanTasks } from '../../plugins/aws-ownership-backend/src/scan/scheduleScans';
import { exampleEntities } from '../../plugins/aws-ownership-backend/src/__testUtils__/exampleEntities';
import { samplePeakMemory } from './_support';

interface ReplicaSettings {
  name: string;
  connection: string;
  rootConfig: Record<string, any>;
}

const settings: ReplicaSettings = JSON.parse(process.env.BENCH_REPLICA!);
let scans = 0;
const logger: any = {
  info(m: string) {
    // counted as they start: the line after a commit may come after 'stop'
    if (/^Scan \S+ of \d+ started/.test(m)) scans++;
    if (process.env.BENCH_VERBOSE) console.error(settings.name, m);
  },
  warn(m: string) {
    console.error(settings.name, 'WARN', m);
  },
  error(m: string) {
    console.error(settings.name, 'ERROR', m);
  },
  debug() {},
  child: () => logger,
};
const noop = () => ({ add() {}, record() {}, addCallback() {} });
const metrics: any = {
  createCounter: noop,
  createUpDownCounter: noop,
  createHistogram: noop,
  createGauge: noop,
  createObservableCounter: noop,
  createObservableUpDownCounter: noop,
  createObservableGauge: noop,
};

async function main() {
  const memory = samplePeakMemory();
  const shutdown: Array<() => void> = [];
  const knex = knexFactory({
    client: 'pg',
    connection: settings.connection,
    pool: { min: 0, max: 20 },
  });
  const database = { getClient: async () => knex };
  const rootConfig = new ConfigReader(settings.rootConfig);
  const config = readAwsOwnershipConfig(rootConfig);
  const store = await DatabaseAwsOwnershipStore.create({ database });
  const scheduler = DefaultSchedulerService.create({
    database,
    logger,
    metrics,
    rootLifecycle: {
      addShutdownHook: (hook: any) => shutdown.push(hook),
    } as any,
    httpRouter: { use() {}, addAuthPolicy() {} },
    pluginMetadata: { getId: () => 'aws-ownership' },
  });
  const directory = DefaultAccountDirectory.fromConfig({
    rootConfig,
    config,
    logger,
  });
  const entities = exampleEntities();
  const runner = new ScanRunner({
    config,
    store,
    catalog: { getEntities: async () => ({ items: entities }) } as any,
    auth: { getOwnServiceCredentials: async () => ({}) } as any,
    logger,
    credentials: DefaultAwsCredentialsManager.fromConfig(rootConfig),
    extraChecks: [],
    accounts: directory,
  });
  await new ScanTasks({
    scheduler,
    config,
    runner,
    store,
    directory,
    logger,
    retire: options => retireAccounts(knex, options),
  }).start();
  process.send!({ ready: true });
  process.on('message', async message => {
    if (message !== 'stop') return;
    const peakRssMb = memory.stop();
    const cpu = process.cpuUsage();
    const cpuSeconds = Math.round((cpu.user + cpu.system) / 1e4) / 100;
    shutdown.forEach(hook => hook());
    process.send!({ peakRssMb, scans, cpuSeconds }, () => process.exit(0));
  });
}

main().catch(error => {
  console.error(settings.name, error);
  process.exit(1);
});
