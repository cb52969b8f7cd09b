#!/usr/bin/env bash
# Opt-in interop check (not part of ./mvnw verify; needs npm, and network on first use): runs
# the official @modelcontextprotocol/server-everything in stdio mode as a child of the Rampart
# MCP gateway (a `command:` server) and checks, with the official TypeScript SDK client over
# Streamable HTTP, that the notifications it sends on its own (notifications/message after
# logging/setLevel and toggle-simulated-logging) reach the client on the session's GET stream.
#
#   tools/interop/mcp-stdio-stream.sh          # EVERYTHING_VERSION=2026.8.31 by default
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version="${EVERYTHING_VERSION:-2026.8.31}"
export RAMPART_GATEWAY_PORT="${RAMPART_GATEWAY_PORT:-8898}"
export RAMPART_API_PORT="${RAMPART_API_PORT:-8897}"
export RAMPART_ADMIN_TOKEN="interop-admin-token-0123456789"
key="alice-interop-key"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -- "-$p" 2>/dev/null || true; done; sleep 1; rm -rf "$work"; }
trap cleanup EXIT
wait_port() { for _ in $(seq 1 120); do (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 1; done; echo "port $1 never opened" >&2; return 1; }
fail() { echo "FAIL $*" >&2; exit 1; }

cat >"$work/rampart.yaml" <<YAML
data-dir: $work/data
server:
  host: 127.0.0.1
  port: $RAMPART_API_PORT
storage:
  url: ""
mcp-gateway:
  enabled: true
  host: 127.0.0.1
  port: $RAMPART_GATEWAY_PORT
  path: /mcp
  upstream-timeout: 60s
  servers:
    - name: everything
      command: [npx, -y, "@modelcontextprotocol/server-everything@$version", stdio]
      access:
        - principals: [alice]
          tools: ["*"]
          resources: ["*"]
          prompts: ["*"]
  api-keys:
    - principal: alice
      key: $key
YAML
"$root/rampart" --version >/dev/null
(cd "$work" && exec setsid "$root/rampart" serve --config "$work/rampart.yaml" >"$work/rampart.log" 2>&1) &
pids+=($!)
wait_port "$RAMPART_GATEWAY_PORT" || { cat "$work/rampart.log"; fail "gateway did not start"; }
(cd "$work" && npm install --silent --no-audit --no-fund "@modelcontextprotocol/sdk@${SDK_VERSION:-1.32.2}" >/dev/null 2>&1) ||
  fail "npm install @modelcontextprotocol/sdk"
cp "$root/tools/interop/mcp-stdio-stream.mjs" "$work/"
(cd "$work" && node mcp-stdio-stream.mjs "http://127.0.0.1:$RAMPART_GATEWAY_PORT/mcp" "$key") ||
  { tail -20 "$work/rampart.log"; fail "TypeScript SDK client on the GET stream"; }
echo "all checks passed (server-everything $version over stdio)"
