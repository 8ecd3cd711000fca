import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A catalog Group as the generator needs it: the spellings an owner tag may use for it. */
export interface OrgTeam {
  name: string;
  type: string;
  displayName?: string;
  email?: string;
  aliases: string[];
  /** Whether the Group carries an on-call annotation. */
  hasOncall: boolean;
}

/** A catalog Component or System and its owner. */
export interface OrgComponent {
  kind: 'Component' | 'System';
  name: string;
  owner: string;
  system?: string;
}

/** The organisation the generator assigns resources to. */
export interface OrgModel {
  teams: OrgTeam[];
  components: OrgComponent[];
}

const repoRoot = resolve(
  dirname(require.resolve('@aws-ownership/aws-emulator/package.json')),
  '../..',
);

/** The example catalog files of this repository. */
export const EXAMPLE_ORG_FILES = {
  org: resolve(repoRoot, 'examples/org.yaml'),
  components: resolve(repoRoot, 'examples/components.yaml'),
};

type Doc = {
  kind?: string;
  metadata?: { name?: string; annotations?: Record<string, string> };
  spec?: {
    type?: string;
    owner?: string;
    system?: string;
    profile?: { displayName?: string; email?: string };
  };
};

function documents(text: string): Doc[] {
  return parseAllDocuments(text)
    .map(d => d.toJS() as Doc)
    .filter(d => d && typeof d === 'object');
}

function stripRef(ref: string): string {
  return ref.replace(/^[a-z]+:/i, '').replace(/^[^/]+\//, '');
}

/** Reads Groups from a catalog YAML and Components and Systems from another (either may hold both). */
export function parseOrgModel(orgYaml: string, componentsYaml = ''): OrgModel {
  const docs = [...documents(orgYaml), ...documents(componentsYaml)];
  const teams: OrgTeam[] = docs
    .filter(d => d.kind === 'Group' && d.metadata?.name)
    .map(d => {
      const annotations = d.metadata?.annotations ?? {};
      return {
        name: d.metadata!.name!,
        type: d.spec?.type ?? 'team',
        displayName: d.spec?.profile?.displayName,
        email: d.spec?.profile?.email,
        aliases: (annotations['aws-ownership/owner-aliases'] ?? '')
          .split(',')
          .map(a => a.trim())
          .filter(Boolean),
        hasOncall:
          !!annotations['pagerduty.com/service-id'] ||
          !!annotations['opsgenie.com/team'],
      };
    });
  const components: OrgComponent[] = docs
    .filter(
      d =>
        (d.kind === 'Component' || d.kind === 'System') &&
        d.metadata?.name &&
        d.spec?.owner,
    )
    .map(d => ({
      kind: d.kind as 'Component' | 'System',
      name: d.metadata!.name!,
      owner: stripRef(d.spec!.owner!),
      system: d.spec?.system ? stripRef(d.spec.system) : undefined,
    }));
  return { teams, components };
}

/**
 * Reads the organisation from catalog files (default: examples/org.yaml and examples/components.yaml);
 * `null` for the components file reads none.
 */
export function loadOrgModel(
  orgPath: string = EXAMPLE_ORG_FILES.org,
  componentsPath: string | null = EXAMPLE_ORG_FILES.components,
): OrgModel {
  return parseOrgModel(
    readFileSync(orgPath, 'utf8'),
    componentsPath ? readFileSync(componentsPath, 'utf8') : '',
  );
}
