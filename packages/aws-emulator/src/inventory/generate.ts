import {
  DEMO_MAIN_ACCOUNT_ID,
  DEMO_MEMBER_ACCOUNT_ID,
  DEMO_REGIONS,
  DEMO_ROLE_NAME,
} from '../constants';
import { generateOrganization } from './generateOrganization';
import {
  CONFIG_RESOURCE_TYPES,
  generateConfigItem,
  REDSHIFT_CLUSTER,
} from './configItems';
import { loadOrgModel, OrgComponent, OrgModel, OrgTeam } from './org';
import { RESOURCE_TYPES, ResourceTypeSpec } from './resourceTypes';
import { Rng } from './rng';
import { buildTags, Ownership } from './tagging';
import type {
  Inventory,
  InventoryAccount,
  InventoryOrganization,
  InventoryResource,
  TagPolicy,
} from './types';

/** Options of {@link generateInventory}. */
export interface GenerateOptions {
  /** The same seed (and options) always gives the same inventory. */
  seed: number;
  /** How many resources. */
  resources: number;
  /** Default: the two demo accounts, the second reached through AssumeRole of `ownership-reader`. */
  accounts?: InventoryAccount[];
  /** Default: the first account. */
  mainAccountId?: string;
  /** Regions for every account (default: each account's own, or the demo regions). */
  regions?: string[];
  /** Teams and components to own resources (default: examples/org.yaml and examples/components.yaml). */
  org?: OrgModel;
  /** The tag policy compliance is evaluated against; false for none. Default {@link DEFAULT_TAG_POLICY}. */
  tagPolicy?: TagPolicy | false;
  /**
   * An AWS Organization of this many accounts in OUs, which replace `accounts` (the first, the
   * management account, is `mainAccountId` or the demo main account). The resources are then spread
   * evenly over the accounts in order: `resources` = accounts × M gives each exactly M.
   */
  orgAccounts?: number;
  /**
   * Resources nobody ever tagged (AWS Config records them, the Tagging API never lists them), as a share
   * of `resources`, added after them. Default 0; the demo estate has {@link NEVER_TAGGED_SHARE}.
   */
  neverTaggedShare?: number;
}

/** The tag policy generated inventories carry: the checklists' required keys and allowed values. */
export const DEFAULT_TAG_POLICY: TagPolicy = {
  tags: {
    owner: { requiredFor: ['*'] },
    environment: {
      values: ['prod', 'staging', 'dev', 'test'],
      requiredFor: ['ec2:instance', 'rds', 's3', 'lambda', 'dynamodb'],
    },
    'cost-center': { values: ['cc-*'] },
    'data-classification': {
      values: ['public', 'internal', 'confidential', 'restricted'],
    },
  },
};

/** The demo estate's accounts. */
export function demoAccounts(
  regions: readonly string[] = DEMO_REGIONS,
): InventoryAccount[] {
  return [
    {
      accountId: DEMO_MAIN_ACCOUNT_ID,
      alias: 'acme-production',
      regions: [...regions],
    },
    {
      accountId: DEMO_MEMBER_ACCOUNT_ID,
      alias: 'acme-workloads',
      regions: [...regions],
      roles: [{ name: DEMO_ROLE_NAME }],
      configRecorderOff: regions.slice(-1),
    },
  ];
}

/** The name of the AWS Config aggregator generated inventories hold, in the main account's first region. */
export const CONFIG_AGGREGATOR_NAME = 'org-aggregator';

/** About one resource in ten is never tagged: one for every nine tagged. */
export const NEVER_TAGGED_SHARE = 1 / 9;

/** Config draws from its own seeded stream, so the tagged estate stays exactly what it was. */
const CONFIG_SEED_SALT = 0x5eedc0f1;

const NEVER_TAGGED_TYPES: readonly ResourceTypeSpec[] = [
  ...RESOURCE_TYPES.filter(t => CONFIG_RESOURCE_TYPES[t.type]),
  REDSHIFT_CLUSTER,
];

/** Tagging discipline of the example teams: some excellent, some poor. */
const TEAM_QUALITY: Record<string, number> = {
  payments: 0.96,
  security: 0.93,
  sre: 0.9,
  platform: 0.8,
  checkout: 0.75,
  search: 0.6,
  'data-platform': 0.5,
  networking: 0.35,
  mobile: 0.2,
};

/** Teams own most resources; departments and the organisation a few. */
const TEAM_TYPE_WEIGHT: Record<string, number> = {
  team: 10,
  department: 1,
  organization: 0.5,
};

