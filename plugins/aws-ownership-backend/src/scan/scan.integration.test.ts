import {
  EmulatorHandle,
  generateDemoInventory,
  generateInventory,
  Inventory,
  startEmulator,
} from '@aws-ownership/aws-emulator';
import {
  buildResource,
  createOwnershipResolver,
  defaultChecklistConfig,
  evaluateResource,
} from '@aws-ownership/backstage-plugin-common';
import { TestDatabases } from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Check } from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipChecksExtensionPoint } from '@aws-ownership/backstage-plugin-node';
import { exampleEntities } from '../__testUtils__/exampleEntities';
import { expectedArns } from '../__testUtils__/expectedArns';
import { readAllResources } from '../__testUtils__/readAll';
import { demoAccounts, startScanBackend } from '../__testUtils__/scanBackend';
import { scanTaskId } from './scheduleScans';

jest.setTimeout(120_000);

const MAIN = '111122223333';
const MEMBER = '222233334444';

describe('scanning the emulator through the plugin', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let emulator: EmulatorHandle;
  let inventory: Inventory;
  const stsEndpoint = process.env.AWS_ENDPOINT_URL_STS;

  beforeAll(async () => {
    inventory = generateDemoInventory();
    emulator = await startEmulator({ port: 0, inventory });
    // integration-aws-node's own STS client assumes the member account's role
    process.env.AWS_ENDPOINT_URL_STS = emulator.url;
  });

  afterAll(async () => {
    await emulator.close();
    if (stsEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
    else process.env.AWS_ENDPOINT_URL_STS = stsEndpoint;
  });

  beforeEach(() => {
    emulator.reset();
    emulator.loadInventory(inventory);
  });

  async function start(awsOwnership?: Record<string, any>) {
    const knex = await databases.init('SQLITE_3');
    return startScanBackend({ emulatorUrl: emulator.url, knex, awsOwnership });
  }

  async function scanAll(scheduler: {
    triggerTask(id: string): Promise<void>;
  }) {
    await Promise.all(
      demoAccounts.map(a => scheduler.triggerTask(scanTaskId(a.accountId))),
    );
  }

  it('stores every resource of the demo inventory with its owner and rating', async () => {
    const { backend, scheduler, store } = await start();
    await scanAll(scheduler);

    const stored = await readAllResources(store);
    const arns = stored.map(r => r.resource.arn).sort();
    expect(arns).toEqual(expectedArns(inventory, demoAccounts));
    expect(new Set(arns).size).toBe(arns.length);

    // Both accounts were reached: the member one through AssumeRole.
    for (const accountId of [MAIN, MEMBER]) {
      expect(await store.countResources({ accountIds: [accountId] })).toBe(
        expectedArns(
          inventory,
          demoAccounts.filter(a => a.accountId === accountId),
        ).length,
      );
    }

    // Owners and ratings are what the common package decides for the same
    // tags against the same catalog.
    const resolver = createOwnershipResolver(exampleEntities(), {
      ...defaultChecklistConfig.ownership,
      escalationAnnotations:
        defaultChecklistConfig.responsibility.escalationAnnotations,
    });
    const byArn = new Map(inventory.resources.map(r => [r.arn, r]));
    for (const rated of stored) {
      const source = byArn.get(rated.resource.arn)!;
      expect(rated.resource.tags).toEqual(source.tags);
      const ownership = resolver.resolve(source.tags);
      expect(rated.ownership).toEqual(ownership);
      const expected = evaluateResource(
        buildResource({
          arn: source.arn,
          tags: source.tags,
          sourceRegion: rated.resource.sourceRegion,
        }),
        ownership,
      );
      expect(rated.rating.score).toBe(expected.score);
      expect(rated.rating.results.map(r => [r.checkId, r.status])).toEqual(
        expected.results.map(r => [r.checkId, r.status]),
      );
    }

    // The estate has owned, aliased, dangling and missing owners.
    const owners = new Set(stored.map(r => r.ownership.ownerRef));
    expect(owners).toContain('group:default/payments');
    expect(owners).toContain(undefined);

    // Both scans succeeded and team scores were computed, unowned included.
    const scans = await store.listScans();
    expect(scans.map(s => s.status)).toEqual(['succeeded', 'succeeded']);
    const { scorecards } = await store.getLatestTeamScores();
    expect(scorecards.map(s => s.teamRef)).toEqual(
      expect.arrayContaining(['unowned', 'group:default/payments']),
    );
    const payments = stored.filter(
      r => r.ownership.ownerRef === 'group:default/payments',
    );
    expect(
      scorecards.find(s => s.teamRef === 'group:default/payments')
        ?.resourceCount,
    ).toBe(payments.length);
    await backend.stop();
  });

  it('rates with the checks a backend module adds through the extension point', async () => {
    const costCenterKnown: Check = {
      id: 'custom.cost-center-known',
      checklist: 'tagging',
      title: 'Cost center is known',
      description: 'The cost-center tag names a cost center finance knows.',
      severity: 'high',
      appliesTo: 'Resources with a cost-center tag',
      remediation: 'Use a cost center from the finance list.',
      evaluate: ({ resource }) => {
        const value = resource.tags['cost-center'];
        if (value === undefined)
          return { status: 'not-applicable', message: 'No cost-center tag' };
        return value === 'cc-1020'
          ? { status: 'pass', message: 'cc-1020 is known' }
          : { status: 'fail', message: `${value} is not a known cost center` };
      },
    };
    const checksModule = createBackendModule({
      pluginId: 'aws-ownership',
      moduleId: 'test-checks',
      register(env) {
        env.registerInit({
          deps: { checks: awsOwnershipChecksExtensionPoint },
          async init({ checks }) {
            checks.addChecks(costCenterKnown);
          },
        });
      },
    });
    const knex = await databases.init('SQLITE_3');
    const { backend, scheduler, store } = await startScanBackend({
      emulatorUrl: emulator.url,
      knex,
      awsOwnership: { accounts: [demoAccounts[0]] },
      features: [checksModule],
    });
    await scheduler.triggerTask(scanTaskId(MAIN));

    const stored = await readAllResources(store);
    const statusOf = (r: (typeof stored)[number]) =>
      r.rating.results.find(x => x.checkId === costCenterKnown.id)?.status;
    const known = stored.filter(
      r => r.resource.tags['cost-center'] === 'cc-1020',
    );
    const other = stored.filter(
      r =>
        r.resource.tags['cost-center'] &&
        r.resource.tags['cost-center'] !== 'cc-1020',
    );
    expect(known.length).toBeGreaterThan(0);
    expect(other.length).toBeGreaterThan(0);
    expect(known.every(r => statusOf(r) === 'pass')).toBe(true);
    expect(other.every(r => statusOf(r) === 'fail')).toBe(true);
    // A failing custom check weighs on the score like a built-in one.
    const failing = await store.listResources({
      filter: { checkId: costCenterKnown.id },
      limit: 500,
    });
    expect(failing.totalCount).toBe(other.length);
    await backend.stop();
  });

  it('loses and duplicates nothing when 30% of calls are throttled', async () => {
    emulator.setFaults({ throttleShare: 0.3 });
    const { backend, scheduler, store } = await start();
    await scanAll(scheduler);

    const arns = (await readAllResources(store)).map(r => r.resource.arn);
    expect(arns.sort()).toEqual(expectedArns(inventory, demoAccounts));
    expect(new Set(arns).size).toBe(arns.length);
    const throttled = emulator
      .stats()
      .calls.reduce((sum, c) => sum + c.throttled, 0);
    expect(throttled).toBeGreaterThan(0);
    expect((await store.listScans()).every(s => s.status === 'succeeded')).toBe(
      true,
    );
    await backend.stop();
  });

  it('keeps a failing region’s previous resources, marked stale, and updates the others', async () => {
    const { backend, scheduler, store, requestScan } = await start({
      collector: { maxAttempts: 2 },
    });
    await scheduler.triggerTask(scanTaskId(MAIN));
    const before = await readAllResources(store);

    // Retag one resource in each of two regions, then fail one region.
    const inEast = before.find(
      r =>
        r.resource.sourceRegion === 'us-east-1' &&
        r.resource.accountId === MAIN,
    )!;
    const inWest = before.find(
      r =>
        r.resource.sourceRegion === 'eu-west-1' &&
        r.resource.accountId === MAIN,
    )!;
    const changed: Inventory = {
      ...inventory,
      resources: inventory.resources.map(r =>
        r.arn === inEast.resource.arn || r.arn === inWest.resource.arn
          ? { ...r, tags: { ...r.tags, owner: 'search' } }
          : r,
      ),
    };
    emulator.loadInventory(changed);
    emulator.setFaults({ failingRegions: ['eu-west-1'] });
    await requestScan(MAIN, demoAccounts[0].regions);

    const [latest] = await store.listScans({ accountId: MAIN, limit: 1 });
    expect(latest.status).toBe('partial');
    expect(latest.regions.find(r => r.region === 'eu-west-1')).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('InternalServiceException'),
    });

    const east = await store.getResource(inEast.resource.arn);
    expect(east?.ownership.ownerRef).toBe('group:default/search');
    expect(east?.stale).toBe(false);

    const west = await store.getResource(inWest.resource.arn);
    expect(west?.ownership.ownerRef).toBe(inWest.ownership.ownerRef);
    expect(west?.stale).toBe(true);
    expect(west?.lastSeenAt).toBe(inWest.lastSeenAt);

    const after = await readAllResources(store);
    expect(after.length).toBe(before.length);
    expect(
      after
        .filter(r => r.resource.sourceRegion === 'eu-west-1')
        .every(r => r.stale),
    ).toBe(true);
    await backend.stop();
  });

  it('serves the previous scan while a scan is aborted half way, and completes the next one', async () => {
    const big = generateInventory({ seed: 7, resources: 3000 });
    emulator.loadInventory(big);
    const { backend, scheduler, store, requestScan } = await start({
      accounts: [
        {
          accountId: MAIN,
          regions: ['us-east-1', 'eu-west-1', 'eu-central-1'],
        },
      ],
    });
    const accounts = [
      { accountId: MAIN, regions: ['us-east-1', 'eu-west-1', 'eu-central-1'] },
    ];
    await scheduler.triggerTask(scanTaskId(MAIN));
    const first = (await readAllResources(store))
      .map(r => r.resource.arn)
      .sort();
    expect(first).toEqual(expectedArns(big, accounts));

    // Slow the next scan down, then cancel it once it has written something.
    emulator.setFaults({ latencyMs: 150 });
    const running = requestScan(MAIN, accounts[0].regions);
    await waitFor(async () => {
      const [scan] = await store.listScans({ accountId: MAIN, limit: 1 });
      return scan.status === 'running' && scan.progress.resourcesRated > 0;
    });
    await scheduler.cancelTask(scanTaskId(MAIN));
    await running;

    const [cancelled] = await store.listScans({ accountId: MAIN, limit: 1 });
    expect(cancelled.status).toBe('cancelled');
    expect(
      (await readAllResources(store)).map(r => r.resource.arn).sort(),
    ).toEqual(first);

    // A scan left running by a killed process is discarded by the next one.
    const orphan = await store.createScan({
      accountId: MAIN,
      regions: ['us-east-1'],
      trigger: 'schedule',
    });
    expect((await readAllResources(store)).length).toBe(first.length);

    emulator.resetFaults();
    await scheduler.triggerTask(scanTaskId(MAIN));
    expect((await store.getScan(orphan.id))?.status).toBe('cancelled');
    const [latest] = await store.listScans({ accountId: MAIN, limit: 1 });
    expect(latest.status).toBe('succeeded');
    expect(
      (await readAllResources(store)).map(r => r.resource.arn).sort(),
    ).toEqual(first);
    await backend.stop();
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise(r => setTimeout(r, 25));
  }
  throw new Error('condition not met in time');
}
