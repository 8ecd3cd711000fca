import type {
  Inventory,
  InventoryOrganizationAccount,
} from '../inventory/types';
import { MAIN, MEMBER, testInventory } from './fixtures';

/** A delegated administrator of the test organization. */
export const DELEGATE = '444444444444';
/** In the inventory but not in the organization. */
export const OUTSIDER = '333333333333';

export const ORG_ID = 'o-testorg001';
export const ROOT = 'r-test';
export const WORKLOADS = 'ou-test-workload';
export const PRODUCTION = 'ou-test-producti';
export const STAGING = 'ou-test-stagingx';
export const SANDBOX = 'ou-test-sandboxx';
/** Two Sandbox accounts are suspended, one is closing. */
export const SUSPENDED = ['500000000003', '500000000004'];
export const CLOSING = '500000000002';

function member(
  accountId: string,
  name: string,
  parentId: string,
): InventoryOrganizationAccount {
  return {
    accountId,
    name,
    email: `aws+${name}@example.com`,
    parentId,
    joinedTimestamp: '2021-03-04T05:06:07Z',
  };
}

/**
 * The test estate with an organization of 45 accounts: the management account (MAIN) at the
 * root, a delegated administrator in Workloads, 25 accounts in Production, 12 in Staging and
 * MEMBER with 5 others in Sandbox (two suspended, one pending closure).
 */
export function orgInventory(): Inventory {
  const accounts: InventoryOrganizationAccount[] = [
    { ...member(MAIN, 'management', ROOT), joinedMethod: 'CREATED' },
    member(DELEGATE, 'audit', WORKLOADS),
    ...Array.from({ length: 25 }, (_, i) =>
      member(
        `6000000000${String(i).padStart(2, '0')}`,
        `prod-${i}`,
        PRODUCTION,
      ),
    ),
    ...Array.from({ length: 12 }, (_, i) =>
      member(`7000000000${String(i).padStart(2, '0')}`, `stage-${i}`, STAGING),
    ),
    { ...member(MEMBER, 'member', SANDBOX), joinedMethod: 'INVITED' },
    ...Array.from({ length: 5 }, (_, i) => {
      const id = `5000000000${String(i).padStart(2, '0')}`;
      return {
        ...member(id, `sandbox-${i}`, SANDBOX),
        ...(SUSPENDED.includes(id) ? { status: 'SUSPENDED' as const } : {}),
        ...(id === CLOSING ? { status: 'PENDING_CLOSURE' as const } : {}),
      };
    }),
  ];
  const base = testInventory();
  return {
    ...base,
    accounts: [...base.accounts, { accountId: DELEGATE, regions: [] }],
    organization: {
      id: ORG_ID,
      managementAccountId: MAIN,
      delegatedAdministrators: [DELEGATE],
      roots: [
        {
          id: ROOT,
          organizationalUnits: [
            {
              id: WORKLOADS,
              name: 'Workloads',
              organizationalUnits: [
                { id: PRODUCTION, name: 'Production' },
                { id: STAGING, name: 'Staging' },
              ],
            },
            { id: SANDBOX, name: 'Sandbox' },
          ],
        },
      ],
      accounts,
    },
  };
}
