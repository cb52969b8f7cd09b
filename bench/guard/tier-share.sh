#!/usr/bin/env bash
# Share of verdicts that reached the MiniLM tier, and blocks, per source, for JSON Lines inputs.
# Usage: bench/guard/tier-share.sh FILE.jsonl [rampart guard scan options]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
file=$1; shift
"$root/rampart" guard scan "$@" "$file" 2>/dev/null | python3 -c '
import json, sys, collections
src = {}
for l in open(sys.argv[1]):
    d = json.loads(l); src[d["id"]] = d.get("source", "-")
t, m, b = collections.Counter(), collections.Counter(), collections.Counter()
for l in sys.stdin:
    d = json.loads(l); s = src.get(d["id"], "-")
    t[s] += 1; m[s] += d["tier"] == "model"; b[s] += d["verdict"] == "block"
for s in sorted(t):
    print(f"{s}: model {m[s]}/{t[s]}, blocked {b[s]}")
print(f"all: model {sum(m.values())}/{sum(t.values())}, blocked {sum(b.values())}")
' "$file"
