// Benchmark `collect`: 20,000 resources in 4 regions of one account, the
// emulator's quota on (15 GetResources calls a second per account and region).
// The ideal is the slowest region's pages / 15 a second, regions in parallel;
// prints the measured time divided by it. Target: at most 1.10.
import { collectRegion } from '../../plugins/aws-ownership-backend/src/collector/collectRegion';
import { createTaggingClient } from '../../plugins/aws-ownership-backend/src/collector/createTaggingClient';
import { RequestPacer } from '../../plugins/aws-ownership-backend/src/collector/RequestPacer';
import { inventoryFile, startEmulatorProcess } from './_support';

const RESOURCES = 20_000;
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
const QUOTA = 15;
const TARGET = 1.1;

async function main() {
  const file = await inventoryFile({
    seed: 4242,
    resources: RESOURCES,
    regions: REGIONS,
  });
  const emulator = await startEmulatorProcess(['--inventory', file]);
  try {
    // let the emulator's buckets fill, as an idle account's would be
    await new Promise(r => setTimeout(r, 1500));
    const started = performance.now();
    const perRegion = await Promise.all(
      REGIONS.map(async region => {
        const client = createTaggingClient({
          region,
          credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
          endpoint: emulator.url,
          maxAttempts: 10,
          pacer: new RequestPacer(QUOTA),
        });
        let throttledRetries = 0;
        client.middlewareStack.add(
          next => async args => {
            const out = await next(args);
            throttledRetries +=
              ((out.output as any)?.$metadata?.attempts ?? 1) - 1;
            return out;
          },
          { step: 'initialize' },
        );
        const outcome = await collectRegion({
          client,
          includeComplianceDetails: false,
          onPage: async () => {},
        });
        client.destroy();
        return { region, ...outcome, retries: throttledRetries };
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const maxPages = Math.max(...perRegion.map(r => r.pages));
    const idealSeconds = maxPages / QUOTA;
    const ratio = seconds / idealSeconds;
    console.log(
      JSON.stringify({
        benchmark: 'collect',
        resources: perRegion.reduce((n, r) => n + r.resources, 0),
        regions: REGIONS.length,
        pages: perRegion.reduce((n, r) => n + r.pages, 0),
        retries: perRegion.reduce((n, r) => n + r.retries, 0),
        seconds: Math.round(seconds * 1000) / 1000,
        idealSeconds: Math.round(idealSeconds * 1000) / 1000,
        ratio: Math.round(ratio * 1000) / 1000,
        target: TARGET,
        ok: ratio <= TARGET,
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
