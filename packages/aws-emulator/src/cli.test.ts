import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './cli';
import { generateInventory } from './inventory/generate';
import { serializeInventory } from './inventory/write';

describe('the aws-emulator CLI', () => {
  let dir: string;
  let stdout: jest.SpyInstance;
  let stderr: jest.SpyInstance;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aws-emulator-cli-'));
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });

  afterEach(() => {
    stdout.mockRestore();
    stderr.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints its help', async () => {
    expect(await main(['--help'])).toBe(0);
    expect(stdout.mock.calls.join('')).toMatch(
      /serve \[options\][\s\S]*generate \[options\]/,
    );
  });

  it('generates the same inventory as generateInventory', async () => {
    const out = join(dir, 'inv.json');
    expect(
      await main([
        'generate',
        '--seed',
        '11',
        '--resources',
        '40',
        '--out',
        out,
      ]),
    ).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      serializeInventory(generateInventory({ seed: 11, resources: 40 })),
    );
  });

  it('takes accounts and regions', async () => {
    const out = join(dir, 'inv.json');
    await main([
      'generate',
      '--seed',
      '1',
      '--resources',
      '20',
      '--out',
      out,
      '--accounts',
      '123456789012,210987654321',
      '--regions',
      'ap-south-1',
      '--no-tag-policy',
    ]);
    const inventory = JSON.parse(readFileSync(out, 'utf8'));
    expect(inventory.mainAccountId).toBe('123456789012');
    expect(inventory.accounts[1]).toEqual({
      accountId: '210987654321',
      regions: ['ap-south-1'],
      roles: [{ name: 'ownership-reader' }],
    });
    expect(inventory.tagPolicy).toBeUndefined();
  });

  it('generates an organization of N accounts with M resources each', async () => {
    const out = join(dir, 'org.json');
    expect(
      await main([
        'generate',
        '--seed',
        '3',
        '--org-accounts',
        '6',
        '--resources-per-account',
        '4',
        '--out',
        out,
      ]),
    ).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      serializeInventory(
        generateInventory({ seed: 3, resources: 24, orgAccounts: 6 }),
      ),
    );
    expect(
      await main([
        'generate',
        '--seed',
        '3',
        '--org-accounts',
        '6',
        '--accounts',
        '123456789012',
      ]),
    ).toBe(2);
    expect(
      await main(['generate', '--seed', '3', '--resources-per-account', '4']),
    ).toBe(2);
    expect(stderr.mock.calls.join('')).toMatch(
      /--resources-per-account needs --org-accounts/,
    );
  });

  it('exits 2 with the help for bad usage', async () => {
    expect(await main(['generate', '--seed', '1'])).toBe(2);
    expect(await main(['generate', '--seed', 'x', '--resources', '1'])).toBe(2);
    expect(await main(['serve', '--bogus'])).toBe(2);
    expect(await main(['dance'])).toBe(2);
    expect(stderr.mock.calls.join('')).toMatch(/Unknown command 'dance'/);
  });
});

describe('aws-emulator serve (the `npm start` contract)', () => {
  jest.setTimeout(30_000);

  it('serves the demo inventory file until it is stopped', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli.ts',
        'serve',
        '--inventory',
        '../../examples/aws-inventory.json',
        '--port',
        '0',
      ],
      { cwd: join(__dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match) resolve(match[1]);
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        child.on('exit', code =>
          reject(new Error(`exited with ${code}: ${output}`)),
        );
      });
      const health = await (await fetch(`${url}/_emulator/health`)).json();
      expect(health).toEqual({ status: 'ok', resources: 420 });
    } finally {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
