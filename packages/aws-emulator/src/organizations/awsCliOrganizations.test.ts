import { existsSync } from 'node:fs';
import { EmulatorHandle, startEmulator } from '../server';
import { AWS_CLI, awsCli } from '../__testUtils__/awsCli';
import { MEMBER } from '../__testUtils__/fixtures';
import { orgInventory } from '../__testUtils__/organizationFixture';

jest.setTimeout(60_000);

const describeWithCli = existsSync(AWS_CLI) ? describe : describe.skip;

describeWithCli('Debian AWS CLI v2 (/usr/bin/aws) organizations', () => {
  let emulator: EmulatorHandle;

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      inventory: orgInventory(),
      quota: { enabled: false },
    });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('lists the 45 accounts of the organization in pages of 20, merged', async () => {
    const out = await awsCli(emulator.url, [
      'organizations',
      'list-accounts',
      '--page-size',
      '20',
    ]);
    expect(out.code).toBe(0);
    expect(out.json.Accounts).toHaveLength(45);
    expect(out.json.Accounts[0]).toMatchObject({
      Id: '111111111111',
      Status: 'ACTIVE',
      JoinedMethod: 'CREATED',
    });
    expect(
      emulator.stats().calls.find(c => c.operation === 'ListAccounts')?.calls,
    ).toBe(3);
  });

  it('shows a member account AccessDeniedException', async () => {
    const out = await awsCli(emulator.url, ['organizations', 'list-accounts'], {
      env: { AWS_ACCESS_KEY_ID: MEMBER },
    });
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/AccessDeniedException/);
  });
});
