#!/usr/bin/env bash
# Fast-tier verdicts before/after: `rampart guard scan --fast-only` with the guard classes of a
# base commit and with the working tree's (rampart-guard/target/classes, both ahead of the CLI
# jar on the class path), latency fields removed, compared byte for byte per input file.
# Usage: bench/guard/same-output.sh BASE_COMMIT FILE.jsonl...  (after ./rampart --version and a
# build of rampart-guard). Exit status 1 when any file differs.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$root/.mvn/find-jdk.sh"
rampart_find_jdk
base=$1
shift
jar="$root/rampart-cli/target/rampart.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src" "$work/before"
git -C "$root" archive "$base" rampart-guard/src/main | tar -x -C "$work/src"
"$JAVA_HOME/bin/javac" -nowarn -d "$work/before" -cp "$jar" $(find "$work/src" -name '*.java')
cp -r "$work/src/rampart-guard/src/main/resources/." "$work/before/"
strip='import json,sys
def s(o):
    if isinstance(o,dict): return {k:s(v) for k,v in o.items() if "latency" not in k}
    if isinstance(o,list): return [s(x) for x in o]
    return o
for l in sys.stdin:
    if l.strip(): print(json.dumps(s(json.loads(l)),sort_keys=True))'
scan() {
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$1:$jar" io.rampart.cli.Main \
    guard scan --fast-only "$2" | python3 -c "$strip"
}
rc=0
for f in "$@"; do
  scan "$work/before" "$f" >"$work/b"
  scan "$root/rampart-guard/target/classes" "$f" >"$work/a"
  if cmp -s "$work/b" "$work/a"; then
    echo "identical $(wc -l <"$work/a") verdicts $f"
  else
    echo "DIFFERENT $f"; diff "$work/b" "$work/a" | head -5; rc=1
  fi
done
exit $rc
