import {
  EmulatorHandle,
  generateDemoInventory,
  Inventory,
  startEmulator,
} from '@aws-ownership/aws-emulator';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inspect } from 'node:util';
import {
  coreServices,
  createServiceFactory,
  type RootLoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { maskSecretTags } from '@aws-ownership/backstage-plugin-common';
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

/** Every tag value of the demo inventory that the API masks, with its resource. */
function demoSecrets(): Array<{ arn: string; secret: string }> {
  const file = resolve(__dirname, '../../../examples/aws-inventory.json');
  const demo: Inventory = JSON.parse(readFileSync(file, 'utf8'));
  return demo.resources.flatMap(r => {
    const masked = maskSecretTags(r.tags);
    return Object.entries(r.tags)
      .filter(([key, value]) => masked[key] !== value)
      .map(([, secret]) => ({ arn: r.arn, secret }));
  });
}

/** What a reader of the API sees of a resource and may search for. */
function visibleText(item: {
  resource: { arn: string; name: string; tags: Record<string, string> };
}): string {
  const { arn, name, tags } = item.resource;
  return [arn, name, ...Object.values(tags).filter(v => v !== '[redacted]')]
    .join('\n')
    .toLowerCase();
}

/** A root logger that keeps every line it is given, with its metadata. */
function capturingRootLogger(lines: string[]) {
  const make = (meta: object): RootLoggerService => {
    const log = (message: string, extra?: unknown) => {
      lines.push(`${message} ${inspect(extra)} ${inspect(meta)}`);
    };
    return {
      error: log,
      warn: log,
      info: log,
      debug: log,
      child: more => make({ ...meta, ...more }),
    };
  };
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => make({}),
  });
}

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('the REST API on %s', databaseId => {
  let emulator: EmulatorHandle;
  let started: Awaited<ReturnType<typeof startScanBackend>>;
  let server: Parameters<typeof request>[0];
  const logLines: string[] = [];
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
      knex: await databases.init(databaseId),
      features: [capturingRootLogger(logLines)],
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
      'limit=Infinity',
      'limit=-Infinity',
      'limit=1.5',
      'limit=1e400',
    ]) {
      const res = await api(`/resources?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    for (const path of [
      '/scans?limit=Infinity',
      '/scans?limit=-Infinity',
      '/history/payments?limit=Infinity',
      '/history/payments?limit=-Infinity',
    ]) {
      const res = await api(path);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
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

  it('never lets q confirm a secret the API masks, whole or by prefix', async () => {
    const secrets = [
      ...demoSecrets(),
      { arn: SECRET_ARN, secret: 'hunter2-super-secret' },
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(10);
    for (const { arn, secret } of secrets) {
      const one = await api(`/resources/${enc(arn)}`);
      expect({ arn, status: one.status }).toEqual({ arn, status: 200 });
      const visible = visibleText(one.body);
      for (let length = 1; length <= secret.length; length++) {
        const q = secret.slice(0, length);
        const res = await api(`/resources?q=${enc(q)}&limit=500`);
        expect({ q, status: res.status }).toEqual({ q, status: 200 });
        const found = res.body.items.some(
          (i: { resource: { arn: string } }) => i.resource.arn === arn,
        );
        // found exactly when what the API shows of it contains q
        expect({ arn, q, found }).toEqual({
          arn,
          q,
          found: visible.includes(q.toLowerCase()),
        });
      }
      const csv = await api(`/export.csv?q=${enc(secret)}`);
      expect(csv.text).not.toContain(arn);
    }
  });

  it('refuses control characters in q, and matches % and _ literally', async () => {
    for (const q of ['%00', 'leaky%00', '%0A', '%1F', '%7F']) {
      for (const path of ['/resources', '/export.csv']) {
        const res = await api(`${path}?q=${q}`);
        expect({ path, q, status: res.status }).toEqual({
          path,
          q,
          status: 400,
        });
        expect(res.body.error.message).toEqual(expect.any(String));
      }
    }
    const all = (await api('/resources?limit=500')).body.items;
    for (const q of ['_', '%', '-_', '!']) {
      const res = await api(`/resources?q=${enc(q)}&limit=500`);
      const arns = (items: any[]) => items.map(i => i.resource.arn).sort();
      expect({ q, arns: arns(res.body.items) }).toEqual({
        q,
        arns: arns(all.filter((i: any) => visibleText(i).includes(q))),
      });
    }
  });

  it('serves the scanned account of S3 buckets and Route 53 zones', async () => {
    const accounts = ['111122223333', '222233334444'];
    let global = 0;
    for (const account of accounts) {
      for (const q of ['arn:aws:s3:::', 'arn:aws:route53:::']) {
        const res = await api(
          `/resources?account=${account}&q=${enc(q)}&limit=500`,
        );
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeGreaterThan(0);
        global += res.body.items.length;
        for (const item of res.body.items) {
          expect(item.resource.accountId).toBe(account);
        }
      }
    }
    const csv = parse(
      (await api('/export.csv?q=arn%3Aaws%3As3%3A%3A%3A')).text,
      {
        columns: true,
      },
    ) as Array<{ accountId: string }>;
    expect(csv.length).toBeGreaterThan(0);
    for (const row of csv) expect(accounts).toContain(row.accountId);
    const everyGlobal = await api(`/resources?q=${enc(':::')}&limit=500`);
    expect(everyGlobal.body.items).toHaveLength(global);
  });

  it('answers 404 for an entity the catalog does not know and 400 for a malformed ref', async () => {
    const cases: Array<[string, number]> = [
      [`/scorecards/${enc('group:default/nope')}`, 404],
      [`/scorecards/${enc('component:default/nope')}`, 404],
      [`/scorecards/${enc('group:')}`, 400],
      [`/history/${enc('group:default/nope')}`, 404],
      ['/history/nope', 404],
      [`/history/${enc('group:')}`, 400],
      [`/history/${enc('a:b:c/d/e')}`, 400],
      [`/history/${enc('component:default/orders-api')}`, 400],
      ['/resources?owner=nope', 404],
      [`/resources?owner=${enc('group:default/nope')}&owner=payments`, 404],
      [`/resources?owner=${enc('group:')}`, 400],
      [`/resources?owner=${enc('component:default/orders-api')}`, 400],
      [`/resources?component=${enc('component:default/nope')}`, 404],
      [`/resources?component=${enc('group:default/payments')}`, 400],
      ['/export.csv?owner=nope', 404],
      [`/export.csv?component=${enc('system:default/nope')}`, 404],
    ];
    for (const [path, status] of cases) {
      const res = await api(path);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    for (const path of [
      '/history/payments',
      '/history/unowned',
      '/resources?owner=payments&owner=unowned',
      `/resources?component=${enc('component:default/orders-api')}`,
    ]) {
      expect({ path, status: (await api(path)).status }).toEqual({
        path,
        status: 200,
      });
    }
  });

  it('keeps q out of its log lines', async () => {
    const marker = 'QmArKeR-7f3a';
    for (const path of [
      `/resources?q=${marker}`,
      `/resources?q=${marker}%00`,
      `/resources?q=${marker}&owner=nope`,
      `/export.csv?q=${marker}`,
      `/resources?q=${marker}&limit=Infinity`,
    ]) {
      await api(path);
    }
    // the capture works: the scans' own lines are there
    expect(logLines.some(l => /Scan \S+ of \d{12} started/.test(l))).toBe(true);
    expect(logLines.filter(l => l.includes(marker))).toEqual([]);
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
    // RFC 4180: every record ends with CRLF, and there is no bare LF
    expect(res.text.endsWith('\r\n')).toBe(true);
    expect(res.text).not.toMatch(/[^\r]\n/);
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

  it('answers 409 with the running scan to a scan request during a run, and runs the next one at once', async () => {
    const account = '222233334444';
    const post = () =>
      request(server)
        .post('/api/aws-ownership/scans')
        .send({ accountIds: [account] });
    emulator.setFaults({ latencyMs: 100 });
    const firstRun = started.requestScan(
      account,
      demoAccounts.find(a => a.accountId === account)!.regions,
    );
    let running;
    while (!running) {
      running = (await api(`/scans?accountId=${account}`)).body.items.find(
        (s: { status: string }) => s.status === 'running',
      );
    }
    try {
      const refused = await post();
      expect(refused.status).toBe(409);
      expect(refused.body.error.name).toBe('ConflictError');
      expect(refused.body.error.runningScanIds).toEqual([running.id]);
      expect(refused.body.error.message).toContain(running.id);
      // nothing was left waiting for a later run
      const scans = (await api(`/scans?accountId=${account}`)).body.items;
      expect(scans.filter((s: any) => s.status === 'pending')).toEqual([]);
    } finally {
      emulator.resetFaults();
      await firstRun;
    }
    expect((await api(`/scans/${running.id}`)).body.status).toBe('succeeded');

    const accepted = await post();
    expect(accepted.status).toBe(202);
    const [next] = accepted.body.items;
    expect(next.id).not.toBe(running.id);
    // the mock scheduler runs a triggered task at once, as a free one would
    expect((await api(`/scans/${next.id}`)).body.status).toBe('succeeded');
  });

  it('answers 400, never 500, to a control character in any parameter', async () => {
    for (const path of [
      '/resources?resourceType=%00',
      '/resources?checkId=%00',
      '/resources?checkId=a%00&status=fail',
      '/resources?cursor=%00',
      '/resources?owner=%00',
      '/resources?component=%00',
      '/export.csv?resourceType=%00',
      '/resources/%00',
      '/resources/arn%00',
      '/scans/%00',
      '/scorecards/%00',
      '/history/%00',
    ]) {
      const res = await api(path);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.error.message).toEqual(expect.any(String));
    }
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
          fc.tuple(
            fc.constantFrom(...keys),
            // binary-ascii units include NUL and the other control characters
            fc.oneof(
              fc.string({ maxLength: 40 }),
              fc.string({ unit: 'binary-ascii', maxLength: 40 }),
            ),
          ),
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
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 60 }),
          fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 60 }),
        ),
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
