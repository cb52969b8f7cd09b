#!/usr/bin/env bash
# Guard latency before/after on one core: the same harness (GuardLatencyMix, wall and thread CPU
# time per verdict) against the working tree and against the guard module of a base commit,
# alternating, two rounds. Usage: bench/guard/latency.sh [DATA.jsonl[,MORE.jsonl]] [BASE_COMMIT]
# FAST=1 times the fast tier alone (model tier disabled); PASSES=N passes over the mix (default 2).
# Default data: the in-repo held-out fixtures; the dev mix is ../shared/data/guard/dev.jsonl.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$root/.mvn/find-jdk.sh"
rampart_find_jdk
data=${1:-$root/rampart-guard/src/test/resources/guard/heldout.jsonl,$root/rampart-guard/src/test/resources/guard/heldout2.jsonl}
base=${2:-d1b8394}
core=${CORE:-0}
work=$(mktemp -d)
cd "$root/rampart-guard"
"$root/mvnw" -o -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp" >/dev/null
cp="$root/rampart-core/target/classes:$(cat "$work/cp")"
mkdir -p "$work/src" "$work/before"
git -C "$root" archive "$base" rampart-guard/src/main | tar -x -C "$work/src"
"$JAVA_HOME/bin/javac" -nowarn -d "$work/before" -cp "$cp" $(find "$work/src" -name '*.java')
cp -r "$work/src/rampart-guard/src/main/resources/." "$work/before/"
run() { # label classes
  taskset -c "$core" "$JAVA_HOME/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED \
    -cp "target/test-classes:$2:$cp" io.rampart.guard.bench.GuardLatencyMix "$data" "$1" "${PASSES:-2}" \
    $([ "${FAST:-0}" = 1 ] && echo fast) \
    2>&1 | grep -E ' (wall|cpu) '
}
for round in 1 2; do
  uptime
  run "before($base)" "$work/before"
  run after target/classes
done
rm -rf "$work"
