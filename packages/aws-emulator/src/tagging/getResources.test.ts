import {
  GetResourcesCommand,
  GetTagKeysCommand,
  GetTagValuesCommand,
  paginateGetTagKeys,
  paginateGetTagValues,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { EmulatorHandle, startEmulator } from '../server';
import { allPages, arnsOf, taggingClient } from '../__testUtils__/clients';
import { MAIN, testInventory } from '../__testUtils__/fixtures';
import { rawTagging } from '../__testUtils__/rawCall';
import type { Inventory } from '../inventory/types';

describe('GetResources through the AWS SDK v3', () => {
  let emulator: EmulatorHandle;

  beforeEach(async () => {
    emulator = await startEmulator({
      port: 0,
      inventory: testInventory(),
      quota: { enabled: false },
    });
  });

  afterEach(async () => {
    await emulator.close();
  });

  it('pages through every resource of the region with paginateGetResources', async () => {
    const client = taggingClient(emulator.url);
    const pages = await allPages(client, {}, 100);
    const arns = arnsOf(pages);
    expect(pages.map(p => p.ResourceTagMappingList!.length)).toEqual([
      100, 100, 53,
    ]);
    expect(new Set(arns).size).toBe(253);
    expect([...arns].sort()).toEqual(arns);
    expect(pages[pages.length - 1].PaginationToken).toBe('');
    expect(arns).not.toContain(`arn:aws:iam::${MAIN}:role/admin`);
  });

  it('returns tags as Key/Value pairs, and untagged-once resources with no tags', async () => {
    const client = taggingClient(emulator.url, 'eu-west-1');
    const pages = await allPages(client);
    const byArn = new Map(
      pages[0].ResourceTagMappingList!.map(r => [r.ResourceARN, r.Tags]),
    );
    expect(
      byArn.get(`arn:aws:lambda:eu-west-1:${MAIN}:function:orders-handler`),
    ).toEqual([
      { Key: 'owner', Value: 'checkout' },
      { Key: 'environment', Value: 'prod' },
    ]);
    expect(byArn.get(`arn:aws:sqs:eu-west-1:${MAIN}:orders-queue`)).toEqual([]);
  });

  it('honours ResourcesPerPage', async () => {
    const pages = await allPages(taggingClient(emulator.url), {}, 7);
    expect(pages).toHaveLength(Math.ceil(253 / 7));
    expect(
      pages.slice(0, -1).every(p => p.ResourceTagMappingList!.length === 7),
    ).toBe(true);
  });

  it('honours TagsPerPage without splitting a resource', async () => {
    const pages = await allPages(taggingClient(emulator.url), {
      TagsPerPage: 100,
      ResourceTypeFilters: ['ec2:instance'],
    });
    const tagCounts = pages.map(p =>
      p.ResourceTagMappingList!.reduce(
        (n, r) => n + Math.max(1, r.Tags!.length),
        0,
      ),
    );
    expect(tagCounts.every(n => n <= 100)).toBe(true);
    expect(arnsOf(pages)).toHaveLength(250);
    expect(pages.length).toBeGreaterThan(5);
  });

  it('ANDs tag filters and ORs the values within one', async () => {
    const pages = await allPages(taggingClient(emulator.url), {
      TagFilters: [
        { Key: 'owner', Values: ['payments', 'search'] },
        { Key: 'environment', Values: ['prod'] },
      ],
    });
    const tags = pages
      .flatMap(p => p.ResourceTagMappingList!)
      .map(r => Object.fromEntries(r.Tags!.map(t => [t.Key, t.Value])));
    // instances 0..249: owner by i % 3 (payments 0, search 1), prod when i is even
    const expected = Array.from({ length: 250 }, (_, i) => i).filter(
      i => i % 3 !== 2 && i % 2 === 0,
    ).length;
    expect(tags).toHaveLength(expected);
    expect(
      tags.every(
        t =>
          ['payments', 'search'].includes(t.owner) && t.environment === 'prod',
      ),
    ).toBe(true);
  });

  it('matches a key-only filter on any value', async () => {
    const pages = await allPages(taggingClient(emulator.url), {
      TagFilters: [{ Key: 'cost-center' }],
    });
    expect(arnsOf(pages)).toHaveLength(25);
  });

  it('filters by service and by service:type', async () => {
    const client = taggingClient(emulator.url, 'eu-west-1');
    const byService = arnsOf(
      await allPages(client, { ResourceTypeFilters: ['sqs', 'lambda'] }),
    );
    expect(byService).toEqual([
      `arn:aws:lambda:eu-west-1:${MAIN}:function:orders-handler`,
      `arn:aws:sqs:eu-west-1:${MAIN}:orders-queue`,
    ]);
    const byType = arnsOf(
      await allPages(client, { ResourceTypeFilters: ['rds:db', 's3:bucket'] }),
    );
    expect(byType).toEqual([
      `arn:aws:rds:eu-west-1:${MAIN}:db:orders-db`,
      'arn:aws:s3:::main-logs',
    ]);
  });

  it('lists CloudFront and Route 53 only from us-east-1 and S3 buckets from their home region', async () => {
    const east = arnsOf(
      await allPages(taggingClient(emulator.url), {
        ResourceTypeFilters: ['cloudfront', 'route53', 's3'],
      }),
    );
    expect(east).toEqual([
      `arn:aws:cloudfront::${MAIN}:distribution/E1234567890ABC`,
      'arn:aws:route53:::hostedzone/Z0000000000000000001',
      'arn:aws:s3:::main-assets',
    ]);
    const west = arnsOf(
      await allPages(taggingClient(emulator.url, 'eu-west-1'), {
        ResourceTypeFilters: ['cloudfront', 'route53', 's3'],
      }),
    );
    expect(west).toEqual(['arn:aws:s3:::main-logs']);
  });

  it('returns compliance details against the inventory tag policy and can exclude compliant resources', async () => {
    const client = taggingClient(emulator.url, 'eu-west-1');
    const all = (
      await allPages(client, { IncludeComplianceDetails: true })
    ).flatMap(p => p.ResourceTagMappingList!);
    const details = Object.fromEntries(
      all.map(r => [r.ResourceARN, r.ComplianceDetails]),
    );
    expect(details['arn:aws:s3:::main-logs']).toEqual({
      ComplianceStatus: false,
      NoncompliantKeys: ['Owner'],
      KeysWithNoncompliantValues: [],
    });
    expect(details[`arn:aws:rds:eu-west-1:${MAIN}:db:orders-db`]).toEqual({
      ComplianceStatus: false,
      NoncompliantKeys: [],
      KeysWithNoncompliantValues: ['environment'],
    });
    expect(details[`arn:aws:sqs:eu-west-1:${MAIN}:orders-queue`]).toEqual({
      ComplianceStatus: false,
      NoncompliantKeys: ['owner'],
      KeysWithNoncompliantValues: [],
    });
    expect(
      details[`arn:aws:lambda:eu-west-1:${MAIN}:function:orders-handler`]
        ?.ComplianceStatus,
    ).toBe(true);

    const noncompliant = arnsOf(
      await allPages(client, {
        IncludeComplianceDetails: true,
        ExcludeCompliantResources: true,
      }),
    );
    expect(noncompliant).toHaveLength(3);
    expect(noncompliant).not.toContain(
      `arn:aws:lambda:eu-west-1:${MAIN}:function:orders-handler`,
    );
  });

  it('leaves ComplianceDetails out unless asked', async () => {
    const page = await taggingClient(emulator.url).send(
      new GetResourcesCommand({ ResourcesPerPage: 1 }),
    );
    expect(page.ResourceTagMappingList![0].ComplianceDetails).toBeUndefined();
  });

  it('looks up a ResourceARNList, ignoring ARNs it does not know', async () => {
    const known = `arn:aws:ec2:us-east-1:${MAIN}:instance/i-00000000000000005`;
    const page = await taggingClient(emulator.url).send(
      new GetResourcesCommand({
        ResourceARNList: [
          known,
          `arn:aws:ec2:us-east-1:${MAIN}:instance/i-99999999999999999`,
        ],
      }),
    );
    expect(page.ResourceTagMappingList!.map(r => r.ResourceARN)).toEqual([
      known,
    ]);
    expect(page.PaginationToken).toBe('');
  });

  it('keeps accounts apart: the main account does not see the member account', async () => {
    const arns = arnsOf(
      await allPages(taggingClient(emulator.url), {
        ResourceTypeFilters: ['sqs'],
      }),
    );
    expect(arns).toEqual([]);
  });

  it('lets a page be retried with the same token', async () => {
    const client = taggingClient(emulator.url);
    const first = await client.send(
      new GetResourcesCommand({ ResourcesPerPage: 10 }),
    );
    const token = first.PaginationToken!;
    const again = await client.send(
      new GetResourcesCommand({ ResourcesPerPage: 10, PaginationToken: token }),
    );
    const replay = await client.send(
      new GetResourcesCommand({ ResourcesPerPage: 10, PaginationToken: token }),
    );
    expect(replay.ResourceTagMappingList).toEqual(again.ResourceTagMappingList);
    expect(again.ResourceTagMappingList![0].ResourceARN).not.toBe(
      first.ResourceTagMappingList![0].ResourceARN,
    );
  });

  it('serves a newly loaded inventory', async () => {
    const inventory: Inventory = {
      version: 1,
      mainAccountId: MAIN,
      accounts: [{ accountId: MAIN, regions: ['us-east-1'] }],
      resources: [
        { arn: `arn:aws:sns:us-east-1:${MAIN}:alerts`, tags: { owner: 'sre' } },
      ],
    };
    emulator.loadInventory(inventory);
    expect(arnsOf(await allPages(taggingClient(emulator.url)))).toEqual([
      `arn:aws:sns:us-east-1:${MAIN}:alerts`,
    ]);
  });
});

describe('GetResources parameter validation', () => {
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

  const invalid: Array<[string, unknown]> = [
    ['ResourcesPerPage 0', { ResourcesPerPage: 0 }],
    ['ResourcesPerPage 101', { ResourcesPerPage: 101 }],
    ['TagsPerPage 99', { TagsPerPage: 99 }],
    ['TagsPerPage 501', { TagsPerPage: 501 }],
    ['a tag filter without a key', { TagFilters: [{ Values: ['x'] }] }],
    ['a tag key of 129 characters', { TagFilters: [{ Key: 'k'.repeat(129) }] }],
    [
      '21 values in a tag filter',
      { TagFilters: [{ Key: 'owner', Values: Array(21).fill('x') }] },
    ],
    [
      'a value of 257 characters',
      { TagFilters: [{ Key: 'owner', Values: ['v'.repeat(257)] }] },
    ],
    [
      '51 tag filters',
      { TagFilters: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}` })) },
    ],
    [
      'a malformed resource type filter',
      { ResourceTypeFilters: ['EC2 instance'] },
    ],
    ['an empty ResourceARNList', { ResourceARNList: [] }],
    [
      '101 ARNs',
      {
        ResourceARNList: Array.from(
          { length: 101 },
          (_, i) => `arn:aws:sqs:us-east-1:${MAIN}:q${i}`,
        ),
      },
    ],
    [
      'ResourceARNList with ResourcesPerPage',
      {
        ResourceARNList: [`arn:aws:sqs:us-east-1:${MAIN}:q`],
        ResourcesPerPage: 10,
      },
    ],
    [
      'ResourceARNList with TagsPerPage',
      {
        ResourceARNList: [`arn:aws:sqs:us-east-1:${MAIN}:q`],
        TagsPerPage: 100,
      },
    ],
    [
      'ResourceARNList with PaginationToken',
      {
        ResourceARNList: [`arn:aws:sqs:us-east-1:${MAIN}:q`],
        PaginationToken: 'x',
      },
    ],
    [
      'ExcludeCompliantResources without IncludeComplianceDetails',
      { ExcludeCompliantResources: true },
    ],
    ['a token that is not one', { PaginationToken: 'not-a-token' }],
    ['a token of 2049 characters', { PaginationToken: 'x'.repeat(2049) }],
  ];

  it.each(invalid)(
    'answers InvalidParameterException with 400 for %s',
    async (_, body) => {
      const res = await rawTagging(emulator.url, 'GetResources', body);
      expect(res.status).toBe(400);
      expect(res.body.__type).toBe('InvalidParameterException');
      expect(typeof res.body.Message).toBe('string');
      expect(res.headers.get('content-type')).toBe(
        'application/x-amz-json-1.1',
      );
    },
  );

  it('surfaces the error name through the SDK', async () => {
    await expect(
      taggingClient(emulator.url).send(
        new GetResourcesCommand({ ResourcesPerPage: 500 }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('rejects a token used with other filters than the ones that issued it', async () => {
    const first = await rawTagging(emulator.url, 'GetResources', {
      ResourcesPerPage: 1,
    });
    const res = await rawTagging(emulator.url, 'GetResources', {
      PaginationToken: first.body.PaginationToken,
      TagFilters: [{ Key: 'owner' }],
    });
    expect(res.body.__type).toBe('InvalidParameterException');
  });

  it('answers SerializationException for a member of the wrong type and for bad JSON', async () => {
    expect(
      (
        await rawTagging(emulator.url, 'GetResources', {
          ResourcesPerPage: '10',
        })
      ).body.__type,
    ).toBe('SerializationException');
    expect(
      (await rawTagging(emulator.url, 'GetResources', '{not json')).body.__type,
    ).toBe('SerializationException');
  });

  it('answers UnknownOperationException for an operation it does not emulate', async () => {
    const res = await rawTagging(emulator.url, 'TagResources', {});
    expect(res.status).toBe(400);
    expect(res.body.__type).toBe('UnknownOperationException');
    // names inherited by every object are no operations either
    for (const name of ['constructor', 'toString', '__proto__']) {
      const inherited = await rawTagging(emulator.url, name, {});
      expect(inherited.status).toBe(400);
      expect(inherited.body.__type).toBe('UnknownOperationException');
    }
  });

  it('answers MissingAuthenticationTokenException to an unsigned call', async () => {
    const res = await rawTagging(
      emulator.url,
      'GetResources',
      {},
      { auth: false },
    );
    expect(res.body.__type).toBe('MissingAuthenticationTokenException');
  });
});

describe('pagination token lifetime', () => {
  it('expires tokens after the configured lifetime with PaginationTokenExpiredException', async () => {
    const emulator = await startEmulator({
      port: 0,
      inventory: testInventory(),
      quota: { enabled: false },
      paginationTokenTtlMs: 50,
    });
    try {
      const client = taggingClient(emulator.url);
      const first = await client.send(
        new GetResourcesCommand({ ResourcesPerPage: 10 }),
      );
      await new Promise(resolve => setTimeout(resolve, 80));
      await expect(
        client.send(
          new GetResourcesCommand({
            ResourcesPerPage: 10,
            PaginationToken: first.PaginationToken,
          }),
        ),
      ).rejects.toMatchObject({
        name: 'PaginationTokenExpiredException',
        $metadata: { httpStatusCode: 400 },
      });
    } finally {
      await emulator.close();
    }
  });

  it('expires every open token on demand', async () => {
    const emulator = await startEmulator({
      port: 0,
      inventory: testInventory(),
      quota: { enabled: false },
    });
    try {
      const client = taggingClient(emulator.url);
      const first = await client.send(
        new GetResourcesCommand({ ResourcesPerPage: 10 }),
      );
      expect(emulator.stats().openPaginationTokens).toBe(1);
      emulator.expirePaginationTokens();
      expect(emulator.stats().openPaginationTokens).toBe(0);
      const res = await rawTagging(emulator.url, 'GetResources', {
        ResourcesPerPage: 10,
        PaginationToken: first.PaginationToken,
      });
      expect(res.status).toBe(400);
      expect(res.body.__type).toBe('PaginationTokenExpiredException');
    } finally {
      await emulator.close();
    }
  });
});

describe('GetTagKeys and GetTagValues', () => {
  let emulator: EmulatorHandle;

  beforeAll(async () => {
    const inventory = testInventory();
    inventory.resources.push(
      ...Array.from({ length: 150 }, (_, i) => ({
        arn: `arn:aws:sns:us-east-1:${MAIN}:topic-${i}`,
        tags: {
          [`label-${String(i).padStart(3, '0')}`]: 'x',
          owner: `team-${String(i).padStart(3, '0')}`,
        },
      })),
    );
    emulator = await startEmulator({
      port: 0,
      inventory,
      quota: { enabled: false },
    });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('pages through every tag key of the region', async () => {
    const client = taggingClient(emulator.url);
    const keys: string[] = [];
    let pages = 0;
    for await (const page of paginateGetTagKeys({ client }, {})) {
      keys.push(...page.TagKeys!);
      pages++;
    }
    expect(pages).toBe(2);
    expect(keys).toHaveLength(153);
    expect(keys).toEqual(
      expect.arrayContaining([
        'owner',
        'environment',
        'cost-center',
        'label-149',
      ]),
    );
  });

  it('pages through every value of one key', async () => {
    const client = taggingClient(emulator.url);
    const values: string[] = [];
    for await (const page of paginateGetTagValues(
      { client },
      { Key: 'owner' },
    )) {
      values.push(...page.TagValues!);
    }
    expect(values).toHaveLength(150 + 4);
    expect(values).toEqual([...values].sort());
    expect(values).toEqual(
      expect.arrayContaining(['payments', 'platform', 'team-000']),
    );
  });

  it('answers an unknown key with no values, and a missing key with InvalidParameterException', async () => {
    const client = taggingClient(emulator.url);
    expect(
      (await client.send(new GetTagValuesCommand({ Key: 'nope' }))).TagValues,
    ).toEqual([]);
    const res = await rawTagging(emulator.url, 'GetTagValues', {});
    expect(res.body.__type).toBe('InvalidParameterException');
  });

  it('keys are per region', async () => {
    const keys = (
      await taggingClient(emulator.url, 'eu-west-1').send(
        new GetTagKeysCommand({}),
      )
    ).TagKeys;
    expect(keys).toEqual(['Owner', 'environment', 'owner']);
  });
});
