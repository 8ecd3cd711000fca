import { EmulatorHandle, startEmulator } from '../server';
import { MAIN, MEMBER, testInventory } from '../__testUtils__/fixtures';
import {
  CLOSING,
  DELEGATE,
  ORG_ID,
  orgInventory,
  OUTSIDER,
  PRODUCTION,
  ROOT,
  SANDBOX,
  STAGING,
  SUSPENDED,
  WORKLOADS,
} from '../__testUtils__/organizationFixture';
import { rawOrganizations } from '../__testUtils__/rawOrganizations';
import { RawResponse } from '../__testUtils__/rawCall';

/** Every page of a List call, following NextToken until it is absent. */
async function allPages(
  url: string,
  operation: string,
  input: Record<string, unknown> = {},
  accessKeyId?: string,
): Promise<RawResponse[]> {
  const pages: RawResponse[] = [];
  let nextToken: string | undefined;
  do {
    const res = await rawOrganizations(
      url,
      operation,
      { ...input, ...(nextToken ? { NextToken: nextToken } : {}) },
      { accessKeyId },
    );
    expect(res.status).toBe(200);
    pages.push(res);
    nextToken = res.body.NextToken;
  } while (nextToken);
  return pages;
}

function ids(pages: RawResponse[], member = 'Accounts'): string[] {
  return pages.flatMap(p => p.body[member].map((a: { Id: string }) => a.Id));
}

