import {
  EmulatorHandle,
  generateDemoInventory,
  Inventory,
  startEmulator,
} from '@aws-ownership/aws-emulator';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { demoAccounts, startScanBackend } from '../__testUtils__/scanBackend';
import { awsOwnershipPlugin } from '../plugin';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const enc = encodeURIComponent;
const MAIN = '111122223333';

describe('the review API against the emulator', () => {
  let emulator: EmulatorHandle;
  let started: Awaited<ReturnType<typeof startScanBackend>>;
  let server: Parameters<typeof request>[0];
  let inventory: Inventory;
  const stsEndpoint = process.env.AWS_ENDPOINT_URL_STS;
  const api = (path: string) =>
    request(server).get(`/api/aws-ownership${path}`);
  const post = (path: string, body: object) =>
    request(server).post(`/api/aws-ownership${path}`).send(body);
  const scanAll = () =>
    Promise.all(demoAccounts.map(a => started.scanNow([a.accountId])));

  beforeAll(async () => {
    inventory = generateDemoInventory();
    emulator = await startEmulator({ port: 0, inventory });
    process.env.AWS_ENDPOINT_URL_STS = emulator.url;
    started = await startScanBackend({
      emulatorUrl: emulator.url,
      knex: await databases.init('SQLITE_3'),
    });
    server = started.backend.server;
    await scanAll();
  });

  afterAll(async () => {
    await started?.backend.stop();
    await emulator?.close();
    if (stsEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
    else process.env.AWS_ENDPOINT_URL_STS = stsEndpoint;
  });

  it('reports exactly what changed in the estate, and closes the action whose check now passes', async () => {
    const first = await post('/reviews', {
      entityRef: 'organisation',
      title: 'November review',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      entityRef: 'organisation',
      title: 'November review',
      actions: [],
    });
    expect(first.body.total.resourceCount).toBeGreaterThan(10);

    // resources of the main account in us-east-1 (arn region set)
    const inMain = (arn: string) =>
      arn.split(':')[4] === MAIN && arn.split(':')[3] === 'us-east-1';
    const failing = await api(
      `/resources?checkId=tagging.required&status=fail&limit=500`,
    );
    const passing = await api(
      `/resources?checkId=tagging.required&status=pass&limit=500`,
    );
    const byArn = new Map(inventory.resources.map(r => [r.arn, r]));
    const required = ['owner', 'environment', 'cost-center', 'application'];
    const candidates = (items: Array<{ resource: { arn: string } }>) =>
      items
        .map(i => byArn.get(i.resource.arn)!)
        .filter(r => r && inMain(r.arn));
    const toFix = candidates(failing.body.items).find(r => r.tags.environment)!;
    const [toBreak, toRemove] = candidates(passing.body.items).filter(
      r => r.arn !== toFix.arn,
    );
    // one another team with an on-call rota owns (as payments has one, no
    // check changes with the owner), tagged `owner`, to retag to payments
    const payments = 'group:default/payments';
    const onCall = ['sre', 'checkout', 'security', 'data-platform'].map(
      name => `group:default/${name}`,
    );
    const owned = [...failing.body.items, ...passing.body.items].filter(
      (i: { ownership: { ownerRef?: string } }) =>
        onCall.includes(i.ownership.ownerRef ?? ''),
    );
    const toMove = candidates(owned).find(
      r =>
        r.tags.owner &&
        !r.tags.Owner &&
        ![toFix, toBreak, toRemove].some(t => t.arn === r.arn),
    )!;
    expect([toFix, toBreak, toRemove, toMove].every(Boolean)).toBe(true);
    const movedFrom: string = owned.find(
      (i: { resource: { arn: string } }) => i.resource.arn === toMove.arn,
    ).ownership.ownerRef;
    const team = await post('/reviews', { entityRef: 'payments' });
    expect(team.status).toBe(201);

    const action = await post(`/reviews/${first.body.id}/actions`, {
      title: 'Tag it',
      assignee: 'group:default/payments',
      due: '2026-12-15',
      arns: [toFix.arn],
      checkId: 'tagging.required',
    });
    expect(action.status).toBe(201);
    expect(action.body).toMatchObject({ status: 'open', arns: [toFix.arn] });

    const added = `arn:aws:sqs:us-east-1:${MAIN}:review-added-queue`;
    const fixedTags = { ...toFix.tags };
    for (const key of required) fixedTags[key] ??= toBreak.tags[key];
    const { 'cost-center': _dropped, ...brokenTags } = toBreak.tags;
    emulator.loadInventory({
      ...inventory,
      resources: [
        ...inventory.resources
          .filter(r => r.arn !== toRemove.arn)
          .map(r => {
            if (r.arn === toFix.arn) return { ...r, tags: fixedTags };
            if (r.arn === toBreak.arn) return { ...r, tags: brokenTags };
            if (r.arn === toMove.arn) {
              return { ...r, tags: { ...r.tags, owner: 'payments' } };
            }
            return r;
          }),
        { arn: added, tags: { owner: 'payments', environment: 'prod' } },
      ],
    });
    await scanAll();

    const closed = await api(`/reviews/${first.body.id}`);
    expect(closed.body.actions).toEqual([
      expect.objectContaining({
        id: action.body.id,
        status: 'done',
        note: expect.stringContaining('tagging.required passes'),
        closedByScan: expect.any(String),
      }),
    ]);

    const second = await post('/reviews', { entityRef: 'organisation' });
    expect(second.status).toBe(201);
    expect(second.body.previousReviewId).toBe(first.body.id);

    const changes = await api(`/reviews/${second.body.id}/changes`);
    expect(changes.status).toBe(200);
    expect(changes.body.sinceReviewId).toBe(first.body.id);
    const summary = changes.body.items
      .map(
        (i: {
          arn: string;
          kind: string;
          fixed: string[];
          regressed: string[];
        }) => ({
          arn: i.arn,
          kind: i.kind,
          fixed: i.fixed.includes('tagging.required'),
          regressed: i.regressed.includes('tagging.required'),
        }),
      )
      .sort((a: { arn: string }, b: { arn: string }) =>
        a.arn.localeCompare(b.arn),
      );
    expect(summary).toEqual(
      [
        { arn: toFix.arn, kind: 'changed', fixed: true, regressed: false },
        { arn: toBreak.arn, kind: 'changed', fixed: false, regressed: true },
        { arn: toRemove.arn, kind: 'gone', fixed: false, regressed: false },
        { arn: added, kind: 'new', fixed: false, regressed: false },
        { arn: toMove.arn, kind: 'changed', fixed: false, regressed: false },
      ].sort((a, b) => a.arn.localeCompare(b.arn)),
    );
    expect(changes.body.total.before.score).toBe(first.body.total.score);
    expect(changes.body.exemptions).toEqual([]);

    // the team's next review: what was retagged to it from another team came
    // in (an owner change into the team), what is new in AWS is new
    const teamAgain = await post('/reviews', { entityRef: 'payments' });
    expect(teamAgain.status).toBe(201);
    const teamChanges = await api(`/reviews/${teamAgain.body.id}/changes`);
    expect(teamChanges.status).toBe(200);
    expect(teamChanges.body.sinceReviewId).toBe(team.body.id);
    const byChange = new Map(
      teamChanges.body.items.map((i: { arn: string }) => [i.arn, i]),
    );
    expect(byChange.get(toMove.arn)).toMatchObject({
      kind: 'changed',
      owner: { from: movedFrom, to: payments },
      move: 'in',
      regressed: [],
      fixed: [],
    });
    expect(byChange.get(added)).toMatchObject({ kind: 'new' });
    expect(
      teamChanges.body.items.filter((i: { kind: string }) => i.kind === 'new'),
    ).toEqual([expect.objectContaining({ arn: added })]);
    const teamPack = await api(`/reviews/${teamAgain.body.id}/pack.md`);
    expect(teamPack.text).toContain(
      `(\`${toMove.arn}\`): into ${teamAgain.body.displayName} from ${movedFrom}`,
    );
    expect(teamPack.text).toContain(
      '### Exemptions started, expired or revoked (0)',
    );

    const fixes = await api(`/reviews/${second.body.id}/fixes`);
    expect(fixes.status).toBe(200);
    expect(fixes.body.items.length).toBeGreaterThan(0);
    expect(fixes.body.items[0]).toMatchObject({
      title: expect.any(String),
      before: { score: second.body.total.score },
    });

    const pack = await api(`/reviews/${second.body.id}/pack.md`);
    expect(pack.status).toBe(200);
    expect(pack.headers['content-type']).toMatch(/text\/markdown/);
    expect(pack.text).toContain('# Ownership review: Organisation');
    expect(pack.text).toContain('### Fixed (1)');
    expect(pack.text).toContain(toBreak.arn);
    expect(pack.text).toContain('aws resourcegroupstaggingapi tag-resources');

    const listed = await api(`/reviews?entityRef=organisation`);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([
      second.body.id,
      first.body.id,
    ]);

    const reopened = await request(server)
      .patch(`/api/aws-ownership/actions/${action.body.id}`)
      .send({ status: 'dropped', note: 'superseded' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      status: 'dropped',
      note: 'superseded',
    });
  });

  it('answers 404 for unknown ids and 400 with a message for bad bodies', async () => {
    for (const path of [
      '/reviews/nope',
      '/reviews/nope/changes',
      '/reviews/nope/fixes',
      '/reviews/nope/pack.md',
    ]) {
      const res = await api(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.body.error.message).toContain('nope');
    }
    expect(
      (await post('/reviews/nope/actions', { title: 't', assignee: 'alice' }))
        .status,
    ).toBe(404);
    expect(
      (
        await request(server)
          .patch('/api/aws-ownership/actions/nope')
          .send({ status: 'done' })
      ).status,
    ).toBe(404);
    expect(
      (await post('/reviews', { entityRef: 'group:default/finance' })).status,
    ).toBe(404);

    const review = await post('/reviews', { entityRef: 'payments' });
    expect(review.status).toBe(201);
    const bad: Array<[string, object, RegExp]> = [
      ['/reviews', {}, /entityRef/],
      [
        '/reviews',
        { entityRef: 'payments', colour: 'red' },
        /colour|additional/i,
      ],
      [
        '/reviews',
        { entityRef: 'component:default/orders-api' },
        /expected Groups/,
      ],
      [`/reviews/${review.body.id}/actions`, { title: 'x' }, /assignee/],
      [
        `/reviews/${review.body.id}/actions`,
        { title: 'x', assignee: 'alice', due: 'soon' },
        /due must be a date/,
      ],
      [
        `/reviews/${review.body.id}/actions`,
        { title: 'x', assignee: 'api:default/a' },
        /user or group/,
      ],
      [
        `/reviews/${review.body.id}/actions`,
        { title: 'x', assignee: 'alice', checkId: 'nope.nope' },
        /no check/,
      ],
    ];
    for (const [path, body, message] of bad) {
      const res = await post(path, body);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.error.message).toMatch(message);
    }
    const patch = await request(server)
      .patch('/api/aws-ownership/actions/any')
      .send({ status: 'finished' });
    expect(patch.status).toBe(400);
    expect(patch.body.error.message).toMatch(/status/);
    expect((await api(`/reviews?entityRef=${enc('api:x')}`)).status).toBe(400);
  });
});

