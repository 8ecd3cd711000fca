import { DEMO_MAIN_ACCOUNT_ID } from '../constants';
import { EmulatorHandle, startEmulator } from '../server';
import { rawOrganizations } from '../__testUtils__/rawOrganizations';
import { parseArnParts } from './arn';
import { generateDemoInventory } from './demo';
import { generateInventory } from './generate';
import { InventoryError, parseInventory } from './load';
import type { Inventory, InventoryOrganizationalUnit } from './types';
import { serializeInventory } from './write';

function ownerOf(
  resource: Inventory['resources'][number],
  mainAccountId: string,
) {
  return (
    parseArnParts(resource.arn)!.accountId ||
    resource.accountId ||
    mainAccountId
  );
}

function unitIds(units: InventoryOrganizationalUnit[] = []): string[] {
  return units.flatMap(u => [u.id, ...unitIds(u.organizationalUnits)]);
}

describe('generateInventory with an organization', () => {
  const options = { seed: 5, resources: 40 * 6, orgAccounts: 40 };

  it('is deterministic for a seed and differs across seeds', () => {
    const a = serializeInventory(generateInventory(options));
    expect(serializeInventory(generateInventory(options))).toBe(a);
    const other = generateInventory({ ...options, seed: 6 });
    expect(serializeInventory(other)).not.toBe(a);
    expect(other.organization!.id).not.toBe(
      generateInventory(options).organization!.id,
    );
  });

  it('makes N accounts in nested OUs, the management account at the root, that the loader accepts', () => {
    const inventory = generateInventory(options);
    expect(() => parseInventory(inventory)).not.toThrow();
    const org = inventory.organization!;
    expect(org.accounts).toHaveLength(40);
    expect(inventory.accounts.map(a => a.accountId)).toEqual(
      org.accounts.map(a => a.accountId),
    );
    expect(org.managementAccountId).toBe(DEMO_MAIN_ACCOUNT_ID);
    expect(inventory.mainAccountId).toBe(DEMO_MAIN_ACCOUNT_ID);
    expect(org.accounts[0]).toMatchObject({
      accountId: DEMO_MAIN_ACCOUNT_ID,
      parentId: org.roots[0].id,
    });
    const workloads = org.roots[0].organizationalUnits!.find(
      u => u.name === 'Workloads',
    )!;
    expect(workloads.organizationalUnits!.map(u => u.name)).toEqual([
      'Production',
      'Staging',
      'Development',
    ]);
    const ous = unitIds(org.roots[0].organizationalUnits);
    expect(org.accounts.slice(1).every(a => ous.includes(a.parentId))).toBe(
      true,
    );
    expect(inventory.accounts.slice(1).every(a => a.roles?.length)).toBe(true);
    expect(inventory.generator).toEqual({
      seed: 5,
      resources: 240,
      orgAccounts: 40,
    });
  });

  it('gives every account exactly M resources', () => {
    const inventory = generateInventory(options);
    const counts = new Map<string, number>();
    for (const resource of inventory.resources) {
      const owner = ownerOf(resource, inventory.mainAccountId);
      counts.set(owner, (counts.get(owner) ?? 0) + 1);
    }
    expect(counts.size).toBe(40);
    expect([...counts.values()].every(n => n === 6)).toBe(true);
  });

  it('suspends a few accounts of a large organization, never the management account', () => {
    const org = generateInventory({
      seed: 1,
      resources: 0,
      orgAccounts: 200,
    }).organization!;
    const suspended = org.accounts.filter(a => a.status === 'SUSPENDED');
    expect(suspended.length).toBeGreaterThan(2);
    expect(suspended.length).toBeLessThan(30);
    expect(org.accounts[0].status).toBe('ACTIVE');
    expect(new Set(org.accounts.map(a => a.accountId)).size).toBe(200);
  });

  it('leaves the default demo inventory without an organization', () => {
    expect(generateDemoInventory().organization).toBeUndefined();
    expect(
      'organization' in generateInventory({ seed: 5, resources: 10 }),
    ).toBe(false);
  });

  it('is served: ListAccounts from the management account finds every account', async () => {
    const emulator: EmulatorHandle = await startEmulator({
      port: 0,
      inventory: generateInventory(options),
      quota: { enabled: false },
    });
    try {
      const found: string[] = [];
      let NextToken: string | undefined;
      do {
        const res = await rawOrganizations(emulator.url, 'ListAccounts', {
          NextToken,
        });
        found.push(...res.body.Accounts.map((a: { Id: string }) => a.Id));
        NextToken = res.body.NextToken;
      } while (NextToken);
      expect(found).toHaveLength(40);
    } finally {
      await emulator.close();
    }
  });
});

describe('the inventory organization block', () => {
  function withOrganization(change: (org: any) => void): unknown {
    const inventory = JSON.parse(
      JSON.stringify(
        generateInventory({ seed: 2, resources: 0, orgAccounts: 4 }),
      ),
    );
    change(inventory.organization);
    return inventory;
  }

  it.each([
    [(o: any) => (o.id = 'org-1'), /organization\.id/],
    [(o: any) => (o.roots = []), /organization\.roots must be a non-empty/],
    [
      (o: any) => (o.roots[0].organizationalUnits[0].id = 'ou-x'),
      /organization\.roots\[0\]\.organizationalUnits\[0\]\.id/,
    ],
    [
      (o: any) => (o.accounts[1].parentId = 'ou-abcd-missing1'),
      /organization\.accounts\[1\]\.parentId names no root or OU/,
    ],
    [
      (o: any) => (o.accounts[2].status = 'CLOSED'),
      /organization\.accounts\[2\]\.status must be one of ACTIVE, SUSPENDED, PENDING_CLOSURE/,
    ],
    [
      (o: any) => (o.accounts[3].accountId = o.accounts[2].accountId),
      /organization\.accounts\[3\]\.accountId repeats/,
    ],
    [
      (o: any) => (o.managementAccountId = '999999999999'),
      /organization\.managementAccountId must be one of its accounts/,
    ],
    [
      (o: any) => (o.delegatedAdministrators = ['999999999999']),
      /organization\.delegatedAdministrators/,
    ],
  ])('names the first bad field (%#)', (change, message) => {
    const bad = withOrganization(change);
    expect(() => parseInventory(bad)).toThrow(InventoryError);
    expect(() => parseInventory(bad)).toThrow(message);
  });
});
