#!/usr/bin/env node
// Runs the benchmarks under test/bench: every one, or those named on the command
// line (`npm run bench -- rating collect`). Each benchmark is a standalone
// TypeScript program that prints one JSON object; they run one after another so
// that they do not compete for the machine's two cores.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'test', 'bench');
const available = readdirSync(benchDir)
  .filter(f => f.endsWith('.ts') && !f.startsWith('_'))
  .map(f => f.replace(/\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter(w => !available.includes(w));
if (unknown.length) {
  console.error(
    `Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(
      ', ',
    )}`,
  );
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length ? wanted : available) {
  const res = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(benchDir, `${name}.ts`)],
    { cwd: root, stdio: 'inherit' },
  );
  if (res.status !== 0) {
    console.error(`benchmark ${name} failed with exit code ${res.status}`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
