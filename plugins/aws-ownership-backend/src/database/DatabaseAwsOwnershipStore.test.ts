import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ACCOUNT,
  OTHER_ACCOUNT,
  completion,
  createTestStore,
  instanceArn,
  ratedResource,
  runScan,
} from './__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const tables = [
  'scans',
  'resources',
  'current_regions',
  'teams',
  'team_scores',
];

async function currentArns(store: Awaited<ReturnType<typeof createTestStore>>) {
  const page = await store.listResources({
    sort: { field: 'arn', order: 'asc' },
    limit: 500,
  });
  return page.items.map(i => i.resource.arn);
}

describe('DatabaseAwsOwnershipStore scans', () => {
  it.each(databases.eachSupportedId())(
    'finds the running scan that shows signs of life, and withdraws unclaimed requests, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await createTestStore(knex);
      const regions = ['us-east-1'];
      const since = (ms: number) => ({
        aliveSince: new Date(Date.now() - ms),
      });
      expect(
        await store.getRunningScan(ACCOUNT, since(60_000)),
      ).toBeUndefined();

      const running = await store.createScan({
        accountId: ACCOUNT,
        regions,
        trigger: 'schedule',
      });
      expect(await store.getRunningScan(ACCOUNT, since(60_000))).toMatchObject({
        id: running.id,
      });
      expect(
        await store.getRunningScan(OTHER_ACCOUNT, since(60_000)),
      ).toBeUndefined();

      // silent for two minutes: left by a process that stopped
      const twoMinutesAgo = new Date(Date.now() - 120_000).toISOString();
      await knex('scans')
        .where('id', running.id)
        .update({ updated_at: twoMinutesAgo });
      expect(
        await store.getRunningScan(ACCOUNT, since(60_000)),
      ).toBeUndefined();
      // saving progress is a sign of life
      await store.updateScanProgress(running.id, [], {
        regionsTotal: 1,
        regionsDone: 0,
        resourcesCollected: 0,
        resourcesRated: 0,
      });
      expect(await store.getRunningScan(ACCOUNT, since(60_000))).toMatchObject({
        id: running.id,
      });

      const withdrawn = await store.requestScan({
        accountId: OTHER_ACCOUNT,
        regions,
        trigger: 'manual',
      });
      expect(await store.withdrawScanRequest(withdrawn.id)).toBe(true);
      expect(await store.getScan(withdrawn.id)).toBeUndefined();
      const claimed = await store.requestScan({
        accountId: OTHER_ACCOUNT,
        regions,
        trigger: 'manual',
      });
      await store.claimPendingScan(OTHER_ACCOUNT);
      expect(await store.withdrawScanRequest(claimed.id)).toBe(false);
      expect(
        await store.getRunningScan(OTHER_ACCOUNT, since(60_000)),
      ).toMatchObject({ id: claimed.id });
    },
  );

  it.each(databases.eachSupportedId())(
    'migrates up, down and up again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await createTestStore(knex);
      for (const table of tables) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }
      const migrations = await knex.migrate.list({
        directory: `${__dirname}/../../migrations`,
      });
      expect(migrations[1]).toEqual([]);

      await knex.migrate.rollback(
        { directory: `${__dirname}/../../migrations` },
        true,
      );
      for (const table of tables) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }

      const store = await createTestStore(knex);
      await runScan(store, ACCOUNT, {
        'us-east-1': [ratedResource({ arn: instanceArn('1') })],
      });
      expect(await store.countResources()).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a scan invisible until it completes, then serves what was written, %p',
    async databaseId => {
      const store = await createTestStore(await databases.init(databaseId));
      const written = [
        ratedResource({
          arn: instanceArn('1'),
          tags: { Name: 'orders-web', owner: 'payments', env: 'prod' },
          ownerRef: 'group:default/payments',
          componentRef: 'component:default/orders',
        }),
        ratedResource({ arn: 'arn:aws:s3:::orders-data', tags: {} }),
      ];
      // the fixture has failing checks with a CLI command in their remediation
      expect(
        written[0].rating.results.some(r => r.status === 'fail' && r.command),
      ).toBe(true);
      const scan = await store.createScan({
        accountId: ACCOUNT,
        regions: ['us-east-1'],
        trigger: 'manual',
        requestedBy: 'user:default/ada',
      });
      expect(scan).toMatchObject({
        status: 'running',
        trigger: 'manual',
        requestedBy: 'user:default/ada',
        regions: [
          { accountId: ACCOUNT, region: 'us-east-1', status: 'pending' },
        ],
        progress: { regionsTotal: 1, regionsDone: 0 },
      });
      expect(await store.writeResources(scan.id, written)).toBe(2);

      expect(await store.listResources({})).toEqual({
        items: [],
        totalCount: 0,
      });
      expect(await store.countResources()).toBe(0);
      expect(await store.getResource(instanceArn('1'))).toBeUndefined();
      const batches = [];
      for await (const batch of store.streamRatings()) batches.push(batch);
      expect(batches).toEqual([]);

      const before = new Date().toISOString();
      await store.completeScan(
        scan.id,
        completion(ACCOUNT, { 'us-east-1': 'succeeded' }),
      );
      const after = new Date().toISOString();

      const page = await store.listResources({
        sort: { field: 'arn', order: 'asc' },
      });
      expect(page.totalCount).toBe(2);
      expect(page.nextCursor).toBeUndefined();
      const lastSeenAt = page.items[0].lastSeenAt!;
      expect(lastSeenAt >= before && lastSeenAt <= after).toBe(true);
      // the store keeps each result's check, status and severity; the
      // service rebuilds the texts (hydrateRating)
      // which check capped a score depends on the configured caps: the service adds it
      const asStored = ({
        rating: { cappedBy: _cappedBy, ...rating },
        ...w
      }: (typeof written)[number]) => ({
        ...w,
        // an ARN without an account (S3) is served with the scanned one
        resource: { ...w.resource, accountId: w.resource.accountId || ACCOUNT },
        rating: {
          ...rating,
          results: rating.results.map(
            ({ checkId, checklist, status, severity }) => ({
              checkId,
              checklist,
              status,
              severity,
              message: '',
            }),
          ),
        },
        scanId: scan.id,
        lastSeenAt,
        stale: false,
      });
      expect(page.items).toEqual(written.map(asStored));
      expect(await store.getResource('arn:aws:s3:::orders-data')).toEqual(
        asStored(written[1]),
      );

      const ended = await store.getScan(scan.id);
      expect(ended).toMatchObject({ id: scan.id, status: 'succeeded' });
      expect(ended!.finishedAt).toBe(lastSeenAt);
    },
  );

  it.each(databases.eachSupportedId())(
    'replaces succeeded regions and keeps failed ones, stale, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await createTestStore(knex);
      const r = (id: string, region = 'us-east-1') =>
        ratedResource({ arn: instanceArn(id, region) });

      const first = await runScan(store, ACCOUNT, {
        'us-east-1': [r('a'), r('b')],
        'eu-west-1': [r('c', 'eu-west-1')],
      });
      const firstSeen = (await store.getResource(
        instanceArn('c', 'eu-west-1'),
      ))!.lastSeenAt;
      const other = await runScan(store, OTHER_ACCOUNT, {
        'us-east-1': [
          ratedResource({ arn: instanceArn('z', 'us-east-1', OTHER_ACCOUNT) }),
        ],
      });

      const second = await runScan(
        store,
        ACCOUNT,
        { 'us-east-1': [r('a'), r('d')], 'eu-west-1': 'failed' },
        [r('e', 'eu-west-1')],
      );

      expect(await currentArns(store)).toEqual(
        [
          instanceArn('a'),
          instanceArn('d'),
          instanceArn('z', 'us-east-1', OTHER_ACCOUNT),
          instanceArn('c', 'eu-west-1'),
        ].sort(),
      );
      const stale = await store.getResource(instanceArn('c', 'eu-west-1'));
      expect(stale).toMatchObject({
        scanId: first.id,
        stale: true,
        lastSeenAt: firstSeen,
      });
      const fresh = await store.getResource(instanceArn('a'));
      expect(fresh).toMatchObject({ scanId: second.id, stale: false });
      expect(fresh!.lastSeenAt! > firstSeen!).toBe(true);
      expect(
        await store.getResource(instanceArn('z', 'us-east-1', OTHER_ACCOUNT)),
      ).toMatchObject({ scanId: other.id, stale: false });
      expect((await store.getScan(second.id))!.status).toBe('partial');

      // superseded rows and the failed region's new rows are gone, not just hidden
      const stored = await knex('resources')
        .select('scan_id', 'arn')
        .orderBy('arn');
      expect(stored).toEqual(
        [
          { scan_id: second.id, arn: instanceArn('a') },
          { scan_id: second.id, arn: instanceArn('d') },
          {
            scan_id: other.id,
            arn: instanceArn('z', 'us-east-1', OTHER_ACCOUNT),
          },
          { scan_id: first.id, arn: instanceArn('c', 'eu-west-1') },
        ].sort((x, y) => (x.arn < y.arn ? -1 : 1)),
      );

      // the region succeeding again is fresh again
      await runScan(store, ACCOUNT, { 'eu-west-1': [r('f', 'eu-west-1')] });
      expect(await store.countResources({ stale: true })).toBe(0);
      expect(await currentArns(store)).toEqual(
        [
          instanceArn('a'),
          instanceArn('d'),
          instanceArn('f', 'eu-west-1'),
          instanceArn('z', 'us-east-1', OTHER_ACCOUNT),
        ].sort(),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps one copy of a resource seen again from another region, %p',
    async databaseId => {
      const store = await createTestStore(await databases.init(databaseId));
      const bucket = 'arn:aws:s3:::orders-data';
      await runScan(store, ACCOUNT, {
        'us-east-1': [
          ratedResource({ arn: bucket, sourceRegion: 'us-east-1' }),
        ],
        'eu-west-1': [],
      });
      await runScan(store, ACCOUNT, {
        'us-east-1': 'failed',
        'eu-west-1': [
          ratedResource({ arn: bucket, sourceRegion: 'eu-west-1' }),
        ],
      });
      const page = await store.listResources({});
      expect(page.totalCount).toBe(1);
      expect(page.items[0].resource.sourceRegion).toBe('eu-west-1');
      expect(page.items[0].stale).toBe(false);
    },
  );

  it.each(databases.eachSupportedId())(
    'ignores resources a scan already wrote and counts only new ones, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await createTestStore(knex);
      const scan = await store.createScan({
        accountId: ACCOUNT,
        regions: ['us-east-1', 'eu-west-1'],
        trigger: 'schedule',
      });
      const a = ratedResource({ arn: instanceArn('a') });
      const b = ratedResource({ arn: instanceArn('b') });
      const c = ratedResource({ arn: instanceArn('c') });
      const bucketEast = ratedResource({
        arn: 'arn:aws:s3:::logs',
        sourceRegion: 'us-east-1',
      });
      const bucketWest = ratedResource({
        arn: 'arn:aws:s3:::logs',
        sourceRegion: 'eu-west-1',
      });

      expect(await store.writeResources(scan.id, [a, b, bucketEast])).toBe(3);
      expect(await store.writeResources(scan.id, [b, c, c, bucketWest])).toBe(
        1,
      );
      expect(await store.writeResources(scan.id, [])).toBe(0);
      expect(Number((await knex('resources').count({ n: '*' }))[0].n)).toBe(4);

      // one call larger than any single statement, repeating rows across its batches
      const many = Array.from({ length: 2500 }, (_, i) =>
        ratedResource({ arn: instanceArn(`m${i}`) }),
      );
      expect(
        await store.writeResources(scan.id, [...many.slice(0, 100), a]),
      ).toBe(100);
      expect(
        await store.writeResources(scan.id, [...many, ...many.slice(0, 600)]),
      ).toBe(2400);

      await store.completeScan(
        scan.id,
        completion(ACCOUNT, {
          'us-east-1': 'succeeded',
          'eu-west-1': 'succeeded',
        }),
      );
      expect(
        (await store.getResource('arn:aws:s3:::logs'))!.resource.sourceRegion,
      ).toBe('us-east-1');
      expect(await store.countResources()).toBe(2504);
    },
  );

  it.each(databases.eachSupportedId())(
    'abandons scans and keeps the previous data, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await createTestStore(knex);
      const kept = ratedResource({ arn: instanceArn('kept') });
      await runScan(store, ACCOUNT, { 'us-east-1': [kept] });
      const otherKept = await runScan(store, OTHER_ACCOUNT, {
        'us-east-1': [
          ratedResource({ arn: instanceArn('o', 'us-east-1', OTHER_ACCOUNT) }),
        ],
      });
      const rowCount = async () =>
        Number((await knex('resources').count({ n: '*' }))[0].n);

      const aborted = await store.createScan({
        accountId: ACCOUNT,
        regions: ['us-east-1'],
        trigger: 'schedule',
      });
      await store.writeResources(aborted.id, [
        ratedResource({ arn: instanceArn('new') }),
        kept,
      ]);
      expect(await rowCount()).toBe(4);
      await store.abandonScan(aborted.id, 'failed', 'timed out');
      expect(await rowCount()).toBe(2);
      expect(await currentArns(store)).toEqual([
        instanceArn('kept'),
        instanceArn('o', 'us-east-1', OTHER_ACCOUNT),
      ]);
      const ended = await store.getScan(aborted.id);
      expect(ended).toMatchObject({ status: 'failed', error: 'timed out' });
      expect(ended!.finishedAt).toEqual(expect.any(String));

      // an ended scan stays ended and accepts nothing more
      await store.abandonScan(aborted.id, 'cancelled');
      expect((await store.getScan(aborted.id))!.status).toBe('failed');
      await expect(store.writeResources(aborted.id, [kept])).rejects.toThrow(
        ConflictError,
      );
      await expect(
        store.completeScan(
          aborted.id,
          completion(ACCOUNT, { 'us-east-1': 'succeeded' }),
        ),
      ).rejects.toThrow(ConflictError);
      await expect(store.abandonScan('no-such-scan', 'failed')).rejects.toThrow(
        NotFoundError,
      );
      await expect(
        store.completeScan('no-such-scan', completion(ACCOUNT, {})),
      ).rejects.toThrow(NotFoundError);

      // a process that died left two running scans of the account
      const orphans = [
        await store.createScan({
          accountId: ACCOUNT,
          regions: ['us-east-1'],
          trigger: 'schedule',
        }),
        await store.createScan({
          accountId: ACCOUNT,
          regions: ['us-east-1'],
          trigger: 'manual',
        }),
      ];
      const otherRunning = await store.createScan({
        accountId: OTHER_ACCOUNT,
        regions: ['us-east-1'],
        trigger: 'schedule',
      });
      for (const orphan of orphans) {
        await store.writeResources(orphan.id, [
          ratedResource({ arn: instanceArn(`x${orphan.id}`) }),
        ]);
      }
      expect(
        await store.abandonRunningScans(ACCOUNT, 'backend restarted'),
      ).toBe(2);
      expect(
        await store.abandonRunningScans(ACCOUNT, 'backend restarted'),
      ).toBe(0);
      for (const orphan of orphans) {
        expect(await store.getScan(orphan.id)).toMatchObject({
          status: 'cancelled',
          error: 'backend restarted',
        });
      }
      expect((await store.getScan(otherRunning.id))!.status).toBe('running');
      expect(await rowCount()).toBe(2);
      expect(
        (await store.getResource(instanceArn('o', 'us-east-1', OTHER_ACCOUNT)))!
          .scanId,
      ).toBe(otherKept.id);
    },
  );

  it.each(databases.eachSupportedId())(
    'saves progress and lists scans newest first, %p',
    async databaseId => {
      const store = await createTestStore(await databases.init(databaseId));
      const first = await store.createScan({
        accountId: ACCOUNT,
        regions: ['us-east-1'],
        trigger: 'schedule',
      });
      await new Promise(resolve => setTimeout(resolve, 5));
      const second = await store.createScan({
        accountId: OTHER_ACCOUNT,
        regions: ['us-east-1'],
        trigger: 'schedule',
      });
      const regions = [
        {
          accountId: ACCOUNT,
          region: 'us-east-1',
          status: 'running' as const,
          resources: 200,
          pages: 2,
          startedAt: first.createdAt,
        },
      ];
      const progress = {
        regionsTotal: 1,
        regionsDone: 0,
        resourcesCollected: 200,
        resourcesRated: 100,
      };
      await store.updateScanProgress(first.id, regions, progress);
      expect(await store.getScan(first.id)).toEqual({
        ...first,
        regions,
        progress,
      });
      expect(await store.getScan('missing')).toBeUndefined();
      expect((await store.listScans()).map(s => s.id)).toEqual([
        second.id,
        first.id,
      ]);
      expect(
        (await store.listScans({ accountId: ACCOUNT })).map(s => s.id),
      ).toEqual([first.id]);
      expect((await store.listScans({ limit: 1 })).map(s => s.id)).toEqual([
        second.id,
      ]);
    },
  );
});
