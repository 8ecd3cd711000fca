import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_MAIN_ACCOUNT_ID, DEMO_MEMBER_ACCOUNT_ID } from '../constants';
import { parseArnParts } from './arn';
import { generateDemoInventory } from './demo';
import {
  generateInventory,
  generateResources,
  generatedHeader,
  NEVER_TAGGED_SHARE,
} from './generate';
import { EXAMPLE_ORG_FILES, loadOrgModel } from './org';
import { loadInventoryFile, parseInventory } from './load';
import { serializeInventory, writeInventoryFile } from './write';

const OWNER_KEYS = ['owner', 'team', 'Owner'];

function ownerOf(tags: Record<string, string>): string | undefined {
  const key = OWNER_KEYS.find(k => k in tags);
  return key && tags[key];
}

function spellingForm(owner: string): string {
  if (owner.includes('@')) return 'email';
  if (owner.startsWith('group:')) return 'ref';
  return owner.includes(' ') ? 'display' : 'name';
}

describe('generateInventory', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = serializeInventory(
      generateInventory({ seed: 1, resources: 200 }),
    );
    const b = serializeInventory(
      generateInventory({ seed: 1, resources: 200 }),
    );
    const c = serializeInventory(
      generateInventory({ seed: 2, resources: 200 }),
    );
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('makes valid, unique ARNs that the loader accepts', () => {
    const inventory = generateInventory({ seed: 3, resources: 3000 });
    expect(() =>
      parseInventory(JSON.parse(serializeInventory(inventory))),
    ).not.toThrow();
    expect(new Set(inventory.resources.map(r => r.arn)).size).toBe(3000);
  });

  it('adds about one never-tagged resource in ten, each recorded by AWS Config', () => {
    const { resources } = generateInventory({
      seed: 5,
      resources: 900,
      neverTaggedShare: NEVER_TAGGED_SHARE,
    });
    expect(
      generateInventory({ seed: 5, resources: 900 }).resources.some(
        r => r.neverTagged,
      ),
    ).toBe(false);
    const never = resources.filter(r => r.neverTagged);
    expect(never).toHaveLength(100);
    expect(never.every(r => r.config && Object.keys(r.tags).length === 0)).toBe(
      true,
    );
    expect(
      new Set(never.map(r => r.config!.resourceType)).size,
    ).toBeGreaterThan(8);
  });

  it('leaves the tagged demo estate as it was before AWS Config data was added (Config has its own random stream)', () => {
    const tagged = generateDemoInventory().resources.filter(
      r => !r.neverTagged,
    );
    const digest = createHash('sha256')
      .update(
        JSON.stringify(tagged.map(r => [r.arn, r.region, r.accountId, r.tags])),
      )
      .digest('hex');
    // the digest of the 420 tagged resources of examples/aws-inventory.json before AWS Config
    expect(digest).toBe(
      '60190d6de608c6f8b4078a47edfe4fb1c685427fa90404b1296362460ca96a6c',
    );
    expect(tagged.filter(r => r.config).length).toBeGreaterThan(150);
  });

  it('mixes types, accounts and regions and keeps global resources where AWS lists them', () => {
    const { resources } = generateInventory({ seed: 4, resources: 3000 });
    const types = new Set(
      resources.map(r => parseArnParts(r.arn)!.resourceType),
    );
    expect(types.size).toBeGreaterThanOrEqual(35);
    const accounts = new Set(
      resources.map(r => parseArnParts(r.arn)!.accountId || r.accountId),
    );
    expect(accounts).toEqual(
      new Set([DEMO_MAIN_ACCOUNT_ID, DEMO_MEMBER_ACCOUNT_ID]),
    );
    const buckets = resources.filter(r => r.arn.startsWith('arn:aws:s3:::'));
    expect(buckets.length).toBeGreaterThan(0);
    expect(buckets.every(b => b.region && b.accountId)).toBe(true);
  });

  it('spreads tag quality across the example teams, with unowned and dangling owners', () => {
    const org = loadOrgModel();
    const spellings = new Map<string, string>();
    for (const team of org.teams) {
      for (const s of [
        team.name,
        team.displayName,
        team.email,
        `group:default/${team.name}`,
        ...team.aliases,
      ]) {
        if (s) spellings.set(s.toLowerCase(), team.name);
      }
    }
    const { resources } = generateInventory({ seed: 5, resources: 5000 });
    const owners = resources.map(r => ownerOf(r.tags));
    const unowned = owners.filter(o => o === undefined).length;
    const dangling = owners.filter(
      o => o !== undefined && !spellings.has(o.toLowerCase()),
    ).length;
    expect(unowned / resources.length).toBeGreaterThan(0.03);
    expect(dangling / resources.length).toBeGreaterThan(0.02);
    const forms = new Set(
      owners
        .filter((o): o is string => !!o && spellings.has(o.toLowerCase()))
        .map(spellingForm),
    );
    expect(forms).toEqual(new Set(['email', 'ref', 'display', 'name']));
    expect(
      owners.some(o => o === 'pay' || o === 'infosec' || o === 'netops'),
    ).toBe(true);

    const completeness = (team: string) => {
      const mine = resources.filter(
        r => spellings.get((ownerOf(r.tags) ?? '').toLowerCase()) === team,
      );
      const complete = mine.filter(r =>
        ['environment', 'cost-center', 'application'].every(k => r.tags[k]),
      );
      return complete.length / mine.length;
    };
    expect(completeness('payments')).toBeGreaterThan(0.8);
    expect(completeness('mobile')).toBeLessThan(0.4);
  });

  it('points component tags at components.yaml and writes environment, Name and malformed tags', () => {
    const org = loadOrgModel();
    const components = new Set(org.components.map(c => c.name));
    const { resources } = generateInventory({ seed: 6, resources: 5000 });
    const componentTags = resources.map(r => r.tags.component).filter(Boolean);
    expect(
      componentTags.filter(c => components.has(c)).length /
        componentTags.length,
    ).toBeGreaterThan(0.9);
    const environments = new Set(
      resources.map(r => r.tags.environment).filter(Boolean),
    );
    expect(environments).toEqual(
      expect.objectContaining(new Set(['prod', 'staging', 'dev', 'test'])),
    );
    expect(
      [...environments].some(
        e => !['prod', 'staging', 'dev', 'test'].includes(e),
      ),
    ).toBe(true);
    expect(resources.some(r => r.tags.Name)).toBe(true);
    expect(
      resources.some(r => 'db-password' in r.tags || 'deploy-token' in r.tags),
    ).toBe(true);
    expect(resources.some(r => Object.keys(r.tags).length === 0)).toBe(true);
  });

  it('reads another organisation', () => {
    const inventory = generateInventory({
      seed: 8,
      resources: 100,
      org: {
        teams: [{ name: 'blue', type: 'team', aliases: [], hasOncall: false }],
        components: [{ kind: 'Component', name: 'blue-api', owner: 'blue' }],
      },
      accounts: [{ accountId: '999999999999', regions: ['ap-south-1'] }],
      tagPolicy: false,
    });
    expect(inventory.tagPolicy).toBeUndefined();
    expect(
      inventory.resources.every(
        r =>
          r.arn.includes('ap-south-1') ||
          r.region === 'ap-south-1' ||
          /cloudfront|route53/.test(r.arn),
      ),
    ).toBe(true);
    const owners = new Set(
      inventory.resources.map(r => ownerOf(r.tags)).filter(Boolean),
    );
    expect(owners.has('blue')).toBe(true);
  });
});

