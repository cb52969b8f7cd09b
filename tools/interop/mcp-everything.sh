#!/usr/bin/env bash
# Opt-in interop check (not part of ./mvnw verify; needs npm and network on first use):
# starts the official @modelcontextprotocol/server-everything (Streamable HTTP, or with
# MCP_UPSTREAM_TRANSPORT=sse its older HTTP+SSE transport) and Rampart with
# examples/mcp/rampart.yaml, then drives the issue's quickstart contract through the gateway
# with curl and the official TypeScript SDK client (over Streamable HTTP, then over the older
# HTTP+SSE transport at /mcp/sse). Prints one line per check and exits non-zero on the first failure.
#
#   tools/interop/mcp-everything.sh            # EVERYTHING_VERSION=2026.8.31 by default
#   MCP_UPSTREAM_TRANSPORT=sse tools/interop/mcp-everything.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version="${EVERYTHING_VERSION:-2026.8.31}"
mcp_port="${MCP_PORT:-3901}"
export RAMPART_GATEWAY_PORT="${RAMPART_GATEWAY_PORT:-8798}"
export RAMPART_API_PORT="${RAMPART_API_PORT:-8797}"
export RAMPART_ADMIN_TOKEN="interop-admin-token-0123456789"
export RAMPART_DEMO_KEY="alice-interop-key"
export RAMPART_LIMITED_KEY="bob-interop-key"
export MCP_UPSTREAM_TRANSPORT="${MCP_UPSTREAM_TRANSPORT:-streamable-http}"
case "$MCP_UPSTREAM_TRANSPORT" in
  sse) everything_mode=sse; export MCP_UPSTREAM_URL="http://127.0.0.1:$mcp_port/sse" ;;
  streamable-http) everything_mode=streamableHttp; export MCP_UPSTREAM_URL="http://127.0.0.1:$mcp_port/mcp" ;;
  *) echo "MCP_UPSTREAM_TRANSPORT: $MCP_UPSTREAM_TRANSPORT (expected: streamable-http or sse)" >&2; exit 2 ;;
esac
work="$(mktemp -d)"
export RAMPART_DATA_DIR="$work/data"
# a secret in the MCP server's environment, which its get-env tool prints
secret="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"
pids=()
# each child runs in its own process group (setsid), so npx's node and the JVM stop with it
cleanup() { for p in "${pids[@]}"; do kill -- "-$p" 2>/dev/null || true; done; sleep 1; rm -rf "$work"; }
trap cleanup EXIT