describe('the review API without permission', () => {
  it('answers 403 naming the permission', async () => {
    const { server } = await startTestBackend({
      features: [
        awsOwnershipPlugin,
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const cases: Array<[request.Test, string]> = [
      [
        request(server).get('/api/aws-ownership/reviews'),
        'aws-ownership.scorecard.read',
      ],
      [
        request(server).get('/api/aws-ownership/reviews/x'),
        'aws-ownership.scorecard.read',
      ],
      [
        request(server).get('/api/aws-ownership/reviews/x/changes'),
        'aws-ownership.scorecard.read',
      ],
      [
        request(server).get('/api/aws-ownership/reviews/x/fixes'),
        'aws-ownership.scorecard.read',
      ],
      [
        request(server).get('/api/aws-ownership/reviews/x/pack.md'),
        'aws-ownership.scorecard.read',
      ],
      [
        request(server)
          .post('/api/aws-ownership/reviews')
          .send({ entityRef: 'payments' }),
        'aws-ownership.review.create',
      ],
      [
        request(server)
          .post('/api/aws-ownership/reviews/x/actions')
          .send({ title: 't', assignee: 'alice' }),
        'aws-ownership.review.create',
      ],
      [
        request(server)
          .patch('/api/aws-ownership/actions/x')
          .send({ status: 'done' }),
        'aws-ownership.action.update',
      ],
    ];
    for (const [req, permission] of cases) {
      const res = await req;
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(permission);
    }
  });
});
