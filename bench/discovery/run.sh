#!/usr/bin/env bash
# Discovery and posture benchmark (see docs/BENCHMARKS.md, "## Discovery and posture").
# Run from the repo root. Builds the CLI jar if needed (package, never install), generates the
# inputs under $TMPDIR (never committed), then measures whole processes with /usr/bin/time -v:
#   1. rampart scan --format json over 10,000 Azure Resource Graph resources
#   2. rampart scan --format json over a generated 1,000-file code repository
#   3. rampart inventory assess over the 10,000 resources, twice (first run: all assets and
#      findings new; second: the diff against the first), storing into a fresh H2 data dir
# Each scan runs RUNS times (default 5); the medians of wall time, CPU time (user+sys, which
# says more than wall time on a shared machine) and peak RSS are printed.
# usage: [RUNS=5] [HEAP=512m] [SCAN_ONLY=1] bench/discovery/run.sh
set -euo pipefail
RUNS=${RUNS:-5}
HEAP=${HEAP:-512m}
WORK=${TMPDIR:-/tmp}/rampart-disc-bench
. .mvn/find-jdk.sh
rampart_find_jdk
JAR=rampart-cli/target/rampart.jar
[ -f "$JAR" ] || ./mvnw -q -o -B -ntp -DskipTests -pl rampart-cli -am package
[ -d "$WORK/data" ] || python3 bench/discovery/gen_estate.py "$WORK/data"
JAVA=("$JAVA_HOME/bin/java" "-Xmx$HEAP" --enable-native-access=ALL-UNNAMED
  --sun-misc-unsafe-memory-access=allow -jar "$JAR")

# measure NAME CMD...: RUNS whole-process runs; prints median wall seconds and peak RSS (MB)
measure() {
  local name=$1; shift
  local walls=() rss=() cpus=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -v -o "$WORK/time.txt" "$@" > "$WORK/out.json" 2> "$WORK/err.txt" || true
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0;
      for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$WORK/time.txt")")
    cpus+=("$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$WORK/time.txt")")
    rss+=("$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$WORK/time.txt")")
  done
  local mw mr mc
  mc=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mw=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mr=$(printf '%s\n' "${rss[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-34s median wall %6.2f s  CPU (user+sys) %6.2f s  peak RSS %5d MB  (walls: %s)\n' \
    "$name" "$mw" "$mc" "$mr" "${walls[*]}"
}

echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), heap -Xmx$HEAP"
measure "scan arg-json 10,000 resources" "${JAVA[@]}" scan --format json "$WORK/data/arg"
python3 - "$WORK/out.json" <<'P'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"  -> {len(d['assets'])} assets, {len(d['findings'])} findings,"
      f" {len(d['attackPaths'])} attack paths, {len(d['errors'])} errors")
P
measure "scan code 1,000-file repository" "${JAVA[@]}" scan --format json "$WORK/data/repo"
python3 - "$WORK/out.json" <<'P'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"  -> {len(d['assets'])} assets, {len(d['findings'])} findings,"
      f" {len(d['attackPaths'])} attack paths, {len(d['errors'])} errors")
P
# stored runs: a fresh data dir per pair, first run then the diff run
[ -n "${SCAN_ONLY:-}" ] && exit 0
RUNS_SAVED=$RUNS
RUNS=1
for i in $(seq "$RUNS_SAVED"); do
  rm -rf "$WORK/store"
  measure "inventory assess (first) #$i" "${JAVA[@]}" --data-dir "$WORK/store" inventory assess \
    --scope bench "$WORK/data/arg"
  measure "inventory assess (second) #$i" "${JAVA[@]}" --data-dir "$WORK/store" inventory assess \
    --scope bench "$WORK/data/arg"
done
cat "$WORK/out.json"
