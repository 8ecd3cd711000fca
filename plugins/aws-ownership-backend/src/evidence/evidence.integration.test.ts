import {
  EmulatorHandle,
  generateDemoInventory,
  Inventory,
  startEmulator,
} from '@aws-ownership/aws-emulator';
import { factsFromConfigItem } from '@aws-ownership/backstage-plugin-common';
import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { demoAccounts, startScanBackend } from '../__testUtils__/scanBackend';
import { scanTaskId } from '../scan/scheduleScans';

jest.setTimeout(180_000);

const MAIN = '111122223333';
const MEMBER = '222233334444';

type InventoryEntry = Inventory['resources'][number];

const accountOf = (inventory: Inventory, r: InventoryEntry) =>
  r.arn.split(':')[4] || r.accountId || inventory.mainAccountId;
const regionOf = (r: InventoryEntry) =>
  r.arn.split(':')[2] === 'cloudfront'
    ? 'us-east-1'
    : r.arn.split(':')[3] || r.region || 'us-east-1';
const recorderOff = (inventory: Inventory, accountId: string, region: string) =>
  Boolean(
    inventory.accounts
      .find(a => a.accountId === accountId)
      ?.configRecorderOff?.includes(region),
  );

describe('evidence from AWS Config, scanned through the plugin', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  let emulator: EmulatorHandle;
  let inventory: Inventory;
  const stsEndpoint = process.env.AWS_ENDPOINT_URL_STS;

  beforeAll(async () => {
    inventory = generateDemoInventory();
    emulator = await startEmulator({ port: 0, inventory });
    process.env.AWS_ENDPOINT_URL_STS = emulator.url;
  });

  afterAll(async () => {
    await emulator.close();
    if (stsEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
    else process.env.AWS_ENDPOINT_URL_STS = stsEndpoint;
  });

  beforeEach(() => {
    emulator.reset();
    emulator.loadInventory(inventory);
  });

  async function scan(databaseId: 'SQLITE_3' | 'POSTGRES_15') {
    const knex = await databases.init(databaseId);
    const started = await startScanBackend({
      emulatorUrl: emulator.url,
      knex,
      awsOwnership: {
        evidence: { awsConfig: { enabled: true, requestsPerSecond: 50 } },
      },
    });
    await Promise.all(
      demoAccounts.map(a =>
        started.scheduler.triggerTask(scanTaskId(a.accountId)),
      ),
    );
    const api = (path: string) =>
      request(started.backend.server).get(`/api/aws-ownership${path}`);
    return { ...started, api };
  }

  const resultOf = async (
    api: (path: string) => request.Test,
    arn: string,
    checkId: string,
  ) => {
    const res = await api(`/resources/${encodeURIComponent(arn)}`);
    expect(res.status).toBe(200);
    return {
      rated: res.body,
      result: res.body.rating.results.find(
        (r: { checkId: string }) => r.checkId === checkId,
      ),
    };
  };

  /** Every inventory entry Config records in an account and region. */
  const recordedIn = (accountId: string, region: string) =>
    inventory.resources.filter(
      r =>
        r.config &&
        accountOf(inventory, r) === accountId &&
        regionOf(r) === region,
    );

  /** Recorded, listed resources whose facts say so, where Config records. */
  const recorded = (
    type: string,
    predicate: (facts: ReturnType<typeof factsFromConfigItem>) => boolean,
    neverTagged = false,
  ) =>
    inventory.resources.filter(
      r =>
        r.config?.resourceType === type &&
        Boolean(r.neverTagged) === neverTagged &&
        !recorderOff(inventory, accountOf(inventory, r), regionOf(r)) &&
        predicate(factsFromConfigItem(r.config)),
    );

  it.each(databases.eachSupportedId())(
    'verifies facts, stores never-tagged resources as unowned and reports coverage, %p',
    async databaseId => {
      const { backend, api } = await scan(databaseId as any);

      // an unencrypted volume fails encryption-at-rest, verified
      const volume = recorded(
        'AWS::EC2::Volume',
        f => f.encryptedAtRest === false,
      )[0];
      expect(volume).toBeDefined();
      const { result: encryption } = await resultOf(
        api,
        volume.arn,
        'responsibility.encryption-at-rest',
      );
      expect(encryption).toMatchObject({
        status: 'fail',
        basis: 'verified',
        evidence: {
          fact: 'encryptedAtRest',
          value: false,
          property: 'configuration.encrypted',
          source: 'AWS Config',
        },
      });

      // a never-tagged public bucket is stored, unowned, and fails no-public-access
      const bucket = recorded(
        'AWS::S3::Bucket',
        f => f.publicAccess === true,
        true,
      )[0];
      expect(bucket).toBeDefined();
      const { rated, result: exposure } = await resultOf(
        api,
        bucket.arn,
        'responsibility.no-public-access',
      );
      expect(rated.neverTagged).toBe(true);
      expect(rated.ownership.ownerRef).toBeUndefined();
      expect(exposure).toMatchObject({ status: 'fail', basis: 'verified' });
      const statuses = Object.fromEntries(
        rated.rating.results.map((r: any) => [r.checkId, r.status]),
      );
      expect(statuses['responsibility.owner-assigned']).toBe('fail');
      expect(statuses['tagging.required']).toBe('fail');
      const unowned = await api(`/resources?owner=unowned&limit=500`);
      expect(unowned.status).toBe(200);
      expect(unowned.body.items.map((r: any) => r.resource.arn)).toContain(
        bucket.arn,
      );

      // the member account's eu-central-1 has no recorder: the scan succeeds,
      // evidence-only checks are not applicable there, and /accounts says why
      const offVolume = inventory.resources.find(
        r =>
          !r.neverTagged &&
          r.arn.startsWith(`arn:aws:ec2:eu-central-1:${MEMBER}:volume/`),
      )!;
      const { result: offResult } = await resultOf(
        api,
        offVolume.arn,
        'responsibility.encryption-at-rest',
      );
      expect(offResult.status).toBe('not-applicable');
      expect(offResult.message).toContain(
        'no evidence: AWS Config does not record this resource here',
      );
      expect(offResult.message).toContain('not recording in eu-central-1');

      const scans = await api('/scans');
      expect(scans.body.items.map((s: any) => s.status)).toEqual([
        'succeeded',
        'succeeded',
      ]);

      const accounts = (await api('/accounts')).body.items;
      const member = accounts.find((a: any) => a.accountId === MEMBER);
      const off = member.coverage.find((c: any) => c.region === 'eu-central-1');
      expect(off).toMatchObject({
        configRecording: 'off',
        evidenceAvailable: false,
        evidenceUnavailableReason:
          'AWS Config is not recording in eu-central-1',
        recordedByConfig: 0,
      });
      for (const account of accounts) {
        for (const coverage of account.coverage) {
          const inRegion = recordedIn(account.accountId, coverage.region);
          if (recorderOff(inventory, account.accountId, coverage.region))
            continue;
          expect(coverage).toMatchObject({
            configRecording: 'on',
            evidenceAvailable: true,
            recordedByConfig: inRegion.length,
            neverTagged: inRegion.filter(r => r.neverTagged).length,
          });
        }
      }
      expect(
        accounts.find((a: any) => a.accountId === MAIN).coverage,
      ).toHaveLength(3);
      await backend.stop();
    },
  );

  it('loses no facts when AWS Config throttles 30% of calls', async () => {
    emulator.setFaults({
      throttleShare: 0.3,
      operations: [
        'SelectResourceConfig',
        'DescribeConfigurationRecorderStatus',
      ],
    });
    const { backend, api } = await scan('SQLITE_3');
    const accounts = (await api('/accounts')).body.items;
    for (const account of accounts) {
      for (const coverage of account.coverage) {
        if (recorderOff(inventory, account.accountId, coverage.region))
          continue;
        const inRegion = recordedIn(account.accountId, coverage.region);
        expect(coverage).toMatchObject({
          evidenceAvailable: true,
          recordedByConfig: inRegion.length,
        });
      }
    }
    const throttled = emulator
      .stats()
      .calls.filter(
        (c: any) => c.operation === 'SelectResourceConfig' && c.throttled,
      );
    expect(throttled.length).toBeGreaterThan(0);
    // every recorded volume carries its verified verdict
    for (const volume of recorded('AWS::EC2::Volume', () => true)) {
      const { result } = await resultOf(
        api,
        volume.arn,
        'responsibility.encryption-at-rest',
      );
      expect(result.basis).toBe('verified');
    }
    await backend.stop();
  });
});
