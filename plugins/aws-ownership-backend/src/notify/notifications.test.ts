import {
  EmulatorHandle,
  generateDemoInventory,
  Inventory,
  startEmulator,
} from '@aws-ownership/aws-emulator';
import {
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import { demoAccounts, startScanBackend } from '../__testUtils__/scanBackend';

jest.setTimeout(120_000);

const PAYMENTS = 'group:default/payments';
const PAYMENTS_TAB = '/catalog/default/group/payments/aws-ownership';

/** The notification service double: records what the plugin sends. */
function notificationsDouble() {
  const sent: NotificationSendOptions[] = [];
  const factory = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      send: async (options: NotificationSendOptions) => {
        sent.push(options);
      },
    }),
  });
  return { sent, factory };
}

function paymentsResources(inventory: Inventory) {
  return inventory.resources.filter(
    r => r.tags.owner === 'payments' && !r.neverTagged,
  );
}

describe('notifications after a scan', () => {
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

  async function start(
    databaseId: TestDatabaseId,
    notifications: JsonObject = { enabled: true },
  ) {
    const knex = await databases.init(databaseId);
    const double = notificationsDouble();
    const started = await startScanBackend({
      emulatorUrl: emulator.url,
      knex,
      awsOwnership: { notifications },
      features: [double.factory],
    });
    const scanAll = async () => {
      for (const { accountId } of demoAccounts) {
        await started.scanNow([accountId]);
      }
    };
    return { ...started, sent: double.sent, scanAll };
  }

  it.each(databases.eachSupportedId())(
    'tells a team once when its grade drops and a critical check starts failing (%p)',
    async databaseId => {
      const { backend, store, sent, scanAll } = await start(databaseId);
      await scanAll();
      // the first scan of each account is the baseline
      expect(sent).toEqual([]);
      const before = (await store.getLatestTeamScores()).scorecards.find(
        s => s.teamRef === PAYMENTS,
      )!;
      expect(before.grade).toBe('A');

      // a password in the tags of Payments' resources
      const broken = new Set(paymentsResources(inventory));
      emulator.loadInventory({
        ...inventory,
        resources: inventory.resources.map(r =>
          broken.has(r)
            ? { ...r, tags: { ...r.tags, 'db-password': 'hunter22' } }
            : r,
        ),
      });
      await scanAll();
      const after = (await store.getLatestTeamScores()).scorecards.find(
        s => s.teamRef === PAYMENTS,
      )!;
      expect(after.grade).not.toBe('A');

      // Payments' resources sit in both accounts: each account's scan lowers
      // the grade once more, and each drop is told once
      const drops = sent.filter(n =>
        n.payload.scope?.startsWith('aws-ownership:grade-dropped:'),
      );
      const grades = [
        'A',
        ...drops.map(n => n.payload.title.replace(/^.* to /, '')),
      ];
      expect(grades[grades.length - 1]).toBe(after.grade);
      drops.forEach((drop, i) =>
        expect(drop).toEqual({
          recipients: { type: 'entity', entityRef: PAYMENTS },
          payload: expect.objectContaining({
            title: `Payments dropped from ${grades[i]} to ${grades[i + 1]}`,
            link: PAYMENTS_TAB,
            severity: 'critical',
            topic: 'aws-ownership',
            scope: `aws-ownership:grade-dropped:${PAYMENTS}:${grades[i]}:${
              grades[i + 1]
            }`,
          }),
        }),
      );
      const drop = drops[0];
      expect(drop!.payload.description).toContain('No secrets in tags');
      const critical = sent.find(n =>
        n.payload.scope?.startsWith('aws-ownership:critical-failing:'),
      );
      expect(critical).toEqual({
        recipients: { type: 'entity', entityRef: PAYMENTS },
        payload: expect.objectContaining({
          title: 'Payments: 1 critical check newly failing',
          link: PAYMENTS_TAB,
          severity: 'critical',
          scope: `aws-ownership:critical-failing:${PAYMENTS}:tagging.no-secrets`,
        }),
      });
      expect(sent).toHaveLength(drops.length + 1);

      // the same estate scanned again changes nothing: nothing more is sent
      await scanAll();
      expect(sent).toHaveLength(drops.length + 1);
      await backend.stop();
    },
  );

  it('tells a team about resources newly attributed to it and the platform team about resources that lost their owner', async () => {
    const { backend, sent, scanAll } = await start('SQLITE_3', {
      enabled: true,
      unownedRecipients: ['group:default/platform'],
    });
    await scanAll();
    expect(sent).toEqual([]);

    const orphaned = paymentsResources(inventory)[8];
    const adopted = inventory.resources.find(
      r =>
        !r.neverTagged &&
        Object.keys(r.tags).length > 0 &&
        !r.tags.owner &&
        !r.tags.Owner &&
        !r.tags.team,
    )!;
    emulator.loadInventory({
      ...inventory,
      resources: inventory.resources.map(r => {
        if (r === orphaned) {
          const { owner, ...tags } = r.tags;
          return { ...r, tags };
        }
        if (r === adopted)
          return { ...r, tags: { ...r.tags, owner: 'payments' } };
        return r;
      }),
    });
    await scanAll();

    const attributed = sent.filter(n =>
      n.payload.scope?.startsWith('aws-ownership:resources-attributed:'),
    );
    expect(attributed).toEqual([
      {
        recipients: { type: 'entity', entityRef: PAYMENTS },
        payload: expect.objectContaining({
          title: '1 AWS resource newly attributed to Payments',
          link: PAYMENTS_TAB,
          severity: 'normal',
          metadata: expect.objectContaining({ arns: [adopted.arn] }),
        }),
      },
    ]);
    expect(attributed[0].payload.scope).toMatch(
      new RegExp(`^aws-ownership:resources-attributed:${PAYMENTS}:`),
    );
    const unowned = sent.filter(n =>
      n.payload.scope?.startsWith('aws-ownership:resources-unowned:'),
    );
    expect(unowned).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: ['group:default/platform'],
        },
        payload: expect.objectContaining({
          title: '1 AWS resource lost its owner',
          link: '/aws-ownership',
          severity: 'high',
          metadata: expect.objectContaining({ arns: [orphaned.arn] }),
        }),
      },
    ]);
    expect(unowned[0].payload.description).toContain('(was Payments)');

    const count = sent.length;
    await scanAll();
    expect(sent).toHaveLength(count);
    await backend.stop();
  });

  it('sends nothing when notifications are not enabled', async () => {
    const { backend, sent, scanAll } = await start('SQLITE_3', {});
    await scanAll();
    const [broken] = paymentsResources(inventory);
    emulator.loadInventory({
      ...inventory,
      resources: inventory.resources.map(r =>
        r === broken
          ? { ...r, tags: { ...r.tags, 'db-password': 'x1234' } }
          : r,
      ),
    });
    await scanAll();
    expect(sent).toEqual([]);
    await backend.stop();
  });
});
