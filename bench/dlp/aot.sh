#!/usr/bin/env bash
# DLP round 4 (docs/BENCHMARKS.md): `rampart dlp scan` with and without the launcher's AOT cache.
# Runs the jar exactly as ./rampart does (same JVM flags), one thread pinned to core 0 unless
# THREADS/PIN say otherwise, variants alternating, RUNS times; prints CPU-seconds (user+sys of
# the whole process: JIT and GC threads included) and checks that both variants write the same
# bytes. The cache is the one ./rampart trains (rampart-cli/target/rampart-dlp.aot); run
# `RAMPART_AOT=wait ./rampart dlp --help` first to build the jar and the cache.
# usage: [RUNS=3] [THREADS=1] [PIN=0|none] [EXTRA="jvm opts"] bench/dlp/aot.sh [CORPUS_DIR]
set -euo pipefail
W=${TMPDIR:-/tmp}/rampart-dlp-bench
C=${1:-$W/corpus}
[ -d "$C" ] || python3 bench/dlp/gen_corpus.py "$C" --mb 110
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=rampart-cli/target/rampart.jar
AOT=rampart-cli/target/rampart-dlp.aot
[ -f "$AOT" ] && [ ! "$JAR" -nt "$AOT" ] || { echo "run RAMPART_AOT=wait ./rampart dlp --help first (builds jar and cache)" >&2; exit 2; }
PIN=${PIN:-0}; pin=(); [ "$PIN" != none ] && pin=(taskset -c "$PIN")
MB=$(cat "$C"/* | wc -c)
one() { # LABEL [opts]
  local label=$1; shift
  /usr/bin/time -o "$W/aot-time.txt" -f "%e %U %S %M" "${pin[@]}" "$JAVA" -Xmx256m \
    --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${EXTRA:-} "$@" \
    -jar "$JAR" dlp scan --format jsonl --threads "${THREADS:-1}" "$C" > "$W/aot-$label.jsonl"
  read -r wall user sys rss < "$W/aot-time.txt"
  local cpu; cpu=$(echo "$user + $sys" | bc)
  printf '%-6s threads=%s wall %6.2f s | cpu %6.2f s %6.1f MB/cpu-s | max RSS %4d MB | load %s\n' \
    "$label" "${THREADS:-1}" "$wall" "$cpu" "$(echo "$MB / 1000000 / $cpu" | bc -l)" \
    "$((rss / 1024))" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$W/aot-results.txt"
}
: > "$W/aot-results.txt"
for _ in $(seq "${RUNS:-3}"); do one none; one aot -XX:AOTCache="$AOT"; done
# several threads write files in completion order: compare the sorted lines then
if [ "${THREADS:-1}" = 1 ]; then cmp "$W/aot-none.jsonl" "$W/aot-aot.jsonl"
else cmp <(sort "$W/aot-none.jsonl") <(sort "$W/aot-aot.jsonl"); fi \
  && echo "same output ($(wc -l < "$W/aot-aot.jsonl") lines)"
for v in none aot; do
  printf '%-6s median cpu %s s\n' "$v" "$(grep "^$v " "$W/aot-results.txt" | sed 's/.*| cpu *//' \
    | cut -d' ' -f1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
done
