import { mockServices } from '@backstage/backend-test-utils';
import type { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import type { AccountDirectory } from '../accounts/types';
import type { AwsOwnershipConfig } from '../config/types';
import type { Scan } from '../schema/types';
import { ScanTasks, scanTaskId } from './scheduleScans';

const ACCOUNT = '111122223333';

function setup(scans: Array<Partial<Scan>>) {
  const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: jest.fn(async task => {
      tasks.set(task.id, task);
    }),
  });
  const scanAccount = jest.fn(async () => ({} as Scan));
  const account = { accountId: ACCOUNT, regions: ['us-east-1'] };
  const directory = {
    refresh: async () => ({ accounts: [account], complete: true }),
    get: () => account,
  } as unknown as AccountDirectory;
  const config = {
    schedule: { frequency: { hours: 6 }, timeout: { minutes: 5 } },
    collector: { concurrency: 2 },
    history: { retention: { days: 30 } },
  } as unknown as AwsOwnershipConfig;
  const tasksOf = new ScanTasks({
    scheduler,
    config,
    runner: { scanAccount },
    store: { listScans: async () => scans as Scan[] },
    directory,
    logger: mockServices.logger.mock(),
    retire: async () => ({ stale: [], dropped: [] }),
  });
  const run = () =>
    tasks.get(scanTaskId(ACCOUNT))!.fn(new AbortController().signal as any);
  return { start: () => tasksOf.start(), run, scanAccount };
}

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe('ScanTasks', () => {
  it('scans an account whose last scan committed long ago', async () => {
    const { start, run, scanAccount } = setup([
      { id: 'old', status: 'succeeded', finishedAt: ago(3 * 3600_000) },
    ]);
    await start();
    await run();
    expect(scanAccount).toHaveBeenCalledTimes(1);
  });

  it('skips a second run of the cycle: a scan committed moments ago', async () => {
    const { start, run, scanAccount } = setup([
      { id: 'just-now', status: 'partial', finishedAt: ago(5_000) },
      { id: 'old', status: 'succeeded', finishedAt: ago(3 * 3600_000) },
    ]);
    await start();
    await run();
    expect(scanAccount).not.toHaveBeenCalled();
  });

  it('runs a "scan now" request even right after a scan', async () => {
    const { start, run, scanAccount } = setup([
      { id: 'request', status: 'pending' },
      { id: 'just-now', status: 'succeeded', finishedAt: ago(5_000) },
    ]);
    await start();
    await run();
    expect(scanAccount).toHaveBeenCalledTimes(1);
  });

  it('retries at once an account whose newest scan did not commit', async () => {
    const { start, run, scanAccount } = setup([
      { id: 'died', status: 'cancelled', finishedAt: ago(1_000) },
      { id: 'before', status: 'succeeded', finishedAt: ago(20_000) },
    ]);
    await start();
    await run();
    expect(scanAccount).toHaveBeenCalledTimes(1);
  });
});
