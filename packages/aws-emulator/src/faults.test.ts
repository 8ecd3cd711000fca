import { Faults, validateFaultConfig } from './faults';
import { EmulatorHandle, startEmulator } from './server';
import { allPages, arnsOf, taggingClient } from './__testUtils__/clients';
import { MAIN, testInventory } from './__testUtils__/fixtures';
import { control, rawTagging } from './__testUtils__/rawCall';
import { join } from 'node:path';
import { generateInventory } from './inventory/generate';
import { EXAMPLE_ORG_FILES } from './inventory/org';

describe('Faults', () => {
  it('spreads a share of failures evenly', () => {
    const faults = new Faults();
    faults.set({ throttleShare: 0.25 });
    const codes = Array.from(
      { length: 8 },
      () => faults.decide('GetResources', 'us-east-1').error?.code,
    );
    expect(codes).toEqual([
      undefined,
      undefined,
      undefined,
      'ThrottledException',
      undefined,
      undefined,
      undefined,
      'ThrottledException',
    ]);
  });

  it('fails every call in a failing region and only the listed operations otherwise', () => {
    const faults = new Faults();
    faults.set({
      internalErrorShare: 1,
      failingRegions: ['eu-west-1'],
      operations: ['GetTagKeys'],
    });
    expect(faults.decide('GetResources', 'eu-west-1').error?.statusCode).toBe(
      500,
    );
    expect(faults.decide('GetResources', 'us-east-1').error).toBeUndefined();
    expect(faults.decide('GetTagKeys', 'us-east-1').error?.code).toBe(
      'InternalServiceException',
    );
  });

  it('rejects out-of-range settings', () => {
    expect(() => validateFaultConfig({ throttleShare: 2 })).toThrow(
      /throttleShare/,
    );
    expect(() => validateFaultConfig({ latencyMs: -1 })).toThrow(/latencyMs/);
    expect(() => validateFaultConfig({ failingRegions: 'eu-west-1' })).toThrow(
      /failingRegions/,
    );
  });
});

describe('fault injection over the wire', () => {
  let emulator: EmulatorHandle;

  beforeEach(async () => {
    emulator = await startEmulator({
      port: 0,
      inventory: testInventory(),
      quota: { enabled: false },
    });
  });

  afterEach(async () => {
    await emulator.close();
  });

  it('the SDK retries injected ThrottledException and InternalServiceException and succeeds', async () => {
    emulator.setFaults({ throttleShare: 0.3, internalErrorShare: 0.2 });
    const pages = await allPages(
      taggingClient(emulator.url, 'us-east-1', { maxAttempts: 5 }),
      {},
      25,
    );
    expect(new Set(arnsOf(pages)).size).toBe(253);
    const east = emulator.stats().calls.find(c => c.region === 'us-east-1')!;
    expect(east.throttled).toBeGreaterThan(0);
    expect(east.errors).toBeGreaterThan(0);
  });

  it('answers InternalServiceException with HTTP 500', async () => {
    emulator.setFaults({ internalErrorShare: 1 });
    const res = await rawTagging(emulator.url, 'GetResources', {});
    expect(res.status).toBe(500);
    expect(res.body.__type).toBe('InternalServiceException');
  });

  it('a failing region fails while the others answer', async () => {
    emulator.setFaults({ failingRegions: ['eu-west-1'] });
    expect(
      (
        await rawTagging(
          emulator.url,
          'GetResources',
          {},
          { region: 'eu-west-1' },
        )
      ).status,
    ).toBe(500);
    expect(
      (
        await rawTagging(
          emulator.url,
          'GetResources',
          {},
          { region: 'us-east-1' },
        )
      ).status,
    ).toBe(200);
    emulator.resetFaults();
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
  });

  it('adds latency', async () => {
    emulator.setFaults({ latencyMs: 150 });
    const start = Date.now();
    await rawTagging(emulator.url, 'GetResources', { ResourcesPerPage: 1 });
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
  });
});

