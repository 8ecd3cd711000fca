import { GetResourcesCommand } from '@aws-sdk/client-resource-groups-tagging-api';
import { EmulatorHandle, startEmulator } from '../server';
import { allPages, arnsOf, taggingClient } from '../__testUtils__/clients';
import { MAIN, testInventory } from '../__testUtils__/fixtures';
import { rawTagging } from '../__testUtils__/rawCall';

describe('the Tagging API quota', () => {
  let emulator: EmulatorHandle;

  afterEach(async () => {
    await emulator.close();
  });

  it('answers ThrottledException ("Rate exceeded") beyond 15 GetResources calls a second by default', async () => {
    emulator = await startEmulator({ port: 0, inventory: testInventory() });
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 25 }, () =>
        rawTagging(emulator.url, 'GetResources', { ResourcesPerPage: 1 }),
      ),
    );
    const throttled = results.filter(r => r.status === 400);
    expect(results.filter(r => r.status === 200).length).toBeGreaterThanOrEqual(
      15,
    );
    // the burst is one second's worth; refill while the burst runs adds 15 a second
    const refill = Math.ceil(((Date.now() - started) / 1000) * 15);
    expect(results.filter(r => r.status === 200).length).toBeLessThanOrEqual(
      15 + refill,
    );
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled[0].body).toEqual({
      __type: 'ThrottledException',
      Message: 'Rate exceeded',
    });
    // another region has its own bucket
    expect(
      (
        await rawTagging(
          emulator.url,
          'GetResources',
          {},
          { region: 'eu-west-1' },
        )
      ).status,
    ).toBe(200);
    const stats = emulator.stats();
    const east = stats.calls.find(
      c => c.accountId === MAIN && c.region === 'us-east-1',
    )!;
    expect(east.calls).toBe(25);
    expect(east.throttled).toBe(throttled.length);
  });

  it('limits GetTagKeys and GetTagValues to 5 a second by default', async () => {
    emulator = await startEmulator({ port: 0, inventory: testInventory() });
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        rawTagging(emulator.url, i % 2 ? 'GetTagKeys' : 'GetTagValues', {
          Key: 'owner',
        }),
      ),
    );
    const ok = results.filter(r => r.status === 200).length;
    expect(ok).toBeGreaterThanOrEqual(5);
    expect(ok).toBeLessThanOrEqual(
      5 + Math.ceil(((Date.now() - started) / 1000) * 5),
    );
    expect(ok).toBeLessThan(10);
  });

  it('lets the SDK retry through throttling and finish the listing', async () => {
    emulator = await startEmulator({
      port: 0,
      inventory: testInventory(),
      quota: { getResourcesPerSecond: 4 },
    });
    const client = taggingClient(emulator.url, 'us-east-1', {
      maxAttempts: 10,
    });
    const pages = await allPages(client, {}, 20);
    expect(new Set(arnsOf(pages)).size).toBe(253);
    const east = emulator.stats().calls.find(c => c.region === 'us-east-1')!;
    expect(east.throttled).toBeGreaterThan(0);
    expect(east.calls - east.throttled).toBe(pages.length);
    // 13 pages paced at 4 calls a second plus the SDK's backoff: seconds by
    // design, more on a loaded machine, so not jest's 5 s default
  }, 30_000);

  it('can be switched off and reconfigured at run time', async () => {
    emulator = await startEmulator({
      port: 0,
      inventory: testInventory(),
      quota: { enabled: false },
    });
    const client = taggingClient(emulator.url, 'us-east-1', { maxAttempts: 1 });
    await Promise.all(
      Array.from({ length: 30 }, () =>
        client.send(new GetResourcesCommand({ ResourcesPerPage: 1 })),
      ),
    );
    emulator.setQuota({ enabled: true, getResourcesPerSecond: 1 });
    await client.send(new GetResourcesCommand({ ResourcesPerPage: 1 }));
    await expect(
      client.send(new GetResourcesCommand({ ResourcesPerPage: 1 })),
    ).rejects.toMatchObject({
      name: 'ThrottledException',
    });
  });
});
