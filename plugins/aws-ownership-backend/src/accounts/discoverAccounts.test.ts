import {
  EmulatorHandle,
  generateInventory,
  Inventory,
  InventoryOrganizationalUnit,
  startEmulator,
} from '@aws-ownership/aws-emulator';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { discoverAccounts } from './discoverAccounts';

jest.setTimeout(60_000);

describe('discoverAccounts against the emulated AWS Organizations', () => {
  let emulator: EmulatorHandle;
  let inventory: Inventory;
  let client: OrganizationsClient;

  beforeAll(async () => {
    // 45 accounts: more than two pages of 20, and some suspended
    inventory = generateInventory({
      seed: 15,
      resources: 45,
      orgAccounts: 45,
      regions: ['us-east-1'],
    });
    emulator = await startEmulator({ port: 0, inventory });
    client = new OrganizationsClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 10,
    });
  });

  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  const org = () => inventory.organization!;
  const active = () =>
    org()
      .accounts.filter(a => (a.status ?? 'ACTIVE') === 'ACTIVE')
      .map(a => a.accountId)
      .sort();
  const unit = (name: string) => {
    const find = (
      units: InventoryOrganizationalUnit[] = [],
    ): InventoryOrganizationalUnit | undefined =>
      units.find(u => u.name === name) ??
      units.map(u => find(u.organizationalUnits)).find(Boolean);
    return find(org().roots.flatMap(r => r.organizationalUnits ?? []))!;
  };
  const unitIds = (u: InventoryOrganizationalUnit): string[] => [
    u.id,
    ...(u.organizationalUnits ?? []).flatMap(unitIds),
  ];

  it('lists every active account and skips the suspended ones', async () => {
    const suspended = org().accounts.filter(
      a => (a.status ?? 'ACTIVE') !== 'ACTIVE',
    );
    expect(suspended.length).toBeGreaterThan(0);
    const found = (await discoverAccounts({ client })).map(a => a.accountId);
    expect(found).toEqual(active());
    for (const account of suspended) {
      expect(found).not.toContain(account.accountId);
    }
  });

  it('keeps the accounts of the named OUs, nested OUs included', async () => {
    const workloads = unit('Workloads');
    const sandbox = unit('Sandbox');
    const parents = [...unitIds(workloads), sandbox.id];
    const expected = org()
      .accounts.filter(
        a =>
          parents.includes(a.parentId) && (a.status ?? 'ACTIVE') === 'ACTIVE',
      )
      .map(a => a.accountId)
      .sort();
    expect(workloads.organizationalUnits?.length).toBeGreaterThan(0);
    expect(expected.length).toBeGreaterThan(0);

    // by name and by id alike
    const found = await discoverAccounts({
      client,
      includeOrganizationalUnits: ['Workloads', sandbox.id],
    });
    expect(found.map(a => a.accountId)).toEqual(expected);
    expect(found.length).toBeLessThan(active().length);
  });

  it('leaves out the excluded accounts', async () => {
    const [first, second, ...rest] = active();
    const found = await discoverAccounts({
      client,
      excludeAccounts: [first, second],
    });
    expect(found.map(a => a.accountId)).toEqual(rest);
  });
});