describe('AWS Organizations (JSON 1.1, AWSOrganizationsV20161128)', () => {
  let emulator: EmulatorHandle;

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      inventory: orgInventory(),
      quota: { enabled: false },
    });
  });

  afterAll(async () => {
    await emulator.close();
  });

  beforeEach(() => {
    emulator.loadInventory(orgInventory());
    emulator.reset();
    emulator.setQuota({ enabled: false });
  });

  it('pages ListAccounts 20 at a time: 45 accounts in pages of 20, 20 and 5, the last without NextToken', async () => {
    const pages = await allPages(emulator.url, 'ListAccounts');
    expect(pages.map(p => p.body.Accounts.length)).toEqual([20, 20, 5]);
    expect(pages.map(p => typeof p.body.NextToken)).toEqual([
      'string',
      'string',
      'undefined',
    ]);
    const all = ids(pages);
    expect(new Set(all).size).toBe(45);
    expect(all[0]).toBe(MAIN);
    expect(pages[0].headers.get('content-type')).toBe(
      'application/x-amz-json-1.1',
    );
  });

  it('answers each account in the shape of the model', async () => {
    const [first] = await allPages(emulator.url, 'ListAccounts');
    expect(first.body.Accounts[2]).toEqual({
      Id: '600000000000',
      Arn: `arn:aws:organizations::${MAIN}:account/${ORG_ID}/600000000000`,
      Email: 'aws+prod-0@example.com',
      Name: 'prod-0',
      Status: 'ACTIVE',
      State: 'ACTIVE',
      Paths: [`${ORG_ID}/${ROOT}/${WORKLOADS}/${PRODUCTION}/600000000000/`],
      JoinedMethod: 'CREATED',
      JoinedTimestamp: Date.parse('2021-03-04T05:06:07Z') / 1000,
    });
  });

  it('honours MaxResults from 1 to 20 and refuses other values with InvalidInputException', async () => {
    const pages = await allPages(emulator.url, 'ListAccounts', {
      MaxResults: 7,
    });
    expect(pages.map(p => p.body.Accounts.length)).toEqual([
      7, 7, 7, 7, 7, 7, 3,
    ]);
    for (const [MaxResults, Reason] of [
      [21, 'MAX_VALUE_EXCEEDED'],
      [0, 'MIN_VALUE_EXCEEDED'],
    ] as const) {
      const res = await rawOrganizations(emulator.url, 'ListAccounts', {
        MaxResults,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        __type: 'InvalidInputException',
        Reason,
      });
      expect(res.headers.get('x-amzn-errortype')).toBe('InvalidInputException');
    }
    const wrongType = await rawOrganizations(emulator.url, 'ListAccounts', {
      MaxResults: 'ten',
    });
    expect(wrongType.body.__type).toBe('SerializationException');
  });

  it('lists suspended and closing accounts with their status', async () => {
    const accounts = (await allPages(emulator.url, 'ListAccounts')).flatMap(
      p => p.body.Accounts,
    );
    const byStatus = (status: string) =>
      accounts
        .filter((a: { Status: string }) => a.Status === status)
        .map((a: { Id: string; State: string }) => [a.Id, a.State]);
    expect(byStatus('SUSPENDED')).toEqual(
      SUSPENDED.map(id => [id, 'SUSPENDED']),
    );
    expect(byStatus('PENDING_CLOSURE')).toEqual([[CLOSING, 'PENDING_CLOSURE']]);
    expect(byStatus('ACTIVE')).toHaveLength(42);
  });

  it('lists the accounts directly in each root or OU with ListAccountsForParent', async () => {
    const forParent = async (ParentId: string) =>
      ids(await allPages(emulator.url, 'ListAccountsForParent', { ParentId }));
    expect(await forParent(ROOT)).toEqual([MAIN]);
    expect(await forParent(WORKLOADS)).toEqual([DELEGATE]);
    const production = await allPages(emulator.url, 'ListAccountsForParent', {
      ParentId: PRODUCTION,
    });
    expect(production.map(p => p.body.Accounts.length)).toEqual([20, 5]);
    expect(ids(production)).toEqual(
      Array.from(
        { length: 25 },
        (_, i) => `6000000000${String(i).padStart(2, '0')}`,
      ),
    );
    expect(await forParent(STAGING)).toHaveLength(12);
    const sandbox = await forParent(SANDBOX);
    expect(sandbox).toHaveLength(6);
    expect(sandbox).toEqual(expect.arrayContaining([MEMBER, ...SUSPENDED]));
  });

  it('lists nested OUs with ListOrganizationalUnitsForParent', async () => {
    const units = async (ParentId: string) =>
      (
        await allPages(emulator.url, 'ListOrganizationalUnitsForParent', {
          ParentId,
        })
      ).flatMap(p => p.body.OrganizationalUnits);
    expect(await units(ROOT)).toEqual([
      {
        Id: WORKLOADS,
        Arn: `arn:aws:organizations::${MAIN}:ou/${ORG_ID}/${WORKLOADS}`,
        Name: 'Workloads',
        Path: `${ORG_ID}/${ROOT}/${WORKLOADS}/`,
      },
      {
        Id: SANDBOX,
        Arn: `arn:aws:organizations::${MAIN}:ou/${ORG_ID}/${SANDBOX}`,
        Name: 'Sandbox',
        Path: `${ORG_ID}/${ROOT}/${SANDBOX}/`,
      },
    ]);
    expect(
      (await units(WORKLOADS)).map((u: { Name: string; Path: string }) => [
        u.Name,
        u.Path,
      ]),
    ).toEqual([
      ['Production', `${ORG_ID}/${ROOT}/${WORKLOADS}/${PRODUCTION}/`],
      ['Staging', `${ORG_ID}/${ROOT}/${WORKLOADS}/${STAGING}/`],
    ]);
    expect(await units(PRODUCTION)).toEqual([]);
    const one = await rawOrganizations(
      emulator.url,
      'ListOrganizationalUnitsForParent',
      { ParentId: ROOT, MaxResults: 1 },
    );
    expect(one.body.OrganizationalUnits).toHaveLength(1);
    expect(typeof one.body.NextToken).toBe('string');
  });

  it('finds every account exactly once by walking roots, OUs and their accounts', async () => {
    const found: string[] = [];
    const walk = async (parentId: string): Promise<void> => {
      found.push(
        ...ids(
          await allPages(emulator.url, 'ListAccountsForParent', {
            ParentId: parentId,
            MaxResults: 5,
          }),
        ),
      );
      const units = await allPages(
        emulator.url,
        'ListOrganizationalUnitsForParent',
        { ParentId: parentId, MaxResults: 1 },
      );
      for (const id of ids(units, 'OrganizationalUnits')) await walk(id);
    };
    const roots = await allPages(emulator.url, 'ListRoots');
    for (const id of ids(roots, 'Roots')) await walk(id);
    const listed = ids(await allPages(emulator.url, 'ListAccounts'));
    expect([...found].sort()).toEqual([...listed].sort());
    expect(found).toHaveLength(45);
  });

  it('answers ParentNotFoundException for an unknown parent and InvalidInputException for a bad or missing one', async () => {
    for (const operation of [
      'ListAccountsForParent',
      'ListOrganizationalUnitsForParent',
    ]) {
      const unknown = await rawOrganizations(emulator.url, operation, {
        ParentId: 'ou-test-nothere1',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.__type).toBe('ParentNotFoundException');
      const malformed = await rawOrganizations(emulator.url, operation, {
        ParentId: 'Workloads',
      });
      expect(malformed.body).toMatchObject({
        __type: 'InvalidInputException',
        Reason: 'INVALID_PATTERN',
      });
      const missing = await rawOrganizations(emulator.url, operation, {});
      expect(missing.body).toMatchObject({
        __type: 'InvalidInputException',
        Reason: 'INPUT_REQUIRED',
      });
    }
  });

  it('lists the root with ListRoots and describes the organization', async () => {
    const roots = await rawOrganizations(emulator.url, 'ListRoots');
    expect(roots.body).toEqual({
      Roots: [
        {
          Id: ROOT,
          Arn: `arn:aws:organizations::${MAIN}:root/${ORG_ID}/${ROOT}`,
          Name: 'Root',
          PolicyTypes: [{ Type: 'TAG_POLICY', Status: 'ENABLED' }],
        },
      ],
    });
    const described = await rawOrganizations(
      emulator.url,
      'DescribeOrganization',
    );
    expect(described.body).toEqual({
      Organization: {
        Id: ORG_ID,
        Arn: `arn:aws:organizations::${MAIN}:organization/${ORG_ID}`,
        FeatureSet: 'ALL',
        MasterAccountArn: `arn:aws:organizations::${MAIN}:account/${ORG_ID}/${MAIN}`,
        MasterAccountId: MAIN,
        MasterAccountEmail: 'aws+management@example.com',
        AvailablePolicyTypes: [{ Type: 'TAG_POLICY', Status: 'ENABLED' }],
      },
    });
  });

  it('refuses a member account with AccessDeniedException but lets it describe the organization, as AWS does', async () => {
    for (const operation of [
      'ListAccounts',
      'ListRoots',
      'ListAccountsForParent',
      'ListOrganizationalUnitsForParent',
    ]) {
      const res = await rawOrganizations(
        emulator.url,
        operation,
        { ParentId: ROOT },
        { accessKeyId: MEMBER },
      );
      expect(res.status).toBe(400);
      expect(res.body.__type).toBe('AccessDeniedException');
    }
    const described = await rawOrganizations(
      emulator.url,
      'DescribeOrganization',
      {},
      { accessKeyId: MEMBER },
    );
    expect(described.body.Organization.MasterAccountId).toBe(MAIN);
    expect(emulator.stats().calls).toContainEqual(
      expect.objectContaining({
        accountId: MEMBER,
        operation: 'ListAccounts',
        calls: 1,
        errors: 1,
      }),
    );
  });

  it('lets a delegated administrator list the organization', async () => {
    const pages = await allPages(emulator.url, 'ListAccounts', {}, DELEGATE);
    expect(ids(pages)).toHaveLength(45);
  });

  it('answers AWSOrganizationsNotInUseException outside the organization or without one', async () => {
    const outside = await rawOrganizations(
      emulator.url,
      'DescribeOrganization',
      {},
      { accessKeyId: OUTSIDER },
    );
    expect(outside.status).toBe(400);
    expect(outside.body.__type).toBe('AWSOrganizationsNotInUseException');
    emulator.loadInventory(testInventory());
    const none = await rawOrganizations(emulator.url, 'ListAccounts');
    expect(none.body.__type).toBe('AWSOrganizationsNotInUseException');
  });

  it('refuses a NextToken of another call, caller or inventory, and a forged one', async () => {
    const first = await rawOrganizations(emulator.url, 'ListAccounts');
    const token = first.body.NextToken;
    const replay = await rawOrganizations(emulator.url, 'ListAccounts', {
      NextToken: token,
    });
    expect(replay.status).toBe(200);
    const elsewhere = [
      rawOrganizations(emulator.url, 'ListAccountsForParent', {
        ParentId: PRODUCTION,
        NextToken: token,
      }),
      rawOrganizations(
        emulator.url,
        'ListAccounts',
        { NextToken: token },
        { accessKeyId: DELEGATE },
      ),
      rawOrganizations(emulator.url, 'ListAccounts', { NextToken: 'bogus' }),
    ];
    for (const res of await Promise.all(elsewhere)) {
      expect(res.body).toMatchObject({
        __type: 'InvalidInputException',
        Reason: 'INVALID_NEXT_TOKEN',
      });
    }
    emulator.loadInventory(orgInventory());
    const stale = await rawOrganizations(emulator.url, 'ListAccounts', {
      NextToken: token,
    });
    expect(stale.body.Reason).toBe('INVALID_NEXT_TOKEN');
  });

  it('answers unknown operations and unsigned calls as AWS does', async () => {
    const unknown = await rawOrganizations(emulator.url, 'CreateAccount', {});
    expect(unknown.body.__type).toBe('UnknownOperationException');
    const unsigned = await rawOrganizations(
      emulator.url,
      'ListAccounts',
      {},
      { auth: false },
    );
    expect(unsigned.body.__type).toBe('MissingAuthenticationTokenException');
    const notJson = await rawOrganizations(emulator.url, 'ListAccounts', '{');
    expect(notJson.body.__type).toBe('SerializationException');
  });

  it('applies the quota per calling account: TooManyRequestsException beyond it', async () => {
    emulator.setQuota({ enabled: true, organizationsPerSecond: 2 });
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        rawOrganizations(emulator.url, 'ListRoots'),
      ),
    );
    const throttled = results.filter(r => r.status === 400);
    expect(throttled.length).toBeGreaterThanOrEqual(2);
    expect(throttled[0].body.__type).toBe('TooManyRequestsException');
    const delegate = await rawOrganizations(
      emulator.url,
      'ListRoots',
      {},
      { accessKeyId: DELEGATE },
    );
    expect(delegate.status).toBe(200);
    const stats = emulator
      .stats()
      .calls.find(c => c.accountId === MAIN && c.operation === 'ListRoots')!;
    expect(stats).toMatchObject({
      region: 'us-east-1',
      calls: 5,
      throttled: throttled.length,
    });
  });

  it('injects faults as Organizations errors: TooManyRequestsException and ServiceException (500)', async () => {
    emulator.setFaults({ throttleShare: 0.5, operations: ['ListAccounts'] });
    const codes = [];
    for (let i = 0; i < 4; i++) {
      codes.push(
        (await rawOrganizations(emulator.url, 'ListAccounts')).body.__type,
      );
    }
    expect(codes).toEqual([
      undefined,
      'TooManyRequestsException',
      undefined,
      'TooManyRequestsException',
    ]);
    expect((await rawOrganizations(emulator.url, 'ListRoots')).status).toBe(
      200,
    );
    emulator.setFaults({ internalErrorShare: 1 });
    const failed = await rawOrganizations(emulator.url, 'ListRoots');
    expect(failed.status).toBe(500);
    expect(failed.body.__type).toBe('ServiceException');
    emulator.setFaults({ failingRegions: ['us-east-1'] });
    expect(
      (await rawOrganizations(emulator.url, 'DescribeOrganization')).body
        .__type,
    ).toBe('ServiceException');
  });
});