wait_port() { for _ in $(seq 1 120); do (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 1; done; echo "port $1 never opened" >&2; return 1; }
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*" >&2; exit 1; }

# build the CLI first if sources changed (minutes on a busy machine), so the port wait below
# measures start-up only
"$root/rampart" --version >/dev/null
(cd "$work" && GITHUB_TOKEN="$secret" PORT="$mcp_port" exec setsid npx -y \
  "@modelcontextprotocol/server-everything@$version" "$everything_mode" >"$work/everything.log" 2>&1) &
pids+=($!)
(cd "$root" && exec setsid ./rampart serve --config examples/mcp/rampart.yaml >"$work/rampart.log" 2>&1) &
pids+=($!)
wait_port "$mcp_port"; wait_port "$RAMPART_GATEWAY_PORT"; wait_port "$RAMPART_API_PORT"
endpoint="http://127.0.0.1:$RAMPART_GATEWAY_PORT/mcp"

# post KEY SESSION BODY -> writes headers to $work/h, JSON-RPC messages (one per line) to stdout
post() {
  local args=(-sS -D "$work/h" -H 'Content-Type: application/json'
    -H 'Accept: application/json, text/event-stream' -H 'MCP-Protocol-Version: 2025-06-18')
  [ -n "$1" ] && args+=(-H "Authorization: Bearer $1")
  [ -n "$2" ] && args+=(-H "Mcp-Session-Id: $2")
  curl "${args[@]}" --data "$3" "$endpoint" | python3 -c '
import sys, json
text = sys.stdin.read()
if text.lstrip().startswith(("{", "[")):
    v = json.loads(text); [print(json.dumps(m)) for m in (v if isinstance(v, list) else [v])]
else:
    [print(l[6:]) for l in text.splitlines() if l.startswith("data: ")]'
}
status() { head -1 "$work/h" | awk '{print $2}'; }
session() { grep -i '^mcp-session-id:' "$work/h" | awk '{print $2}' | tr -d '\r'; }
# field ID PATH: the value at PATH (a/b/0/c) of the message answering ID, as JSON text
field() { python3 -c '
import sys, json
want, path = int(sys.argv[1]), sys.argv[2].split("/")
for line in sys.stdin:
    m = json.loads(line)
    if m.get("id") == want:
        for p in path:
            m = m[int(p)] if isinstance(m, list) else m[p]
        print(m if isinstance(m, (str, int)) else json.dumps(m))' "$1" "$2"; }
names() { python3 -c 'import sys, json; print(" ".join(sorted(t["name"] for t in json.load(sys.stdin))))'; }

init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}'
initialized='{"jsonrpc":"2.0","method":"notifications/initialized"}'
list='{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}'

post "" "" "$list" >/dev/null; [ "$(status)" = 401 ] || fail "no key: $(status)"
grep -qi '^www-authenticate: Bearer' "$work/h" || fail "401 without WWW-Authenticate"
ok "no key: 401 with WWW-Authenticate"

post "$RAMPART_DEMO_KEY" "" "$init" >/dev/null; alice="$(session)"
[ -n "$alice" ] || fail "alice: no Mcp-Session-Id"; post "$RAMPART_DEMO_KEY" "$alice" "$initialized" >/dev/null
alice_tools="$(post "$RAMPART_DEMO_KEY" "$alice" "$list" | field 2 result/tools | names)"
echo "$alice_tools" | grep -qw get-env || fail "alice tools: $alice_tools"
ok "alice sees $(echo "$alice_tools" | wc -w) tools: $alice_tools"

post "$RAMPART_LIMITED_KEY" "" "$init" >/dev/null; bob="$(session)"; post "$RAMPART_LIMITED_KEY" "$bob" "$initialized" >/dev/null
bob_tools="$(post "$RAMPART_LIMITED_KEY" "$bob" "$list" | field 2 result/tools | names)"
[ "$bob_tools" = "echo get-sum" ] || fail "bob tools: $bob_tools"
ok "bob sees only: $bob_tools"

code="$(post "$RAMPART_LIMITED_KEY" "$bob" '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get-env","arguments":{}}}' | field 3 error/code)"
[ "$code" = -32010 ] || fail "bob get-env: $code"; ok "bob calling get-env: JSON-RPC error $code"
sum="$(post "$RAMPART_LIMITED_KEY" "$bob" '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"get-sum","arguments":{"a":2,"b":3}}}' | field 4 result/content/0/text)"
echo "$sum" | grep -q 5 || fail "bob get-sum: $sum"; ok "bob get-sum 2+3: $sum"

env_out="$(post "$RAMPART_DEMO_KEY" "$alice" '{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"get-env","arguments":{}}}')"
echo "$env_out" | grep -q "$secret" && fail "alice get-env leaked the secret"
echo "$env_out" | grep -q '<GITHUB_TOKEN>' || fail "alice get-env: no redaction marker: ${env_out:0:300}"
ok "alice get-env: the GITHUB_TOKEN value arrives as <GITHUB_TOKEN>"

curl -sS -o /dev/null -w '%{http_code}' -X DELETE -H "Authorization: Bearer $RAMPART_DEMO_KEY" \
  -H "Mcp-Session-Id: $alice" "$endpoint" | grep -q '^2' || fail "DELETE session"
ok "DELETE ends alice's session"

n="$(curl -sS -H "Authorization: Bearer $RAMPART_ADMIN_TOKEN" \
  "http://127.0.0.1:$RAMPART_API_PORT/api/events?type=mcp.request&limit=100" |
  python3 -c 'import sys,json; print(len(json.load(sys.stdin)["events"]))')"
[ "$n" -ge 10 ] || fail "mcp.request events: $n"; ok "$n mcp.request events in the log"

# the official TypeScript SDK client, installed next to the script's work files
(cd "$work" && npm install --silent --no-audit --no-fund "@modelcontextprotocol/sdk@${SDK_VERSION:-1.32.2}" >/dev/null 2>&1) ||
  fail "npm install @modelcontextprotocol/sdk"
cp "$root/tools/interop/mcp-sdk-client.mjs" "$work/"
(cd "$work" && node mcp-sdk-client.mjs "$endpoint" "$RAMPART_DEMO_KEY" "$RAMPART_LIMITED_KEY") ||
  fail "TypeScript SDK client"
ok "TypeScript SDK client ${SDK_VERSION:-1.32.2}: connects with a key, refused without"
(cd "$work" && node mcp-sdk-client.mjs "$endpoint/sse" "$RAMPART_DEMO_KEY" "$RAMPART_LIMITED_KEY" sse) ||
  fail "TypeScript SDK client over HTTP+SSE"
ok "TypeScript SDK client ${SDK_VERSION:-1.32.2} over the older HTTP+SSE transport (/mcp/sse): the same"
echo "all checks passed (server-everything $version, upstream transport $MCP_UPSTREAM_TRANSPORT)"
