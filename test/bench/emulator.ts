// Benchmark: the emulator serving 100,000 generated resources, paged 100 at a time over
// keep-alive HTTP with the quota off. Prints one JSON line; fails below 200 pages a second.
import { Agent, request } from 'node:http';
import { generateInventory, startEmulator } from '@aws-ownership/aws-emulator';

const RESOURCES = 100_000;
const MIN_PAGES_PER_SECOND = 200;

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function getResources(
  url: URL,
  accountId: string,
  region: string,
  token: string,
): Promise<{ PaginationToken: string; ResourceTagMappingList: unknown[] }> {
  const body = JSON.stringify({
    ResourcesPerPage: 100,
    ...(token ? { PaginationToken: token } : {}),
  });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'Content-Length': Buffer.byteLength(body),
          'X-Amz-Target': 'ResourceGroupsTaggingAPI_20170126.GetResources',
          // a 12-digit access key acts in that account; the signature is not checked
          Authorization: `AWS4-HMAC-SHA256 Credential=${accountId}/20250101/${region}/tagging/aws4_request, SignedHeaders=host, Signature=0`,
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200)
            reject(new Error(`HTTP ${res.statusCode}: ${text}`));
          else resolve(JSON.parse(text));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const loadStart = performance.now();
  const inventory = generateInventory({ seed: 100_000, resources: RESOURCES });
  const emulator = await startEmulator({
    port: 0,
    inventory,
    quota: { enabled: false },
  });
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const url = new URL(emulator.url);
  let pages = 0;
  let resources = 0;
  const start = performance.now();
  try {
    for (const account of inventory.accounts) {
      for (const region of account.regions) {
        let token = '';
        do {
          const page = await getResources(
            url,
            account.accountId,
            region,
            token,
          );
          pages++;
          resources += page.ResourceTagMappingList.length;
          token = page.PaginationToken;
        } while (token);
      }
    }
  } finally {
    agent.destroy();
    await emulator.close();
  }
  const seconds = (performance.now() - start) / 1000;
  const pagesPerSecond = pages / seconds;
  const ok =
    pagesPerSecond >= MIN_PAGES_PER_SECOND &&
    resources === emulator.stats().resources;
  process.stdout.write(
    `${JSON.stringify({
      benchmark: 'emulator',
      resources,
      pages,
      seconds: Number(seconds.toFixed(3)),
      pagesPerSecond: Number(pagesPerSecond.toFixed(1)),
      minPagesPerSecond: MIN_PAGES_PER_SECOND,
      generateAndLoadSeconds: Number(loadSeconds.toFixed(3)),
      ok,
    })}\n`,
  );
  if (!ok) process.exitCode = 1;
}

main().catch(error => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
