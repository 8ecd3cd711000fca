#!/usr/bin/env node
// Prints the jest run's totals as one plain line ("N passed, N failed"), from
// the JSON report `npm run test:unit` writes, so any CI can read the outcome.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.artifacts/jest-results.json';
try {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(
    `${report.numPassedTests} passed, ${report.numFailedTests} failed` +
      (skipped ? `, ${skipped} skipped` : ''),
  );
} catch (error) {
  console.error(`no jest report at ${file}: ${error.message}`);
  process.exit(1);
}
