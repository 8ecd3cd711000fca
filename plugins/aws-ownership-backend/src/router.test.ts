import {
  EmulatorHandle,
  generateDemoInventory,
  Inventory,
  startEmulator,
} from '@aws-ownership/aws-emulator';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import request from 'supertest';
import { readAllResources } from './__testUtils__/readAll';
import { demoAccounts, startScanBackend } from './__testUtils__/scanBackend';
import { awsOwnershipPlugin } from './plugin';
import { scanTaskId } from './scan/scheduleScans';

jest.setTimeout(120_000);

const SECRET_ARN = 'arn:aws:sqs:us-east-1:111122223333:leaky-queue';
const enc = encodeURIComponent;

describe('the REST API', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let emulator: EmulatorHandle;
  let started: Awaited<ReturnType<typeof startScanBackend>>;
  let server: Parameters<typeof request>[0];
  const stsEndpoint = process.env.AWS_ENDPOINT_URL_STS;

  beforeAll(async () => {
    const demo = generateDemoInventory();
    const inventory: Inventory = {
      ...demo,
      resources: [
        ...demo.resources,
        {
          arn: SECRET_ARN,
          tags: { owner: 'payments', 'db-password': 'hunter2-super-secret' },
        },
      ],
    };
    emulator = await startEmulator({ port: 0, inventory });
    process.env.AWS_ENDPOINT_URL_STS = emulator.url;
    started = await startScanBackend({
      emulatorUrl: emulator.url,
      knex: await databases.init('SQLITE_3'),
    });
    server = started.backend.server;
    await Promise.all(
      demoAccounts.map(a =>
        started.scheduler.triggerTask(scanTaskId(a.accountId)),
      ),
    );
  });

  afterAll(async () => {
    await started?.backend.stop();
    await emulator?.close();
    if (stsEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
    else process.env.AWS_ENDPOINT_URL_STS = stsEndpoint;
  });

  const api = (path: string) =>
    request(server).get(`/api/aws-ownership${path}`);

  it('lists every team with the unowned bucket first', async () => {
    const res = await api('/scorecards');
    expect(res.status).toBe(200);
    expect(res.body.items[0].teamRef).toBe('unowned');
    const refs = res.body.items.map((i: { teamRef: string }) => i.teamRef);
    expect(refs).toContain('group:default/payments');
    expect(res.body.computedAt).toEqual(expect.any(String));
    expect(res.body.staleRegions).toEqual([]);
    const byScore = await api('/scorecards?sort=score&order=desc');
    const scores = byScore.body.items
      .slice(1)
      .map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('serves one team, and rolls sub-teams into their parent', async () => {
    const payments = await api(`/scorecards/${enc('group:default/payments')}`);
    expect(payments.status).toBe(200);
    expect(payments.body).toMatchObject({
      entityRef: 'group:default/payments',
      kind: 'group',
      displayName: 'Payments',
      includesDescendants: false,
    });
    const owned = await readAllResources(started.store, {
      ownerRefs: ['group:default/payments'],
    });
    expect(payments.body.resourceCount).toBe(owned.length);
    // a short ref means the same Group
    expect((await api('/scorecards/payments')).body.score).toBe(
      payments.body.score,
    );

    const platform = await api(
      `/scorecards/${enc('group:default/platform')}?includeDescendants=true`,
    );
    expect(platform.status).toBe(200);
    expect(platform.body.descendantRefs).toEqual(
      expect.arrayContaining(['group:default/sre', 'group:default/networking']),
    );
    const subtree = await readAllResources(started.store, {
      ownerRefs: [
        'group:default/platform',
        'group:default/sre',
        'group:default/networking',
      ],
    });
    expect(platform.body.resourceCount).toBe(subtree.length);
  });

  it('serves a component scorecard and refuses unknown or wrong entities', async () => {
    const orders = await api(
      `/scorecards/${enc('component:default/orders-api')}`,
    );
    expect(orders.status).toBe(200);
    expect(orders.body.kind).toBe('component');
    expect(orders.body.resourceCount).toBeGreaterThan(0);

    expect(
      (await api(`/scorecards/${enc('group:default/finance')}`)).status,
    ).toBe(404);
    const wrongKind = await api(`/scorecards/${enc('api:default/orders')}`);
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.message).toMatch(/Groups, Components, Systems/);
  });

  it('pages through a team’s resources with a cursor', async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let total = 0;
    do {
      const res = await api(
        `/resources?owner=payments&limit=7${
          cursor ? `&cursor=${enc(cursor)}` : ''
        }`,
      );
      expect(res.status).toBe(200);
      total = res.body.totalCount;
      for (const item of res.body.items) {
        expect(item.ownership.ownerRef).toBe('group:default/payments');
        seen.add(item.resource.arn);
      }
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(total);
  });

  it('filters by account, region, type, category, check and text', async () => {
    const res = await api(
      '/resources?account=111122223333&region=us-east-1&category=abstract&limit=500',
    );
    expect(res.status).toBe(200);
    for (const item of res.body.items) {
      expect(item.resource.sourceRegion).toBe('us-east-1');
      expect(item.category).toBe('abstract');
    }
    const failing = await api(
      '/resources?checkId=tagging.required&status=fail&limit=500',
    );
    for (const item of failing.body.items) {
      const result = item.rating.results.find(
        (r: { checkId: string }) => r.checkId === 'tagging.required',
      );
      expect(result.status).toBe('fail');
    }
    const text = await api('/resources?q=LEAKY');
    expect(text.body.items.map((i: any) => i.resource.arn)).toEqual([
      SECRET_ARN,
    ]);
  });

  it('answers 400 with a message for bad parameters', async () => {
    for (const query of [
      'limit=0',
      'limit=501',
      'region=mars',
      'account=12',
      'sort=bogus',
      'category=galactic',
      'status=fail',
      'cursor=not-a-cursor',
    ]) {
      const res = await api(`/resources?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.message).toEqual(expect.any(String));
    }
  });

  it('serves one resource with every check, and 404 for an unknown ARN', async () => {
    const [first] = (await api('/resources?limit=1')).body.items;
    const res = await api(`/resources/${enc(first.resource.arn)}`);
    expect(res.status).toBe(200);
    expect(res.body.rating.results.length).toBeGreaterThanOrEqual(21);
    expect(res.body.lastSeenAt).toEqual(expect.any(String));
    expect(
      (
        await api(
          `/resources/${enc('arn:aws:sqs:us-east-1:111122223333:nope')}`,
        )
      ).status,
    ).toBe(404);
  });

  it('never serves a tag value that looks like a secret', async () => {
    const one = await api(`/resources/${enc(SECRET_ARN)}`);
    expect(one.status).toBe(200);
    expect(JSON.stringify(one.body)).not.toContain('hunter2');
    expect(one.body.resource.tags['db-password']).toBe('[redacted]');
    const page = await api('/resources?owner=payments&limit=500');
    expect(JSON.stringify(page.body)).not.toContain('hunter2');
    const csv = await api('/export.csv?owner=payments');
    expect(csv.text).not.toContain('hunter2');
  });

  it('lists the checks in force', async () => {
    const res = await api('/checks');
    expect(res.status).toBe(200);
    expect(res.body.checks.length).toBeGreaterThanOrEqual(21);
    expect(
      res.body.checks.find((c: any) => c.id === 'tagging.required'),
    ).toMatchObject({
      checklist: 'tagging',
      severity: 'high',
      enabled: true,
      source: 'builtin',
    });
  });

  it('serves a team’s history', async () => {
    const res = await api(`/history/${enc('group:default/payments')}`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(1);
    expect(res.body.items[0]).toMatchObject({
      score: expect.any(Number),
      grade: expect.any(String),
    });
  });

  it('exports the filtered view as CSV', async () => {
    const res = await api('/export.csv?owner=payments&sort=name');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toContain(
      'aws-ownership-resources.csv',
    );
    const rows = parse(res.text, { columns: true });
    const total = (await api('/resources?owner=payments&limit=1')).body
      .totalCount;
    expect(rows).toHaveLength(total);
    expect(rows[0]).toMatchObject({ owner: 'group:default/payments' });
    const names = (rows as Array<{ name: string }>).map(r => r.name);
    expect(names).toEqual([...names].sort());
  });

  it('starts a scan now, which the account task picks up', async () => {
    const res = await request(server)
      .post('/api/aws-ownership/scans')
      .send({ accountIds: ['111122223333'] });
    expect(res.status).toBe(202);
    expect(res.body.items).toHaveLength(1);
    const [scan] = res.body.items;
    expect(scan).toMatchObject({
      status: 'pending',
      trigger: 'manual',
      accountId: '111122223333',
    });
    expect(scan.requestedBy).toBe(
      mockCredentials.user().principal.userEntityRef,
    );

    // the mock scheduler runs the triggered task at once; a real one soon after
    const done = await api(`/scans/${scan.id}`);
    expect(done.body.status).toBe('succeeded');
    expect(done.body.progress.resourcesRated).toBeGreaterThan(0);
    const scans = await api('/scans?accountId=111122223333');
    expect(scans.body.items[0].id).toBe(scan.id);

    const unknown = await request(server)
      .post('/api/aws-ownership/scans')
      .send({ accountIds: ['999988887777'] });
    expect(unknown.status).toBe(400);
    expect((await api('/scans/nope')).status).toBe(404);
  });

  it('refuses requests without credentials', async () => {
    for (const path of [
      '/scorecards',
      '/resources',
      '/checks',
      '/scans',
      '/export.csv',
    ]) {
      const res = await api(path).set(
        'Authorization',
        mockCredentials.none.header(),
      );
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
    expect(
      (await api('/health').set('Authorization', mockCredentials.none.header()))
        .status,
    ).toBe(200);
  });

  it('never answers 500 to arbitrary query parameters', async () => {
    const keys = [
      'owner',
      'component',
      'account',
      'region',
      'resourceType',
      'category',
      'checklist',
      'checkId',
      'status',
      'q',
      'stale',
      'sort',
      'order',
      'cursor',
      'limit',
      'includeDescendants',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.constantFrom(...keys), fc.string({ maxLength: 40 })),
          { maxLength: 5 },
        ),
        fc.constantFrom('/resources', '/export.csv', '/scorecards', '/scans'),
        async (pairs, path) => {
          const query = pairs.map(([k, v]) => `${k}=${enc(v)}`).join('&');
          const res = await api(`${path}?${query}`);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 60 }),
        async ref => {
          const res = await api(`/scorecards/${enc(ref)}`);
          expect(res.status).toBeLessThan(500);
          const history = await api(`/history/${enc(ref)}`);
          expect(history.status).toBeLessThan(500);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the REST API without permission', () => {
  it('answers 403 to reading and to starting a scan', async () => {
    const { server } = await startTestBackend({
      features: [
        awsOwnershipPlugin,
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const read = await request(server).get('/api/aws-ownership/scorecards');
    expect(read.status).toBe(403);
    expect(read.body.error.message).toContain('aws-ownership.scorecard.read');
    const scan = await request(server)
      .post('/api/aws-ownership/scans')
      .send({});
    expect(scan.status).toBe(403);
    expect(scan.body.error.message).toContain('aws-ownership.scan.create');
  });
});
