#!/usr/bin/env bash
# The README's test command: prepares the machine, then type check, lint, every
# package's tests (SQLite and PostgreSQL), and the portal in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --test
export CI=true
mkdir -p .artifacts
rm -f .artifacts/jest-results.json
status=0
npm test || status=$?
# the totals as one plain line, when the unit tests got to run
[ -f .artifacts/jest-results.json ] && node scripts/test-summary.mjs
[ "$status" -eq 0 ] || exit "$status"
npm run test:e2e
