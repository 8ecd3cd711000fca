#!/usr/bin/env bash
# Prepares this machine for the project: Node 22, the npm dependencies and,
# with --test, what the tests need (PostgreSQL's connection, Chromium, the AWS CLI).
# Source it (`source scripts/setup.sh [--test]`) so PATH and the test variables stay set.
# Every step does nothing when its work is already done.

_setup_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

_setup_deps() {
  # npm ci when node_modules is missing or was installed from another lockfile.
  local stamp="$_setup_root/node_modules/.install-stamp"
  local want
  want="$(node -v) $(sha256sum "$_setup_root/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "setup: installing npm dependencies (a cold install takes a few minutes)" >&2
    (cd "$_setup_root" && npm ci --no-audit --no-fund) || return 1
    echo "$want" > "$stamp"
  fi
}

_setup_apt() {
  # Installs Debian packages that are missing; needs root (CI and these machines are root).
  local missing=()
  command -v /usr/bin/chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
  [ -x /usr/bin/aws ] || missing+=(awscli)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "setup: please install ${missing[*]} (apt-get install -y ${missing[*]})" >&2
    return 1
  fi
  echo "setup: apt-get install ${missing[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

_setup_postgres() {
  # The store tests run on SQLite and, where this is set, on the machine's PostgreSQL 15.
  export BACKSTAGE_TEST_DISABLE_DOCKER=1
  command -v pg_isready >/dev/null 2>&1 || {
    echo "setup: no PostgreSQL on this machine; database tests run on SQLite only" >&2
    return 0
  }
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    local version
    version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
    [ -n "$version" ] && pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  if pg_isready -q -h 127.0.0.1 -p 5432; then
    export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
  else
    echo "setup: PostgreSQL is not answering on 127.0.0.1:5432; database tests run on SQLite only" >&2
  fi
}

# shellcheck source=node22.sh
source "$_setup_root/scripts/node22.sh" || return 1 2>/dev/null || exit 1
_setup_deps || return 1 2>/dev/null || exit 1
if [ "${1:-}" = "--test" ]; then
  _setup_apt || return 1 2>/dev/null || exit 1
  _setup_postgres
fi
