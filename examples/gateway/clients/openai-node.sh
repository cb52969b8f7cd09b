#!/usr/bin/env bash
# Opt-in check (needs network for npm; not part of ./mvnw verify): the official `openai` npm
# client, unchanged, against `rampart serve --config examples/gateway/rampart.yaml` in front of
# a fake upstream (fake-upstream.mjs). Installs the client into a temporary directory.
#
#   examples/gateway/clients/openai-node.sh            # OPENAI_NPM_VERSION=latest by default
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
UP_PORT=${UP_PORT:-18180} GW_PORT=${GW_PORT:-18188} API_PORT=${API_PORT:-18187}
for tool in node npm curl; do command -v "$tool" >/dev/null || { echo "$tool not found" >&2; exit 1; }; done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rampart-openai-node.XXXXXX")
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
wait_port() { for _ in $(seq 1 360); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.5; done; echo "port $1 not open" >&2; exit 1; }

cp "$here/client.mjs" "$here/fake-upstream.mjs" "$tmp/"
(cd "$tmp" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "openai@${OPENAI_NPM_VERSION:-latest}" >/dev/null)
echo "openai npm client $(node -p "require('$tmp/node_modules/openai/package.json').version"), node $(node --version)"

node "$tmp/fake-upstream.mjs" "$UP_PORT" & pids+=($!)
RAMPART_DATA_DIR="$tmp/data" RAMPART_API_PORT=$API_PORT RAMPART_GATEWAY_PORT=$GW_PORT \
  UPSTREAM_URL="http://127.0.0.1:$UP_PORT/v1" UPSTREAM_API_KEY=upstream-key \
  RAMPART_DEMO_KEY=demo-key-for-node RAMPART_ADMIN_TOKEN=admin-token-for-node \
  "$root/rampart" serve --config "$root/examples/gateway/rampart.yaml" >"$tmp/rampart.log" 2>&1 & pids+=($!)
wait_port "$UP_PORT"
wait_port "$GW_PORT"
(cd "$tmp" && node client.mjs "http://127.0.0.1:$GW_PORT/v1" demo-key-for-node "http://127.0.0.1:$UP_PORT")
