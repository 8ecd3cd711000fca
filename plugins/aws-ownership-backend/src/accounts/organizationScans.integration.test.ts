import {
  EmulatorHandle,
  generateInventory,
  Inventory,
  startEmulator,
} from '@aws-ownership/aws-emulator';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { HumanDuration } from '@backstage/types';
import type { Knex } from 'knex';
import request from 'supertest';
import { startScanBackend } from '../__testUtils__/scanBackend';
import { refreshTaskId, scanTaskId } from '../scan/scheduleScans';

jest.setTimeout(120_000);

const REGIONS = ['us-east-1'];

/** The inventory with one account taken out of (only) its organization. */
const withoutAccount = (
  inventory: Inventory,
  accountId: string,
): Inventory => ({
  ...inventory,
  organization: {
    ...inventory.organization!,
    accounts: inventory.organization!.accounts.filter(
      a => a.accountId !== accountId,
    ),
  },
});

/** Polls `check` until it holds, at most `ms`; fails with the last value. */
async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  ms = 30_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > until) {
      throw new Error(
        `Condition not met in ${ms} ms: ${JSON.stringify(value)}`,
      );
    }
    await new Promise(r => setTimeout(r, 250));
  }
}

describe('accounts discovered from AWS Organizations, scanned by the plugin', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let emulator: EmulatorHandle;
  let inventory: Inventory;
  let management: string;
  let members: string[];
  const stsEndpoint = process.env.AWS_ENDPOINT_URL_STS;

  beforeAll(async () => {
    inventory = generateInventory({
      seed: 1515,
      resources: 8 * 12,
      orgAccounts: 8,
      regions: REGIONS,
    });
    management = inventory.organization!.managementAccountId;
    members = inventory
      .organization!.accounts.filter(
        a => a.accountId !== management && (a.status ?? 'ACTIVE') === 'ACTIVE',
      )
      .map(a => a.accountId);
    emulator = await startEmulator({ port: 0, inventory });
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

  async function start(
    retention: HumanDuration = { days: 365 },
    existing?: Knex,
  ) {
    const knex = existing ?? (await databases.init('SQLITE_3'));
    const started = await startScanBackend({
      emulatorUrl: emulator.url,
      knex,
      aws: {
        mainAccount: { accessKeyId: 'test', secretAccessKey: 'test' },
        // the management account is the emulator's main one; members by role
        accounts: [
          { accountId: management, accessKeyId: 'test', secretAccessKey: 'x' },
        ],
        accountDefaults: { roleName: 'ownership-reader' },
      },
      awsOwnership: {
        accounts: [{ accountId: management, regions: REGIONS }],
        organization: { accountId: management, regions: REGIONS },
        history: { retention },
      },
    });
    const accounts = async () =>
      (await request(started.backend.server).get('/api/aws-ownership/accounts'))
        .body.items as Array<{ accountId: string; source: string }>;
    const scansOf = (accountId: string) =>
      started.store.listScans({ accountId });
    return { ...started, accounts, scansOf, knex };
  }

  it('combines the configured accounts with the active ones of the organization', async () => {
    const { accounts } = await start();
    const suspended = inventory
      .organization!.accounts.filter(a => (a.status ?? 'ACTIVE') !== 'ACTIVE')
      .map(a => a.accountId);
    const listed = await accounts();
    expect(listed.map(a => [a.accountId, a.source]).sort()).toEqual(
      [
        [management, 'config'],
        ...members.map(id => [id, 'organization']),
      ].sort(),
    );
    for (const id of suspended) {
      expect(listed.map(a => a.accountId)).not.toContain(id);
    }
  });

  it('scans an account that joins the organization between two cycles', async () => {
    const joiner = members[0];
    emulator.loadInventory(withoutAccount(inventory, joiner));
    const { scheduler, store, accounts, scansOf } = await start();
    expect((await accounts()).map(a => a.accountId)).not.toContain(joiner);
    await expect(scheduler.triggerTask(scanTaskId(joiner))).rejects.toThrow(
      /not found/,
    );

    emulator.loadInventory(inventory);
    await scheduler.triggerTask(refreshTaskId);
    expect(await accounts()).toContainEqual(
      expect.objectContaining({ accountId: joiner, source: 'organization' }),
    );
    await scheduler.triggerTask(scanTaskId(joiner));
    expect((await scansOf(joiner)).map(s => s.status)).toEqual(['succeeded']);
    expect(await store.countResources({ accountIds: [joiner] })).toBe(12);
  });

  it('stops scanning an account that leaves, keeps its data stale, then drops it', async () => {
    const leaver = members[1];
    const { scheduler, store, accounts, scansOf } = await start({ seconds: 4 });
    await scheduler.triggerTask(scanTaskId(leaver));
    expect((await scansOf(leaver)).map(s => s.status)).toEqual(['succeeded']);
    const regionsOf = async () =>
      (await store.listCurrentRegions()).filter(r => r.accountId === leaver);
    expect((await regionsOf()).map(r => r.stale)).toEqual([false]);

    emulator.loadInventory(withoutAccount(inventory, leaver));
    await scheduler.triggerTask(refreshTaskId);
    expect((await accounts()).map(a => a.accountId)).not.toContain(leaver);
    // kept, and served as stale, within the retention
    expect((await regionsOf()).map(r => r.stale)).toEqual([true]);
    expect(await store.countResources({ accountIds: [leaver] })).toBe(12);

    // its task, should it still run somewhere, no longer scans
    await scheduler.triggerTask(scanTaskId(leaver));
    expect(await scansOf(leaver)).toHaveLength(1);

    // dropped on the first refresh after the retention
    await eventually(
      async () => {
        await scheduler.triggerTask(refreshTaskId);
        return regionsOf();
      },
      regions => regions.length === 0,
    );
    expect(await store.countResources({ accountIds: [leaver] })).toBe(0);
  });

  it('retires nothing when the organization cannot be read', async () => {
    const member = members[2];
    const first = await start({ seconds: 1 });
    await first.scheduler.triggerTask(scanTaskId(member));
    expect((await first.scansOf(member)).map(s => s.status)).toEqual([
      'succeeded',
    ]);
    await first.backend.stop();

    // a restart while Organizations answers AWSOrganizationsNotInUseException
    emulator.loadInventory({ ...inventory, organization: undefined });
    const { scheduler, store, accounts } = await start(
      { seconds: 1 },
      first.knex,
    );
    expect((await accounts()).map(a => a.accountId)).toEqual([management]);
    await scheduler.triggerTask(refreshTaskId);
    expect(
      (await store.listCurrentRegions()).filter(r => r.accountId === member),
    ).toEqual([expect.objectContaining({ stale: false })]);
    expect(await store.countResources({ accountIds: [member] })).toBe(12);
  });
});