const ENVIRONMENTS = [
  ['prod', 45],
  ['staging', 20],
  ['dev', 25],
  ['test', 10],
] as const;

/** Above this many resources, names get a unique suffix instead of ARNs being checked against a set. */
const TRACKED_ARNS_LIMIT = 50_000;

function qualityOf(team: OrgTeam): number {
  if (team.name in TEAM_QUALITY) return TEAM_QUALITY[team.name];
  let hash = 0;
  for (const ch of team.name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return 0.3 + (hash % 61) / 100;
}

interface OwnerSlot {
  ownership: Ownership;
  weight: number;
  quality: number;
  components: OrgComponent[];
}

interface Plan {
  accounts: InventoryAccount[];
  organization?: InventoryOrganization;
  mainAccountId: string;
  slots: OwnerSlot[];
  allComponents: OrgComponent[];
}

function makePlan(options: GenerateOptions): Plan {
  const generated = options.orgAccounts
    ? generateOrganization({
        seed: options.seed,
        accounts: options.orgAccounts,
        regions: options.regions ?? DEMO_REGIONS,
        managementAccountId: options.mainAccountId,
      })
    : undefined;
  const accounts = (
    generated?.accounts ??
    options.accounts ??
    demoAccounts()
  ).map(a => ({
    ...a,
    regions: [
      ...(options.regions ?? (a.regions.length ? a.regions : DEMO_REGIONS)),
    ],
  }));
  const org = options.org ?? loadOrgModel();
  const components = org.components.filter(c => c.kind === 'Component');
  const teamSlots: OwnerSlot[] = org.teams.map((team, index) => ({
    ownership: { kind: 'team', team, costCenter: `cc-${1000 + index * 10}` },
    weight: TEAM_TYPE_WEIGHT[team.type] ?? 5,
    quality: qualityOf(team),
    components: components.filter(c => c.owner === team.name),
  }));
  const total = teamSlots.reduce((sum, s) => sum + s.weight, 0) || 1;
  return {
    accounts,
    organization: generated?.organization,
    mainAccountId: options.mainAccountId ?? accounts[0].accountId,
    allComponents: components,
    slots: [
      ...teamSlots,
      {
        ownership: { kind: 'none' },
        weight: total * 0.06,
        quality: 0.3,
        components: [],
      },
      {
        ownership: { kind: 'dangling' },
        weight: total * 0.04,
        quality: 0.45,
        components: [],
      },
    ],
  };
}

function placeholderName(rng: Rng, spec: ResourceTypeSpec): string {
  if (spec.generatedId) {
    return rng.pick([
      `launch-wizard-${rng.int(1, 40)}`,
      'MyInstance',
      'test',
      'tmp-box',
      'Web Server',
      'default',
    ]);
  }
  return rng.pick([
    'test',
    'tmp-data',
    'new-resource',
    'copy-of-prod',
    'untitled',
    'my-stuff',
  ]);
}

function mismatchedEnv(rng: Rng, environment: string): string {
  return rng.pick(ENVIRONMENTS.map(e => e[0]).filter(e => e !== environment));
}

/** Yields a seeded estate one resource at a time (constant memory for any size above the name-tracking limit). */
export function* generateResources(
  options: GenerateOptions,
): Generator<InventoryResource> {
  const rng = new Rng(options.seed);
  const configRng = new Rng((options.seed ^ CONFIG_SEED_SALT) >>> 0);
  const plan = makePlan(options);
  const trackArns = options.resources <= TRACKED_ARNS_LIMIT;
  const usedArns = new Set<string>();
  for (let i = 0; i < options.resources; i++) {
    const account = plan.organization
      ? plan.accounts[
          Math.floor((i * plan.accounts.length) / options.resources)
        ]
      : rng.weighted(plan.accounts, a =>
          a.accountId === plan.mainAccountId ? 3 : 2,
        );
    const region = rng.weighted(account.regions, r =>
      Math.max(1, 3 - account.regions.indexOf(r)),
    );
    const slot = rng.weighted(plan.slots, s => s.weight);
    const pool = slot.components.length ? slot.components : plan.allComponents;
    const component =
      pool.length && rng.chance(slot.components.length ? 0.75 : 0.3)
        ? rng.pick(pool)
        : undefined;
    const spec = rng.weighted(RESOURCE_TYPES, t => t.weight);
    const environment = rng.weighted(ENVIRONMENTS, e => e[1])[0];
    const base =
      component?.name ??
      (slot.ownership.kind === 'team'
        ? slot.ownership.team.name
        : rng.pick(['legacy', 'shared', 'misc']));
    const nameEnv = rng.chance((1 - slot.quality) * 0.1)
      ? mismatchedEnv(rng, environment)
      : environment;
    const badName = rng.chance((1 - slot.quality) * 0.25);
    const chosen =
      badName && !spec.generatedId
        ? placeholderName(rng, spec)
        : `${base}-${rng.pick(spec.purposes)}-${nameEnv}`;
    let name = trackArns ? chosen : `${chosen}-${i.toString(36)}`;
    const arnOf = () =>
      spec.arn({
        partition: 'aws',
        region,
        accountId: account.accountId,
        name,
        rng,
      });
    let built = arnOf();
    if (trackArns) {
      for (let n = 2; usedArns.has(built.arn); n++) {
        name = `${chosen}-${n}`;
        built = arnOf();
      }
      usedArns.add(built.arn);
    }
    const displayName =
      badName && spec.generatedId ? placeholderName(rng, spec) : name;
    const { arn, region: homeRegion, accountId } = built;
    const tags = rng.chance(0.01)
      ? {}
      : buildTags({
          rng,
          ownership: slot.ownership,
          quality: slot.quality,
          spec,
          component,
          environment,
          displayName,
          base,
        });
    const config = generateConfigItem(spec.type, {
      arn,
      name,
      region,
      accountId: account.accountId,
      quality: slot.quality,
      rng: configRng,
    });
    yield {
      arn,
      ...(homeRegion ? { region: homeRegion } : {}),
      ...(accountId ? { accountId } : {}),
      tags,
      ...(config ? { config } : {}),
    };
  }
  const neverTagged = Math.round(
    options.resources * (options.neverTaggedShare ?? 0),
  );
  for (let i = 0; i < neverTagged; i++) {
    const account = configRng.weighted(plan.accounts, a =>
      a.accountId === plan.mainAccountId ? 3 : 2,
    );
    const region = configRng.pick(account.regions);
    const spec = configRng.weighted(NEVER_TAGGED_TYPES, t => t.weight);
    const chosen = `${configRng.pick([
      'legacy',
      'poc',
      'old',
      'adhoc',
      'migration',
    ])}-${configRng.pick(spec.purposes)}-${
      configRng.weighted(ENVIRONMENTS, e => e[1])[0]
    }`;
    let name = trackArns ? chosen : `${chosen}-nt-${i.toString(36)}`;
    const arnOf = () =>
      spec.arn({
        partition: 'aws',
        region,
        accountId: account.accountId,
        name,
        rng: configRng,
      });
    let built = arnOf();
    if (trackArns) {
      for (let n = 2; usedArns.has(built.arn); n++) {
        name = `${chosen}-${n}`;
        built = arnOf();
      }
      usedArns.add(built.arn);
    }
    yield {
      arn: built.arn,
      ...(built.region ? { region: built.region } : {}),
      ...(built.accountId ? { accountId: built.accountId } : {}),
      tags: {},
      neverTagged: true,
      config: generateConfigItem(spec.type, {
        arn: built.arn,
        name,
        region,
        accountId: account.accountId,
        quality: 0.3,
        rng: configRng,
      })!,
    };
  }
}

/** The header of a generated inventory: everything but the resources. */
export function generatedHeader(
  options: GenerateOptions,
): Omit<Inventory, 'resources'> {
  const plan = makePlan(options);
  const header: Omit<Inventory, 'resources'> = {
    version: 1,
    mainAccountId: plan.mainAccountId,
    generator: {
      seed: options.seed,
      resources: options.resources,
      ...(options.neverTaggedShare
        ? { neverTaggedShare: options.neverTaggedShare }
        : {}),
    },
    accounts: plan.accounts,
    configAggregators: [
      {
        name: CONFIG_AGGREGATOR_NAME,
        accountId: plan.mainAccountId,
        region: plan.accounts[0].regions[0],
      },
    ],
  };
  if (options.tagPolicy !== false) {
    header.tagPolicy = options.tagPolicy ?? DEFAULT_TAG_POLICY;
  }
  if (plan.organization) {
    header.generator!.orgAccounts = options.orgAccounts;
    header.organization = plan.organization;
  }
  return header;
}

/** Generates a deterministic (seeded) estate with a realistic mix of types and tag quality across the org's teams. */
export function generateInventory(options: GenerateOptions): Inventory {
  const resolved = { ...options, org: options.org ?? loadOrgModel() };
  return {
    ...generatedHeader(resolved),
    resources: [...generateResources(resolved)],
  };
}
