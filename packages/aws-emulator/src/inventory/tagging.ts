import type { OrgComponent, OrgTeam } from './org';
import type { ResourceTypeSpec } from './resourceTypes';
import type { Rng } from './rng';

/** Who the generator meant a resource to belong to. */
export type Ownership =
  | { kind: 'team'; team: OrgTeam; costCenter: string }
  | { kind: 'none' }
  | { kind: 'dangling' };

/** Everything the tag builder needs about one resource. */
export interface TagInput {
  rng: Rng;
  ownership: Ownership;
  /** Tagging discipline from 0 (chaos) to 1 (exemplary). */
  quality: number;
  spec: ResourceTypeSpec;
  component?: OrgComponent;
  environment: string;
  /** The Name tag to set, if the resource gets one. */
  displayName: string;
  base: string;
}

/** Owner values that match no Group of the example org. */
export const DANGLING_OWNERS = [
  'legacy-ops',
  'billing',
  'growth-team',
  'john.doe@acme.example',
  'group:default/web',
  'contractors',
] as const;

const PLACEHOLDERS = [
  'tbd',
  'TODO',
  'n/a',
  'unknown',
  '-',
  'changeme',
] as const;

const ENV_MISSPELLINGS: Record<string, string[]> = {
  prod: ['Prod', 'production', 'PROD', 'prd'],
  staging: ['Staging', 'stage', 'stg'],
  dev: ['Dev', 'development'],
  test: ['Test', 'qa'],
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An owner value for a team: mostly its name, sometimes an alias, display name, email or entity ref. */
function ownerSpelling(rng: Rng, team: OrgTeam, quality: number): string {
  const forms: Array<[string | undefined, number]> = [
    [team.name, 40 + 30 * quality],
    [team.aliases.length ? rng.pick(team.aliases) : undefined, 12],
    [team.displayName, 8],
    [team.email, 8],
    [`group:default/${team.name}`, 6],
    [capitalise(team.name), 2 + 8 * (1 - quality)],
  ];
  const usable = forms.filter((f): f is [string, number] => !!f[0]);
  return rng.weighted(usable, f => f[1])[0];
}

function ownerKey(rng: Rng, quality: number): string {
  const r = rng.next();
  if (r < 0.8 + 0.15 * quality) return 'owner';
  return r < 0.93 ? 'team' : 'Owner';
}

function classification(rng: Rng, quality: number): string {
  if (rng.chance((1 - quality) * 0.3)) {
    return rng.pick(['Confidential', 'secret', 'pii', 'Internal']);
  }
  return rng.weighted(
    [
      ['internal', 4],
      ['confidential', 3],
      ['restricted', 1],
      ['public', 1],
    ] as const,
    c => c[1],
  )[0];
}

function addOwnership(tags: Record<string, string>, input: TagInput): void {
  const { rng, ownership, quality } = input;
  if (ownership.kind === 'team') {
    if (!rng.chance(0.7 + 0.3 * quality)) return;
    const key = ownerKey(rng, quality);
    tags[key] = ownerSpelling(rng, ownership.team, quality);
    if (key === 'Owner' && rng.chance(0.3)) {
      tags.owner = ownership.team.name;
    }
  } else if (ownership.kind === 'dangling') {
    tags[ownerKey(rng, quality)] = rng.pick(DANGLING_OWNERS);
  } else if (rng.chance(0.25)) {
    tags.owner = rng.pick(['tbd', 'unknown', 'n/a', 'none']);
  }
}

function addResponsibility(
  tags: Record<string, string>,
  input: TagInput,
): void {
  const { rng, quality: q, spec, environment } = input;
  let dataClass: string | undefined;
  if (spec.dataStore && rng.chance(0.15 + 0.85 * q)) {
    dataClass = classification(rng, q);
    tags['data-classification'] = dataClass;
  }
  if (spec.stateful && rng.chance(0.9 * q)) {
    tags.backup =
      dataClass === 'public' || rng.chance(0.05)
        ? 'none'
        : rng.pick(['daily', 'hourly', 'weekly']);
  }
  if (spec.patchable && rng.chance(0.1 + 0.85 * q)) {
    const key = rng.weighted(
      [
        ['Patch Group', 5],
        ['PatchGroup', 2],
        ['patching', 2],
      ] as const,
      k => k[1],
    )[0];
    tags[key] = `${environment}-linux-baseline`;
  }
  if (spec.serves && rng.chance(0.8 * q)) {
    if (rng.chance(0.6))
      tags['availability-tier'] = rng.pick(['tier-1', 'tier-2', 'tier-3']);
    else tags.rpo = rng.pick(['15m', '1h', '24h']);
  }
  if (
    spec.abstractData &&
    (dataClass === 'confidential' || dataClass === 'restricted') &&
    rng.chance(q)
  ) {
    tags.encryption = rng.pick(['sse-kms-cmk', 'client-side']);
  }
  if (rng.chance(0.2 + 0.7 * q)) {
    const r = rng.next();
    if (r < 0.5) tags['managed-by'] = 'terraform';
    else if (r < 0.8)
      tags['aws:cloudformation:stack-name'] = `${input.base}-stack`;
    else tags['managed-by'] = 'cdk';
  }
  const { ownership } = input;
  if (
    ownership.kind === 'team' &&
    !ownership.team.hasOncall &&
    rng.chance(0.4 * q)
  ) {
    tags.oncall = `${ownership.team.name}-oncall`;
  }
}

function addMalformed(tags: Record<string, string>, rng: Rng): void {
  switch (rng.int(0, 5)) {
    case 0:
      tags['db-password'] = `Sup3r${rng.chars(6, 'abcdefgh0123')}!`;
      break;
    case 1:
      tags['deploy-token'] = `AKIA${rng.chars(
        16,
        'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
      )}`;
      break;
    case 2: {
      const keys = Object.keys(tags).filter(k => k !== 'Name');
      tags[keys.length ? rng.pick(keys) : 'cost-center'] =
        rng.pick(PLACEHOLDERS);
      break;
    }
    case 3:
      tags['cost-center'] = ' ';
      break;
    case 4:
      tags.Environment = tags.environment ?? 'prod';
      break;
    default:
      tags.CostCenter = `CC${rng.int(100, 999)}`;
  }
}

/**
 * The tags of one resource: the better the team's discipline, the more of the checklists'
 * keys it carries, the better spelled; poor teams get misspellings, placeholders and leaks.
 */
export function buildTags(input: TagInput): Record<string, string> {
  const { rng, quality: q, spec, component, environment, ownership } = input;
  const tags: Record<string, string> = {};
  if (rng.chance(spec.generatedId ? 0.55 + 0.45 * q : 0.35)) {
    tags.Name = input.displayName;
  }
  addOwnership(tags, input);
  if (rng.chance(0.55 + 0.45 * q)) {
    tags.environment = rng.chance(0.75 + 0.25 * q)
      ? environment
      : rng.pick(ENV_MISSPELLINGS[environment]);
  }
  if (rng.chance(0.25 + 0.75 * q)) {
    const key = rng.chance(0.85 + 0.15 * q)
      ? 'cost-center'
      : rng.pick(['CostCenter', 'cost_center', 'Cost Center']);
    tags[key] = ownership.kind === 'team' ? ownership.costCenter : 'cc-0000';
  }
  if (rng.chance(0.3 + 0.7 * q)) {
    tags[rng.chance(0.6 + 0.4 * q) ? 'application' : 'app'] =
      component?.system ?? component?.name ?? input.base;
  }
  if (component && rng.chance(0.5 + 0.5 * q)) {
    tags.component = rng.chance(0.03) ? 'legacy-billing' : component.name;
  }
  addResponsibility(tags, input);
  if (rng.chance((1 - q) * 0.2)) {
    addMalformed(tags, rng);
  }
  if (rng.chance(0.003)) {
    for (let i = Object.keys(tags).length; i < 48; i++) {
      tags[`label-${String(i).padStart(2, '0')}`] = 'x';
    }
  }
  return tags;
}
