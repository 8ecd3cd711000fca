import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's AWS CLI v2; always by full path (another `aws` earlier on PATH is a different one). */
export const AWS_CLI = '/usr/bin/aws';

/** What one CLI run printed and how it exited. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json?: any;
}

/** Runs the AWS CLI against the emulator with dummy credentials and no config files. */
export async function awsCli(
  url: string,
  args: string[],
  options: { region?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(
      AWS_CLI,
      [
        ...args,
        '--endpoint-url',
        url,
        '--region',
        options.region ?? 'us-east-1',
        '--output',
        'json',
      ],
      {
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: process.env.HOME ?? '/tmp',
          AWS_ACCESS_KEY_ID: 'AKIAEMULATORCLI00001',
          AWS_SECRET_ACCESS_KEY: 'dummy',
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
          AWS_PAGER: '',
          ...options.env,
        },
        timeout: 60_000,
      },
    );
    return {
      code: 0,
      stdout,
      stderr,
      json: stdout.trim() ? JSON.parse(stdout) : undefined,
    };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof e.code === 'number' ? e.code : -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    };
  }
}
