import { EmulatorHandle, startEmulator } from './server';
import { awsCli } from './__testUtils__/awsCli';
import { MAIN, MEMBER, testInventory } from './__testUtils__/fixtures';

jest.setTimeout(60_000);

const TAGGING = 'resourcegroupstaggingapi';

describe('Debian AWS CLI v2 (/usr/bin/aws) against the emulator', () => {
  let emulator: EmulatorHandle;

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      inventory: testInventory(),
      quota: { enabled: false },
    });
  });

  afterAll(async () => {
    await emulator.close();
  });

  beforeEach(() => {
    emulator.reset();
    emulator.setQuota({ enabled: false });
  });

  function getResourcesCalls(region = 'us-east-1'): number {
    return (
      emulator
        .stats()
        .calls.find(c => c.region === region && c.operation === 'GetResources')
        ?.calls ?? 0
    );
  }

  it('pages through get-resources with --page-size and merges the pages', async () => {
    const out = await awsCli(emulator.url, [
      TAGGING,
      'get-resources',
      '--page-size',
      '40',
    ]);
    expect(out.code).toBe(0);
    expect(out.json.ResourceTagMappingList).toHaveLength(253);
    expect(getResourcesCalls()).toBe(Math.ceil(253 / 40));
  });

  it('resumes from a NextToken with --max-items and --starting-token', async () => {
    const first = await awsCli(emulator.url, [
      TAGGING,
      'get-resources',
      '--max-items',
      '150',
      '--page-size',
      '100',
    ]);
    expect(first.json.ResourceTagMappingList).toHaveLength(150);
    expect(typeof first.json.NextToken).toBe('string');
    const rest = await awsCli(emulator.url, [
      TAGGING,
      'get-resources',
      '--starting-token',
      first.json.NextToken,
      '--page-size',
      '100',
    ]);
    expect(rest.code).toBe(0);
    const arns = [
      ...first.json.ResourceTagMappingList,
      ...rest.json.ResourceTagMappingList,
    ].map((r: any) => r.ResourceARN);
    expect(new Set(arns).size).toBe(253);
  });

  it('filters by tags (AND across, OR within) and by resource type', async () => {
    const out = await awsCli(emulator.url, [
      TAGGING,
      'get-resources',
      '--tag-filters',
      'Key=owner,Values=payments,search',
      'Key=environment,Values=prod',
      '--resource-type-filters',
      'ec2:instance',
    ]);
    expect(out.code).toBe(0);
    const expected = Array.from({ length: 250 }, (_, i) => i).filter(
      i => i % 3 !== 2 && i % 2 === 0,
    ).length;
    expect(out.json.ResourceTagMappingList).toHaveLength(expected);
    const keyOnly = await awsCli(emulator.url, [
      TAGGING,
      'get-resources',
      '--tag-filters',
      'Key=cost-center',
    ]);
    expect(keyOnly.json.ResourceTagMappingList).toHaveLength(25);
  });

  it('returns compliance details and only noncompliant resources when asked', async () => {
    const out = await awsCli(
      emulator.url,
      [
        TAGGING,
        'get-resources',
        '--include-compliance-details',
        '--exclude-compliant-resources',
      ],
      { region: 'eu-west-1' },
    );
    expect(out.code).toBe(0);
    expect(out.json.ResourceTagMappingList).toHaveLength(3);
    expect(
      out.json.ResourceTagMappingList.every(
        (r: any) => r.ComplianceDetails.ComplianceStatus === false,
      ),
    ).toBe(true);
  });

  it('reads tag keys and tag values', async () => {
    const keys = await awsCli(emulator.url, [TAGGING, 'get-tag-keys'], {
      region: 'eu-west-1',
    });
    expect(keys.json.TagKeys).toEqual(['Owner', 'environment', 'owner']);
    const values = await awsCli(emulator.url, [
      TAGGING,
      'get-tag-values',
      '--key',
      'owner',
    ]);
    expect(values.json.TagValues).toEqual([
      'mobile',
      'payments',
      'platform',
      'search',
    ]);
  });

  it.each([
    ['ResourcesPerPage out of range', ['--resources-per-page', '101']],
    ['TagsPerPage out of range', ['--tags-per-page', '50']],
    [
      'ResourceARNList with a page size',
      [
        '--resource-arn-list',
        `arn:aws:sqs:us-east-1:${MAIN}:q`,
        '--resources-per-page',
        '10',
      ],
    ],
    ['ExcludeCompliantResources alone', ['--exclude-compliant-resources']],
  ])('reports InvalidParameterException for %s', async (_, args) => {
    const out = await awsCli(emulator.url, [
      TAGGING,
      'get-resources',
      '--no-paginate',
      ...args,
    ]);
    expect(out.code).toBe(254);
    expect(out.stderr).toMatch(
      /An error occurred \(InvalidParameterException\) when calling the GetResources operation/,
    );
  });

  it('reports PaginationTokenExpiredException for an expired token', async () => {
    const first = await awsCli(emulator.url, [
      TAGGING,
      'get-resources',
      '--no-paginate',
      '--resources-per-page',
      '5',
    ]);
    emulator.expirePaginationTokens();
    const out = await awsCli(emulator.url, [
      TAGGING,
      'get-resources',
      '--no-paginate',
      '--resources-per-page',
      '5',
      '--pagination-token',
      first.json.PaginationToken,
    ]);
    expect(out.code).toBe(254);
    expect(out.stderr).toMatch(/PaginationTokenExpiredException/);
  });

  it('retries injected ThrottledException and InternalServiceException and succeeds', async () => {
    emulator.setFaults({ throttleShare: 0.3, internalErrorShare: 0.2 });
    const out = await awsCli(emulator.url, [
      TAGGING,
      'get-resources',
      '--page-size',
      '50',
    ]);
    expect(out.code).toBe(0);
    expect(out.json.ResourceTagMappingList).toHaveLength(253);
    const east = emulator.stats().calls.find(c => c.region === 'us-east-1')!;
    expect(east.throttled).toBeGreaterThan(0);
    expect(east.errors).toBeGreaterThan(0);
  });

  it('retries through the quota and succeeds', async () => {
    emulator.setQuota({ enabled: true, getResourcesPerSecond: 2 });
    const out = await awsCli(
      emulator.url,
      [TAGGING, 'get-resources', '--page-size', '20'],
      {
        env: { AWS_MAX_ATTEMPTS: '10', AWS_RETRY_MODE: 'standard' },
      },
    );
    expect(out.code).toBe(0);
    expect(out.json.ResourceTagMappingList).toHaveLength(253);
    expect(
      emulator.stats().calls.find(c => c.region === 'us-east-1')!.throttled,
    ).toBeGreaterThan(0);
  });

  it('gives up with ThrottledException when every call is throttled', async () => {
    emulator.setFaults({ throttleShare: 1 });
    const out = await awsCli(emulator.url, [TAGGING, 'get-resources'], {
      env: { AWS_MAX_ATTEMPTS: '2' },
    });
    expect(out.code).toBe(254);
    expect(out.stderr).toMatch(/ThrottledException.*Rate exceeded/);
  });

  it('reports InternalServiceException from a failing region', async () => {
    emulator.setFaults({ failingRegions: ['eu-west-1'] });
    const out = await awsCli(emulator.url, [TAGGING, 'get-resources'], {
      region: 'eu-west-1',
      env: { AWS_MAX_ATTEMPTS: '1' },
    });
    expect(out.code).toBe(254);
    expect(out.stderr).toMatch(/InternalServiceException/);
  });

  it('answers sts get-caller-identity and assume-role', async () => {
    const identity = await awsCli(emulator.url, ['sts', 'get-caller-identity']);
    expect(identity.json.Account).toBe(MAIN);
    const assumed = await awsCli(emulator.url, [
      'sts',
      'assume-role',
      '--role-arn',
      `arn:aws:iam::${MEMBER}:role/ownership-reader`,
      '--role-session-name',
      'cli',
    ]);
    expect(assumed.code).toBe(0);
    const c = assumed.json.Credentials;
    const asMember = await awsCli(emulator.url, [TAGGING, 'get-resources'], {
      env: {
        AWS_ACCESS_KEY_ID: c.AccessKeyId,
        AWS_SECRET_ACCESS_KEY: c.SecretAccessKey,
        AWS_SESSION_TOKEN: c.SessionToken,
      },
    });
    expect(
      asMember.json.ResourceTagMappingList.map((r: any) => r.ResourceARN),
    ).toEqual([`arn:aws:sqs:us-east-1:${MEMBER}:member-queue`]);
    const denied = await awsCli(emulator.url, [
      'sts',
      'assume-role',
      '--role-arn',
      `arn:aws:iam::${MEMBER}:role/admin`,
      '--role-session-name',
      'cli',
    ]);
    expect(denied.code).toBe(254);
    expect(denied.stderr).toMatch(/AccessDenied/);
  });
});