describe('the control endpoint', () => {
  let emulator: EmulatorHandle;

  beforeEach(async () => {
    emulator = await startEmulator({ port: 0, inventory: testInventory() });
  });

  afterEach(async () => {
    await emulator.close();
  });

  it('sets, shows and clears faults', async () => {
    const set = await control(emulator.url, 'POST', 'faults', {
      internalErrorShare: 1,
      latencyMs: 5,
    });
    expect(set).toEqual({
      status: 200,
      body: expect.objectContaining({ internalErrorShare: 1, latencyMs: 5 }),
    });
    expect((await rawTagging(emulator.url, 'GetResources', {})).status).toBe(
      500,
    );
    expect(
      (await control(emulator.url, 'GET', 'faults')).body.internalErrorShare,
    ).toBe(1);
    await control(emulator.url, 'DELETE', 'faults');
    expect((await rawTagging(emulator.url, 'GetResources', {})).status).toBe(
      200,
    );
  });

  it('refuses a bad fault configuration with 400', async () => {
    const res = await control(emulator.url, 'POST', 'faults', {
      throttleShare: 'half',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/throttleShare/);
  });

  it('expires open pagination tokens through faults or its own route', async () => {
    const first = await rawTagging(emulator.url, 'GetResources', {
      ResourcesPerPage: 1,
    });
    await control(emulator.url, 'POST', 'faults', {
      expirePaginationTokens: true,
    });
    const next = await rawTagging(emulator.url, 'GetResources', {
      ResourcesPerPage: 1,
      PaginationToken: first.body.PaginationToken,
    });
    expect(next.body.__type).toBe('PaginationTokenExpiredException');
    const second = await rawTagging(emulator.url, 'GetResources', {
      ResourcesPerPage: 1,
    });
    await control(emulator.url, 'POST', 'pagination-tokens/expire');
    const again = await rawTagging(emulator.url, 'GetResources', {
      ResourcesPerPage: 1,
      PaginationToken: second.body.PaginationToken,
    });
    expect(again.body.__type).toBe('PaginationTokenExpiredException');
  });

  it('counts calls per account, region and operation, and resets them', async () => {
    await rawTagging(emulator.url, 'GetResources', {});
    await rawTagging(emulator.url, 'GetResources', {}, { region: 'eu-west-1' });
    await rawTagging(emulator.url, 'GetTagKeys', {}, { region: 'eu-west-1' });
    const stats = (await control(emulator.url, 'GET', 'stats')).body;
    expect(stats.totalCalls).toBe(3);
    expect(stats.calls).toEqual([
      {
        accountId: MAIN,
        region: 'eu-west-1',
        operation: 'GetResources',
        calls: 1,
        throttled: 0,
        errors: 0,
      },
      {
        accountId: MAIN,
        region: 'eu-west-1',
        operation: 'GetTagKeys',
        calls: 1,
        throttled: 0,
        errors: 0,
      },
      {
        accountId: MAIN,
        region: 'us-east-1',
        operation: 'GetResources',
        calls: 1,
        throttled: 0,
        errors: 0,
      },
    ]);
    expect(stats.resources).toBe(259);
    await control(emulator.url, 'POST', 'reset');
    expect((await control(emulator.url, 'GET', 'stats')).body.totalCalls).toBe(
      0,
    );
  });

  it('loads another inventory, and refuses an invalid one', async () => {
    const inventory = generateInventory({ seed: 7, resources: 30 });
    const res = await control(emulator.url, 'POST', 'inventory', inventory);
    expect(res).toEqual({ status: 200, body: { resources: 30 } });
    const bad = await control(emulator.url, 'POST', 'inventory', {
      version: 1,
      mainAccountId: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/mainAccountId/);
    expect(emulator.stats().resources).toBe(30);
  });

  it('loads an inventory file by path', async () => {
    const res = await control(emulator.url, 'POST', 'inventory', {
      path: join(EXAMPLE_ORG_FILES.org, '..', 'aws-inventory.json'),
    });
    expect(res).toEqual({ status: 200, body: { resources: 420 } });
    const missing = await control(emulator.url, 'POST', 'inventory', {
      path: '/nonexistent.json',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/nonexistent/);
  });

  it('reconfigures the quota', async () => {
    const res = await control(emulator.url, 'POST', 'quota', {
      getResourcesPerSecond: 1,
    });
    expect(res.body).toEqual({
      enabled: true,
      getResourcesPerSecond: 1,
      tagReadsPerSecond: 5,
      organizationsPerSecond: 5,
    });
    await rawTagging(emulator.url, 'GetResources', {});
    expect(
      (await rawTagging(emulator.url, 'GetResources', {})).body.__type,
    ).toBe('ThrottledException');
    expect(
      (await control(emulator.url, 'POST', 'quota', { enabled: 'maybe' }))
        .status,
    ).toBe(400);
  });

  it('answers health and 404 for unknown routes', async () => {
    expect((await control(emulator.url, 'GET', 'health')).body).toEqual({
      status: 'ok',
      resources: 259,
    });
    expect((await control(emulator.url, 'GET', 'nothing')).status).toBe(404);
  });
});
