// Benchmark `collect-vs-cli`: one region, the emulator's quota off; the
// collector against Debian's AWS CLI v2 paging through the same resources
// (`aws resourcegroupstaggingapi get-resources`). Target: at least 2x faster.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { collectRegion } from '../../plugins/aws-ownership-backend/src/collector/collectRegion';
import { createTaggingClient } from '../../plugins/aws-ownership-backend/src/collector/createTaggingClient';
import { RequestPacer } from '../../plugins/aws-ownership-backend/src/collector/RequestPacer';
import { inventoryFile, startEmulatorProcess } from './_support';

const RESOURCES = 10_000;
const REGION = 'us-east-1';
const AWS_CLI = process.env.AWS_CLI ?? '/usr/bin/aws';
const TARGET = 2;

async function main() {
  const file = await inventoryFile({
    seed: 5151,
    resources: RESOURCES,
    regions: [REGION],
  });
  const emulator = await startEmulatorProcess([
    '--inventory',
    file,
    '--no-quota',
  ]);
  try {
    const ours = async () => {
      const started = performance.now();
      const client = createTaggingClient({
        region: REGION,
        credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
        endpoint: emulator.url,
        maxAttempts: 3,
        pacer: new RequestPacer(1_000_000),
      });
      const outcome = await collectRegion({
        client,
        includeComplianceDetails: false,
        onPage: async () => {},
      });
      client.destroy();
      return { seconds: (performance.now() - started) / 1000, ...outcome };
    };
    const cli = async () => {
      const started = performance.now();
      const { stdout } = await promisify(execFile)(
        AWS_CLI,
        [
          'resourcegroupstaggingapi',
          'get-resources',
          '--endpoint-url',
          emulator.url,
          '--region',
          REGION,
          '--output',
          'json',
          '--page-size',
          '100',
        ],
        {
          maxBuffer: 512 * 1024 * 1024,
          env: {
            ...process.env,
            AWS_ACCESS_KEY_ID: 'bench',
            AWS_SECRET_ACCESS_KEY: 'bench',
            AWS_EC2_METADATA_DISABLED: 'true',
            AWS_PAGER: '',
          },
        },
      );
      const resources = JSON.parse(stdout).ResourceTagMappingList.length;
      return { seconds: (performance.now() - started) / 1000, resources };
    };
    await ours(); // warm both paths once (module loading, the emulator's JIT)
    const collector = await ours();
    const awsCli = await cli();
    if (awsCli.resources !== collector.resources) {
      throw new Error(
        `the CLI saw ${awsCli.resources} resources, the collector ${collector.resources}`,
      );
    }
    const speedup = awsCli.seconds / collector.seconds;
    console.log(
      JSON.stringify({
        benchmark: 'collect-vs-cli',
        resources: collector.resources,
        pages: collector.pages,
        collectorSeconds: Math.round(collector.seconds * 1000) / 1000,
        cliSeconds: Math.round(awsCli.seconds * 1000) / 1000,
        speedup: Math.round(speedup * 100) / 100,
        target: TARGET,
        ok: speedup >= TARGET,
      }),
    );
  } finally {
    emulator.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
