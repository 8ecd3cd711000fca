import { DEMO_MAIN_ACCOUNT_ID, DEMO_ROLE_NAME } from '../constants';
import { Rng } from './rng';
import type {
  InventoryAccount,
  InventoryOrganization,
  InventoryOrganizationAccount,
  InventoryOrganizationalUnit,
} from './types';

/** Options of {@link generateOrganization}. */
export interface GenerateOrganizationOptions {
  seed: number;
  /** How many accounts, the management account included (at least 1). */
  accounts: number;
  regions: readonly string[];
  /** Default {@link DEMO_MAIN_ACCOUNT_ID}, so that any credentials reach it. */
  managementAccountId?: string;
}

/** A generated organization and the inventory accounts behind it. */
export interface GeneratedOrganization {
  organization: InventoryOrganization;
  /** The management account first (reached with any credentials), then the members (AssumeRole of `ownership-reader`). */
  accounts: InventoryAccount[];
}

interface UnitSpec {
  name: string;
  /** Share of member accounts placed directly in this OU. */
  weight: number;
  /** Chance that an account here is suspended. */
  suspended: number;
  children?: UnitSpec[];
}

/** A landing-zone layout: most accounts in the workload OUs, a few directly in `Workloads`. */
const LAYOUT: UnitSpec[] = [
  { name: 'Security', weight: 6, suspended: 0 },
  { name: 'Infrastructure', weight: 8, suspended: 0.02 },
  {
    name: 'Workloads',
    weight: 4,
    suspended: 0.05,
    children: [
      { name: 'Production', weight: 34, suspended: 0.02 },
      { name: 'Staging', weight: 16, suspended: 0.04 },
      { name: 'Development', weight: 20, suspended: 0.06 },
    ],
  },
  { name: 'Sandbox', weight: 12, suspended: 0.2 },
];

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const FIRST_JOINED = Date.parse('2018-06-01T00:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

interface Placement {
  spec: UnitSpec;
  unit: InventoryOrganizationalUnit;
  count: number;
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * A seeded AWS Organization of `accounts` accounts: the management account at the root, the
 * others spread over nested OUs, some suspended. Its own random stream, so that adding an
 * organization leaves the resources of the same seed unchanged.
 */
export function generateOrganization(
  options: GenerateOrganizationOptions,
): GeneratedOrganization {
  const rng = new Rng(options.seed ^ 0x5eed0c0);
  const rootSuffix = rng.chars(4, ID_CHARS);
  const rootId = `r-${rootSuffix}`;
  const placements: Placement[] = [];
  const buildUnits = (specs: UnitSpec[]): InventoryOrganizationalUnit[] =>
    specs.map(spec => {
      const unit: InventoryOrganizationalUnit = {
        id: `ou-${rootSuffix}-${rng.chars(8, ID_CHARS)}`,
        name: spec.name,
      };
      placements.push({ spec, unit, count: 0 });
      if (spec.children) unit.organizationalUnits = buildUnits(spec.children);
      return unit;
    });
  const organizationalUnits = buildUnits(LAYOUT);
  const managementAccountId =
    options.managementAccountId ?? DEMO_MAIN_ACCOUNT_ID;
  const orgAccounts: InventoryOrganizationAccount[] = [
    {
      accountId: managementAccountId,
      name: 'acme-management',
      email: 'aws+management@acme.example',
      parentId: rootId,
      status: 'ACTIVE',
      joinedMethod: 'CREATED',
      joinedTimestamp: isoSeconds(FIRST_JOINED),
    },
  ];
  const used = new Set([managementAccountId]);
  for (let i = 1; i < options.accounts; i++) {
    let accountId: string;
    do {
      accountId = String(rng.int(100_000_000_000, 999_999_999_999));
    } while (used.has(accountId));
    used.add(accountId);
    const place = rng.weighted(placements, p => p.spec.weight);
    place.count++;
    const name = `${place.spec.name.toLowerCase()}-${String(
      place.count,
    ).padStart(3, '0')}`;
    orgAccounts.push({
      accountId,
      name,
      email: `aws+${name}@acme.example`,
      parentId: place.unit.id,
      status: rng.chance(place.spec.suspended) ? 'SUSPENDED' : 'ACTIVE',
      joinedMethod: rng.chance(0.15) ? 'INVITED' : 'CREATED',
      joinedTimestamp: isoSeconds(FIRST_JOINED + rng.int(30, 2000) * DAY_MS),
    });
  }
  return {
    organization: {
      id: `o-${rng.chars(10, ID_CHARS)}`,
      managementAccountId,
      roots: [{ id: rootId, name: 'Root', organizationalUnits }],
      accounts: orgAccounts,
    },
    accounts: orgAccounts.map((a, i) => ({
      accountId: a.accountId,
      alias: a.name,
      regions: [...options.regions],
      ...(i > 0 ? { roles: [{ name: DEMO_ROLE_NAME }] } : {}),
    })),
  };
}
