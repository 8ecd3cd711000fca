import {
  ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  paginateSelectAggregateResourceConfig,
  paginateSelectResourceConfig,
  SelectAggregateResourceConfigCommand,
  SelectResourceConfigCommand,
} from '@aws-sdk/client-config-service';
import type { Inventory, InventoryResource } from '../inventory/types';
import { EmulatorHandle, startEmulator } from '../server';
import { awsCli } from '../__testUtils__/awsCli';
import {
  allPages,
  arnsOf,
  DUMMY_CREDENTIALS,
  taggingClient,
} from '../__testUtils__/clients';

jest.setTimeout(60_000);

const MAIN = '111111111111';
const MEMBER = '222222222222';

function volumeId(i: number): string {
  return `vol-${String(i).padStart(17, '0')}`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

function volume(
  i: number,
  region = 'us-east-1',
  account = MAIN,
): InventoryResource {
  const id = volumeId(i);
  return {
    arn: `arn:aws:ec2:${region}:${account}:volume/${id}`,
    tags: { owner: 'payments' },
    config: {
      resourceType: 'AWS::EC2::Volume',
      configuration: { volumeId: id, encrypted: i % 2 === 0, size: 8 + i },
    },
  };
}

/** 150 volumes (every second one unencrypted), a never-tagged public bucket, an open security group, a region without Config. */
function configInventory(): Inventory {
  return {
    version: 1,
    mainAccountId: MAIN,
    accounts: [
      {
        accountId: MAIN,
        regions: ['us-east-1', 'eu-west-1'],
        configRecorderOff: ['eu-west-1'],
      },
      {
        accountId: MEMBER,
        regions: ['us-east-1'],
        roles: [{ name: 'ownership-reader' }],
      },
    ],
    configAggregators: [{ name: 'org', accountId: MAIN, region: 'us-east-1' }],
    resources: [
      ...Array.from({ length: 150 }, (_, i) => volume(i)),
      {
        arn: 'arn:aws:s3:::forgotten-exports',
        region: 'us-east-1',
        accountId: MAIN,
        tags: {},
        neverTagged: true,
        config: {
          resourceType: 'AWS::S3::Bucket',
          configuration: { name: 'forgotten-exports' },
          supplementaryConfiguration: {
            PublicAccessBlockConfiguration: {
              blockPublicAcls: false,
              ignorePublicAcls: false,
              blockPublicPolicy: false,
              restrictPublicBuckets: false,
            },
            BucketVersioningConfiguration: { status: 'Off' },
          },
        },
      },
      {
        arn: `arn:aws:ec2:us-east-1:${MAIN}:security-group/sg-00000000000000001`,
        tags: { owner: 'networking' },
        config: {
          resourceType: 'AWS::EC2::SecurityGroup',
          configuration: {
            groupId: 'sg-00000000000000001',
            ipPermissions: [
              {
                ipProtocol: 'tcp',
                fromPort: 443,
                toPort: 443,
                ipv4Ranges: [{ cidrIp: '10.0.0.0/8' }],
              },
              {
                ipProtocol: 'tcp',
                fromPort: 22,
                toPort: 22,
                ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
              },
            ],
          },
        },
      },
      {
        arn: `arn:aws:rds:eu-west-1:${MAIN}:db:orders-db`,
        tags: { owner: 'checkout' },
        config: {
          resourceType: 'AWS::RDS::DBInstance',
          configuration: {
            dBInstanceIdentifier: 'orders-db',
            storageEncrypted: false,
          },
        },
      },
      volume(1000, 'us-east-1', MEMBER),
    ],
  };
}

function configClient(url: string, region = 'us-east-1', extra: object = {}) {
  return new ConfigServiceClient({
    endpoint: url,
    region,
    credentials: DUMMY_CREDENTIALS,
    ...extra,
  });
}

async function select(
  client: ConfigServiceClient,
  expression: string,
  pageSize = 100,
) {
  const rows: any[] = [];
  for await (const page of paginateSelectResourceConfig(
    { client, pageSize },
    { Expression: expression },
  )) {
    rows.push(...(page.Results ?? []).map(r => JSON.parse(r)));
  }
  return rows;
}

describe('AWS Config (StarlingDoveService) through the AWS SDK v3', () => {
  let emulator: EmulatorHandle;

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      inventory: configInventory(),
      configQuota: { enabled: false },
    });
  });

  afterAll(async () => {
    await emulator.close();
  });

  beforeEach(() => {
    emulator.reset();
    emulator.setConfigQuota({ enabled: false });
  });

  it('selects properties by resource type, nested as in the configuration item, with QueryInfo', async () => {
    const client = configClient(emulator.url);
    const page = await client.send(
      new SelectResourceConfigCommand({
        Expression:
          "SELECT resourceId, arn, configuration.encrypted, tags WHERE resourceType = 'AWS::EC2::Volume' AND configuration.encrypted = false",
        Limit: 100,
      }),
    );
    expect(page.QueryInfo?.SelectFields).toEqual([
      { Name: 'resourceId' },
      { Name: 'arn' },
      { Name: 'configuration.encrypted' },
      { Name: 'tags' },
    ]);
    expect(JSON.parse(page.Results![0])).toEqual({
      resourceId: 'vol-00000000000000001',
      arn: `arn:aws:ec2:us-east-1:${MAIN}:volume/vol-00000000000000001`,
      configuration: { encrypted: false },
      tags: [{ key: 'owner', value: 'payments', tag: 'owner=payments' }],
    });
    expect(page.Results).toHaveLength(75);
    expect(page.NextToken).toBeUndefined();
  });

  it('pages 100 at a time with NextToken and rejects a foreign or unknown token', async () => {
    const client = configClient(emulator.url);
    const expression =
      "SELECT resourceId WHERE resourceType = 'AWS::EC2::Volume'";
    const first = await client.send(
      new SelectResourceConfigCommand({ Expression: expression, Limit: 100 }),
    );
    expect(first.Results).toHaveLength(100);
    expect(first.NextToken).toBeTruthy();
    const second = await client.send(
      new SelectResourceConfigCommand({
        Expression: expression,
        Limit: 100,
        NextToken: first.NextToken,
      }),
    );
    expect(second.Results).toHaveLength(50);
    expect(second.NextToken).toBeUndefined();
    const ids = [...first.Results!, ...second.Results!].map(
      r => JSON.parse(r).resourceId,
    );
    expect(new Set(ids).size).toBe(150);
    expect(await select(client, expression, 40)).toHaveLength(150);
    await expect(
      client.send(
        new SelectResourceConfigCommand({
          Expression: "SELECT arn WHERE resourceType = 'AWS::EC2::Volume'",
          NextToken: first.NextToken,
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
    await expect(
      client.send(
        new SelectResourceConfigCommand({
          Expression: expression,
          NextToken: 'nonsense',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
    await expect(
      client.send(
        new SelectResourceConfigCommand({ Expression: expression, Limit: 101 }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidLimitException' });
  });

  it('filters with IN, LIKE, NOT, OR and conditions on array properties', async () => {
    const client = configClient(emulator.url);
    const types = await select(
      client,
      "SELECT resourceType WHERE resourceType IN ('AWS::S3::Bucket', 'AWS::EC2::SecurityGroup')",
    );
    expect(types.map(r => r.resourceType).sort()).toEqual([
      'AWS::EC2::SecurityGroup',
      'AWS::S3::Bucket',
    ]);
    const liked = await select(
      client,
      "SELECT resourceId WHERE resourceId LIKE 'vol-00000000000000_4_'",
    );
    expect(liked.map(r => r.resourceId)).toEqual(
      [...range(40, 50), ...range(140, 150)].map(volumeId),
    );
    const notVolumes = await select(
      client,
      "SELECT resourceId WHERE NOT resourceType = 'AWS::EC2::Volume' OR resourceId = 'vol-00000000000000007'",
    );
    expect(notVolumes.map(r => r.resourceId).sort()).toEqual([
      'forgotten-exports',
      'sg-00000000000000001',
      'vol-00000000000000007',
    ]);
    const open = await select(
      client,
      "SELECT resourceId, configuration.ipPermissions.fromPort WHERE configuration.ipPermissions.ipv4Ranges.cidrIp = '0.0.0.0/0'",
    );
    expect(open).toEqual([
      {
        resourceId: 'sg-00000000000000001',
        configuration: { ipPermissions: [{ fromPort: 443 }, { fromPort: 22 }] },
      },
    ]);
    const counted = await select(
      client,
      'SELECT resourceType, COUNT(*) GROUP BY resourceType ORDER BY resourceType',
    );
    expect(counted).toEqual([
      { resourceType: 'AWS::EC2::SecurityGroup', 'COUNT(*)': 1 },
      { resourceType: 'AWS::EC2::Volume', 'COUNT(*)': 150 },
      { resourceType: 'AWS::S3::Bucket', 'COUNT(*)': 1 },
    ]);
  });

  it.each([
    'SELEKT resourceId',
    "SELECT resourceId FROM resources WHERE resourceType = 'AWS::S3::Bucket'",
    "SELECT resourceId WHERE resourceType = 'AWS::S3::Bucket'; SELECT arn",
    'SELECT resourceId WHERE resourceType',
  ])('answers InvalidExpressionException for %s', async expression => {
    await expect(
      configClient(emulator.url).send(
        new SelectResourceConfigCommand({ Expression: expression }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidExpressionException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('records nothing where the recorder is off, and says so', async () => {
    const west = configClient(emulator.url, 'eu-west-1');
    const status = await west.send(
      new DescribeConfigurationRecorderStatusCommand({}),
    );
    expect(status.ConfigurationRecordersStatus).toEqual([
      expect.objectContaining({ name: 'default', recording: false }),
    ]);
    expect(await select(west, 'SELECT resourceId')).toEqual([]);
    const east = await configClient(emulator.url).send(
      new DescribeConfigurationRecorderStatusCommand({}),
    );
    expect(east.ConfigurationRecordersStatus?.[0]).toMatchObject({
      recording: true,
      lastStatus: 'Success',
    });
    await expect(
      west.send(
        new DescribeConfigurationRecorderStatusCommand({
          ConfigurationRecorderNames: ['other'],
        }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchConfigurationRecorderException' });
  });

  it('shows a never-tagged resource to AWS Config and never lists it in GetResources', async () => {
    const buckets = await select(
      configClient(emulator.url),
      "SELECT arn, tags, supplementaryConfiguration.PublicAccessBlockConfiguration WHERE resourceType = 'AWS::S3::Bucket'",
    );
    expect(buckets).toEqual([
      {
        arn: 'arn:aws:s3:::forgotten-exports',
        tags: [],
        supplementaryConfiguration: {
          PublicAccessBlockConfiguration: {
            blockPublicAcls: false,
            ignorePublicAcls: false,
            blockPublicPolicy: false,
            restrictPublicBuckets: false,
          },
        },
      },
    ]);
    const listed = arnsOf(await allPages(taggingClient(emulator.url), {}));
    expect(listed).toHaveLength(151);
    expect(listed).not.toContain('arn:aws:s3:::forgotten-exports');
  });

  it('answers an aggregator query over every account, and NoSuchConfigurationAggregatorException for another name', async () => {
    const client = configClient(emulator.url);
    const rows: any[] = [];
    for await (const page of paginateSelectAggregateResourceConfig(
      { client, pageSize: 100 },
      {
        ConfigurationAggregatorName: 'org',
        Expression:
          "SELECT accountId, awsRegion, resourceId WHERE resourceType = 'AWS::EC2::Volume'",
      },
    )) {
      rows.push(...(page.Results ?? []).map(r => JSON.parse(r)));
    }
    expect(rows).toHaveLength(151);
    expect(rows[150]).toEqual({
      accountId: MEMBER,
      awsRegion: 'us-east-1',
      resourceId: volumeId(1000),
    });
    await expect(
      client.send(
        new SelectAggregateResourceConfigCommand({
          ConfigurationAggregatorName: 'nope',
          Expression: 'SELECT arn',
        }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchConfigurationAggregatorException' });
    await expect(
      configClient(emulator.url, 'eu-west-1').send(
        new SelectAggregateResourceConfigCommand({
          ConfigurationAggregatorName: 'org',
          Expression: 'SELECT arn',
        }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchConfigurationAggregatorException' });
  });

  it('throttles beyond its quota with ThrottlingException, which the SDK retries', async () => {
    emulator.setConfigQuota({ enabled: true, selectsPerSecond: 2 });
    const once = configClient(emulator.url, 'us-east-1', { maxAttempts: 1 });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        once.send(
          new SelectResourceConfigCommand({
            Expression: 'SELECT resourceId',
            Limit: 1,
          }),
        ),
      ),
    );
    const rejected = results.filter(
      r => r.status === 'rejected',
    ) as PromiseRejectedResult[];
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected[0].reason).toMatchObject({ name: 'ThrottlingException' });
    emulator.setConfigQuota({ enabled: false });
    emulator.setFaults({
      throttleShare: 0.3,
      operations: ['SelectResourceConfig'],
    });
    const patient = configClient(emulator.url, 'us-east-1', {
      maxAttempts: 10,
    });
    expect(
      await select(
        patient,
        "SELECT resourceId WHERE resourceType = 'AWS::EC2::Volume'",
        10,
      ),
    ).toHaveLength(150);
    const east = emulator
      .stats()
      .calls.find(c => c.operation === 'SelectResourceConfig')!;
    expect(east.throttled).toBeGreaterThan(0);
  });

  it('fails a region the faults name with InternalFailure (500), and follows a new inventory', async () => {
    emulator.setFaults({ failingRegions: ['us-east-1'] });
    const once = configClient(emulator.url, 'us-east-1', { maxAttempts: 1 });
    await expect(
      once.send(new SelectResourceConfigCommand({ Expression: 'SELECT arn' })),
    ).rejects.toMatchObject({
      name: 'InternalFailure',
      $metadata: { httpStatusCode: 500 },
    });
    emulator.resetFaults();
    const first = await once.send(
      new SelectResourceConfigCommand({ Expression: 'SELECT arn', Limit: 1 }),
    );
    const inventory = configInventory();
    inventory.resources = inventory.resources.slice(0, 3);
    emulator.loadInventory(inventory);
    try {
      await expect(
        once.send(
          new SelectResourceConfigCommand({
            Expression: 'SELECT arn',
            Limit: 1,
            NextToken: first.NextToken,
          }),
        ),
      ).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
      expect(await select(once, 'SELECT arn')).toHaveLength(3);
    } finally {
      emulator.loadInventory(configInventory());
    }
  });

  it('answers the Debian AWS CLI (aws configservice select-resource-config)', async () => {
    const result = await awsCli(emulator.url, [
      'configservice',
      'select-resource-config',
      '--expression',
      "SELECT resourceId WHERE resourceType = 'AWS::EC2::SecurityGroup'",
    ]);
    expect(result.code).toBe(0);
    expect(result.json.Results.map((r: string) => JSON.parse(r))).toEqual([
      { resourceId: 'sg-00000000000000001' },
    ]);
  });
});
