import {
  EmulatorHandle,
  generateDemoInventory,
  startEmulator,
} from '@aws-ownership/aws-emulator';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  getCheckDefinition,
  severityWeights,
} from '@aws-ownership/backstage-plugin-common';
import request from 'supertest';
import { demoAccounts, startScanBackend } from '../__testUtils__/scanBackend';
import { awsOwnershipPlugin } from '../plugin';
import { scanTaskId } from '../scan/scheduleScans';

jest.setTimeout(120_000);

const PAYMENTS = 'group:default/payments';
const user = mockCredentials.user();

/** A registry the test can invoke, given to the plugin as its actions registry. */
function registryDouble() {
  const registry = actionsRegistryServiceMock();
  const factory = createServiceFactory({
    service: actionsRegistryServiceRef,
    deps: {},
    factory: () => registry,
  });
  return { registry, factory };
}

describe('the actions', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let emulator: EmulatorHandle;
  const stsEndpoint = process.env.AWS_ENDPOINT_URL_STS;
  let scanned: Awaited<ReturnType<typeof startScanBackend>>;
  const { registry, factory } = registryDouble();
  const invoke = async (name: string, input: Record<string, any>) =>
    (await registry.invoke({ id: `test:${name}`, input, credentials: user }))
      .output as any;

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      inventory: generateDemoInventory(),
    });
    process.env.AWS_ENDPOINT_URL_STS = emulator.url;
    scanned = await startScanBackend({
      emulatorUrl: emulator.url,
      knex: await databases.init('SQLITE_3'),
      features: [factory],
    });
    for (const { accountId } of demoAccounts) {
      await scanned.scheduler.triggerTask(scanTaskId(accountId));
    }
  });

  afterAll(async () => {
    await scanned.backend.stop();
    await emulator.close();
    if (stsEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
    else process.env.AWS_ENDPOINT_URL_STS = stsEndpoint;
  });

  const rest = (path: string) =>
    request(scanned.backend.server)
      .get(`/api/aws-ownership${path}`)
      .set('Authorization', mockCredentials.user.header());

  it('lists every action with its schemas', async () => {
    const { actions } = await registry.list();
    expect(actions.map(a => a.name).sort()).toEqual([
      'explain-check',
      'get-team-scorecard',
      'list-resources',
      'start-scan',
      'what-to-fix-first',
    ]);
    for (const action of actions) {
      expect(action.schema.input).toMatchObject({ type: 'object' });
      expect(action.schema.output).toMatchObject({ type: 'object' });
    }
  });

  it.each([false, true])(
    'get-team-scorecard answers what the REST API answers (includeDescendants %p)',
    async includeDescendants => {
      const output = await invoke('get-team-scorecard', {
        entityRef: 'group:default/engineering',
        includeDescendants,
      });
      const res = await rest(
        `/scorecards/${encodeURIComponent(
          'group:default/engineering',
        )}?includeDescendants=${includeDescendants}`,
      );
      expect(res.status).toBe(200);
      expect(output).toEqual({ scorecard: res.body });
      expect(output.scorecard.includesDescendants ?? false).toBe(
        includeDescendants,
      );
    },
  );

  it('list-resources answers the REST page, at most 100 a page, and pages on', async () => {
    const filters = { owner: [PAYMENTS], checklist: 'tagging', limit: 5 };
    const first = await invoke('list-resources', filters);
    const res = await rest(
      `/resources?owner=${encodeURIComponent(
        PAYMENTS,
      )}&checklist=tagging&limit=5`,
    );
    expect(first).toEqual(res.body);
    expect(first.items).toHaveLength(5);

    const second = await invoke('list-resources', {
      ...filters,
      cursor: first.nextCursor,
    });
    const next = await rest(
      `/resources?owner=${encodeURIComponent(
        PAYMENTS,
      )}&checklist=tagging&limit=5&cursor=${encodeURIComponent(
        first.nextCursor,
      )}`,
    );
    expect(second).toEqual(next.body);

    await expect(invoke('list-resources', { limit: 101 })).rejects.toThrow(
      /Invalid input/,
    );
    expect((await invoke('list-resources', {})).items).toHaveLength(25);
  });

  it('explain-check explains a check, and its result and command for a resource', async () => {
    const definition = getCheckDefinition('tagging.required')!;
    const general = await invoke('explain-check', {
      checkId: 'tagging.required',
    });
    expect(general).toEqual({
      checkId: 'tagging.required',
      title: definition.title,
      checklist: 'tagging',
      severity: definition.severity,
      enabled: true,
      judges: definition.description,
      appliesTo: definition.appliesTo,
      whyItMatters: expect.stringContaining('tags'),
      howToFix: definition.remediation,
    });

    const failing = await rest(
      `/resources?checkId=tagging.required&status=fail&limit=1`,
    );
    const [rated] = failing.body.items;
    const result = rated.rating.results.find(
      (r: { checkId: string }) => r.checkId === 'tagging.required',
    );
    const explained = await invoke('explain-check', {
      checkId: 'tagging.required',
      arn: rated.resource.arn,
    });
    expect(explained.resource).toEqual({
      arn: rated.resource.arn,
      category: rated.category,
      customerResponsibility: expect.any(String),
      status: 'fail',
      message: result.message,
      command: result.command,
    });
    expect(result.command).toContain('aws resourcegroupstaggingapi');

    await expect(
      invoke('explain-check', { checkId: 'tagging.nope' }),
    ).rejects.toThrow('No check tagging.nope');
  });

  it("what-to-fix-first ranks the team's failing checks by resources times severity weight", async () => {
    const output = await invoke('what-to-fix-first', { entityRef: PAYMENTS });
    const res = await rest(
      `/scorecards/${encodeURIComponent(PAYMENTS)}?includeDescendants=true`,
    );
    const expected = [...res.body.failingChecks]
      .map((c: any) => ({
        checkId: c.checkId,
        priority: c.failingResources * severityWeights[c.severity as 'low'],
      }))
      .sort(
        (a, b) => b.priority - a.priority || a.checkId.localeCompare(b.checkId),
      )
      .slice(0, 10);
    expect(output.grade).toBe(res.body.grade);
    expect(
      output.items.map((i: any) => ({
        checkId: i.checkId,
        priority: i.priority,
      })),
    ).toEqual(expected);
    expect(output.items[0].howToFix).toBe(
      getCheckDefinition(output.items[0].checkId)!.remediation,
    );
  });

  it('start-scan requests a scan as POST /scans does', async () => {
    const output = await invoke('start-scan', { accountIds: ['111122223333'] });
    expect(output.scans).toEqual([
      expect.objectContaining({
        accountId: '111122223333',
        status: 'pending',
        trigger: 'manual',
        requestedBy: user.principal.userEntityRef,
      }),
    ]);
    await expect(
      invoke('start-scan', { accountIds: ['999999999999'] }),
    ).rejects.toThrow(/999999999999/);
  });
});

describe('the actions without permission', () => {
  it('refuses every action, as the REST API refuses the request', async () => {
    const { registry, factory } = registryDouble();
    const backend = await startTestBackend({
      features: [
        awsOwnershipPlugin,
        factory,
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
        mockServices.rootConfig.factory({
          data: {
            awsOwnership: {
              accounts: [{ accountId: '111122223333', regions: ['us-east-1'] }],
            },
          },
        }),
      ],
    });
    const inputs: Record<string, object> = {
      'get-team-scorecard': { entityRef: PAYMENTS },
      'list-resources': {},
      'explain-check': { checkId: 'tagging.required' },
      'what-to-fix-first': { entityRef: PAYMENTS },
      'start-scan': {},
    };
    for (const [name, input] of Object.entries(inputs)) {
      await expect(
        registry.invoke({ id: `test:${name}`, input, credentials: user }),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringMatching(/^Missing permission aws-ownership\./),
      });
    }
    const res = await request(backend.server)
      .get('/api/aws-ownership/resources')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(403);
    await backend.stop();
  });
});
