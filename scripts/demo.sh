#!/usr/bin/env bash
# The README's start command: prepares the machine, then starts the AWS emulator
# with the demo inventory (:4566), the backend (:7007) and the portal (:3000).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
exec npm start
