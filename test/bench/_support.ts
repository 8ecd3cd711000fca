// Shared pieces of the collection benchmarks: an emulator in its own process
// (so it does not share this process's memory or event loop), a seeded
// inventory on disk, and a peak-memory sampler.
import { spawn, ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  GenerateOptions,
  generatedHeader,
  generateResources,
  writeInventoryFile,
} from '@aws-ownership/aws-emulator';

export const root = resolve(__dirname, '../..');
const cacheDir = join(root, '.artifacts', 'bench');

/** Writes (once per options) a seeded inventory file and returns its path. */
export async function inventoryFile(options: {
  seed: number;
  resources: number;
  accounts?: string[];
  regions: string[];
}): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const accounts = options.accounts ?? ['111122223333'];
  const file = join(
    cacheDir,
    `inventory-${options.seed}-${options.resources}-${accounts.join(
      '_',
    )}-${options.regions.join('_')}.json`,
  );
  if (existsSync(file)) return file;
  const generate: GenerateOptions = {
    seed: options.seed,
    resources: options.resources,
    accounts: accounts.map(accountId => ({
      accountId,
      regions: options.regions,
    })),
    regions: options.regions,
  };
  await writeInventoryFile(
    file,
    generatedHeader(generate),
    generateResources(generate),
  );
  return file;
}

/** Starts the emulator CLI on a free port; resolves with its URL. */
export async function startEmulatorProcess(
  args: string[],
): Promise<{ url: string; pid: number; stop(): void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'packages/aws-emulator/src/cli.ts'),
      'serve',
      '--port',
      '0',
      ...args,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(
      () => fail(new Error(`emulator did not start: ${out}`)),
      120_000,
    );
    child.stdout!.on('data', chunk => {
      out += chunk;
      const match = out.match(/https?:\/\/127\.0\.0\.1:\d+/);
      if (match) {
        clearTimeout(timer);
        ok(match[0]);
      }
    });
    child.on('exit', code =>
      fail(new Error(`emulator exited ${code}: ${out}`)),
    );
  });
  child.stdout!.resume();
  return { url, pid: child.pid!, stop: () => child.kill() };
}

/** Samples this process's resident memory until stopped; returns the peak in MB. */
export function samplePeakMemory(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return Math.round((peak / 1024 / 1024) * 10) / 10;
    },
  };
}

// Linux's /proc/<pid>/stat: utime, stime, cutime and cstime are fields 14 to
// 17, in clock ticks (100 a second on Linux), after the parenthesised name.
const TICKS = 100;
function statTimes(pid: string | number): number[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [11, 12, 13, 14].map(i => Number(fields[i]) / TICKS);
  } catch {
    return undefined;
  }
}

/** CPU seconds a running process has used so far (Linux; undefined elsewhere). */
export function processCpuSeconds(pid: number): number | undefined {
  const times = statTimes(pid);
  return times && times[0] + times[1];
}

/**
 * CPU seconds used so far by this machine's PostgreSQL: its running processes
 * plus the backends that have exited (counted in the postmaster's children
 * times). Linux only; undefined elsewhere or when no postgres runs here.
 */
export function postgresCpuSeconds(): number | undefined {
  let total: number | undefined;
  for (const pid of readdirSync('/proc').filter(p => /^\d+$/.test(p))) {
    let name: string;
    try {
      name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (name !== 'postgres') continue;
    const times = statTimes(pid);
    if (times) total = (total ?? 0) + times[0] + times[1] + times[2] + times[3];
  }
  return total;
}