describe('inventory files', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aws-emulator-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams the same text serializeInventory produces, and loads it back', async () => {
    const options = { seed: 9, resources: 500 };
    const path = join(dir, 'inventory.json');
    await writeInventoryFile(
      path,
      generatedHeader(options),
      generateResources(options),
    );
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(serializeInventory(generateInventory(options)));
    const loaded = await loadInventoryFile(path);
    expect(loaded.resources).toHaveLength(500);
  });

  it('reports the first bad field of an invalid inventory', () => {
    expect(() => parseInventory({ version: 2 })).toThrow(/version/);
    expect(() =>
      parseInventory({
        version: 1,
        mainAccountId: '111122223333',
        accounts: [{ accountId: '111122223333', regions: [] }],
        resources: [{ arn: 'nope', tags: {} }],
      }),
    ).toThrow(/resources\[0\]\.arn/);
    expect(() =>
      parseInventory({
        version: 1,
        mainAccountId: '111122223333',
        accounts: [{ accountId: '111122223333', regions: [] }],
        resources: [
          { arn: 'arn:aws:sqs:us-east-1:111122223333:q', tags: { a: 1 } },
        ],
      }),
    ).toThrow(/tags\.a/);
  });

  it.each([
    [{ neverTagged: true }, /resources\[0\]\.config is required/],
    [
      {
        neverTagged: 'yes',
        config: { resourceType: 'AWS::SQS::Queue', configuration: {} },
      },
      /neverTagged/,
    ],
    [
      { config: { resourceType: 'SQS queue', configuration: {} } },
      /config\.resourceType/,
    ],
    [
      { config: { resourceType: 'AWS::SQS::Queue', configuration: [] } },
      /config\.configuration/,
    ],
    [
      {
        config: {
          resourceType: 'AWS::SQS::Queue',
          configuration: {},
          supplementaryConfiguration: 'x',
        },
      },
      /config\.supplementaryConfiguration/,
    ],
    [
      {
        config: {
          resourceType: 'AWS::SQS::Queue',
          configuration: {},
          resourceId: 7,
        },
      },
      /config\.resourceId/,
    ],
  ])('names the bad AWS Config field of a resource (%j)', (fields, message) => {
    expect(() =>
      parseInventory({
        version: 1,
        mainAccountId: '111122223333',
        accounts: [{ accountId: '111122223333', regions: [] }],
        resources: [
          { arn: 'arn:aws:sqs:us-east-1:111122223333:q', tags: {}, ...fields },
        ],
      }),
    ).toThrow(message);
  });

  it('names a bad configRecorderOff or aggregator', () => {
    const base = {
      version: 1,
      mainAccountId: '111122223333',
      resources: [],
    };
    expect(() =>
      parseInventory({
        ...base,
        accounts: [
          {
            accountId: '111122223333',
            regions: [],
            configRecorderOff: 'eu-west-1',
          },
        ],
      }),
    ).toThrow(/accounts\[0\]\.configRecorderOff/);
    expect(() =>
      parseInventory({
        ...base,
        accounts: [{ accountId: '111122223333', regions: [] }],
        configAggregators: [
          { name: 'org', accountId: '1', region: 'us-east-1' },
        ],
      }),
    ).toThrow(/configAggregators\[0\]\.accountId/);
  });
});

describe('examples/aws-inventory.json', () => {
  it('is what the generator makes with the demo options (regenerate with `npm run generate:demo -w @aws-ownership/aws-emulator`)', () => {
    const path = join(EXAMPLE_ORG_FILES.org, '..', 'aws-inventory.json');
    expect(readFileSync(path, 'utf8')).toBe(
      serializeInventory(generateDemoInventory()),
    );
  });

  it('holds 300 to 500 resources in two accounts, the second reached through ownership-reader', () => {
    const demo = generateDemoInventory();
    expect(demo.resources.length).toBeGreaterThanOrEqual(300);
    expect(demo.resources.length).toBeLessThanOrEqual(500);
    expect(demo.mainAccountId).toBe(DEMO_MAIN_ACCOUNT_ID);
    expect(
      demo.accounts.find(a => a.accountId === DEMO_MEMBER_ACCOUNT_ID)?.roles,
    ).toEqual([{ name: 'ownership-reader' }]);
  });
});
