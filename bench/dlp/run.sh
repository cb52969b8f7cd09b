#!/usr/bin/env bash
# DLP benchmarks (see docs/BENCHMARKS.md, "## DLP"). Run from the repo root; it compiles what it
# needs with the reactor (never `mvn install`). Generated data lives in $TMPDIR, never in the repo.
#   1. whole process: `rampart dlp scan --format jsonl` over a generated 110 MB mixed corpus
#      (bench/dlp/gen_corpus.py), 1 thread pinned to one core and all cores (--threads $(nproc)),
#      wall time, CPU time and peak RSS; then one 1 GB file under a 256 MB heap (bounded memory
#      whatever the input size);
#   2. in-process side by side, dev corpus: rampart-dlp vs the npm package redact-pii (a peer for
#      comparison, never a dependency), both warmed up, median of 5 passes;
#   3. with BASE=<git rev>: the same whole-process runs and an in-process side-by-side
#      (SideBySide: CPU-time MB/s, alternating rounds in one JVM) against that revision.
#   RUNS=n repeats the whole-process runs n times (variants alternating) and prints the medians;
#   WHOLE_ONLY=1 stops after them.
# usage: [BASE=<rev>] [RUNS=n] [WHOLE_ONLY=1] bench/dlp/run.sh [DEV_JSONL]
set -euo pipefail
DEV=${1:-../shared/data/dlp/dev.jsonl}
WORK=${TMPDIR:-/tmp}/rampart-dlp-bench
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
mkdir -p "$WORK"
./mvnw -q -o -pl rampart-dlp -am compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CORES=$(nproc)
PICO=$(find ~/.m2/repository/info/picocli -name 'picocli-4.7.7.jar' | head -1)
DEPS="$(cat "$WORK/cp.txt"):$PICO"
# Dlp: the CLI's dlp command; at exit it prints the CPU time of the live threads by kind to
# stderr (JIT compiler threads, GC, VM, main; the scan workers have ended: their share is the
# process total minus these)
cat > "$WORK/Dlp.java" <<'J'
import java.nio.file.*; import java.util.*;
public class Dlp { public static void main(String[] a) throws Exception {
  int rc = new picocli.CommandLine(new io.rampart.cli.dlp.DlpCommand()).execute(a);
  Map<String, Long> by = new TreeMap<>();
  try (var s = Files.list(Path.of("/proc/self/task"))) { for (Path t : s.toList()) {
    String st; try { st = Files.readString(t.resolve("stat")); } catch (Exception x) { continue; }
    String name = st.substring(st.indexOf('(') + 1, st.lastIndexOf(')')).replaceAll("[0-9]+", "#");
    String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
    by.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum); } }
  StringBuilder b = new StringBuilder("thread cpu s:");
  by.forEach((k, v) -> { if (v > 0) b.append(' ').append(k.trim().replace(' ', '_')).append('=').append(v / 100.0); });
  System.err.println(b); System.exit(rc); } }
J
# build NAME DLP_SRC CLI_SRC: engine + CLI classes into $WORK/NAME
build() {
  rm -rf "$WORK/$1" && mkdir -p "$WORK/$1/dlp" "$WORK/$1/cli"
  "$JAVA/javac" -nowarn -cp "$DEPS" -d "$WORK/$1/dlp" $(find "$2/src/main/java" -name '*.java')
  cp -r "$2/src/main/resources/." "$WORK/$1/dlp/"
  # FileScanBench drives this tree's FileScan API: work only
  local bench=(bench/dlp/src/DevCorpusBench.java bench/dlp/src/CoreBench.java)
  [ "$1" = work ] && bench+=(bench/dlp/src/FileScanBench.java)
  "$JAVA/javac" -nowarn -cp "$WORK/$1/dlp:$DEPS" -d "$WORK/$1/cli" "$3"/*.java "$WORK/Dlp.java" "${bench[@]}"
}
build work rampart-dlp rampart-cli/src/main/java/io/rampart/cli/dlp
VARIANTS=work
if [ -n "${BASE:-}" ]; then
  rm -rf "$WORK/base-src" && mkdir -p "$WORK/base-src"
  git archive "$BASE" rampart-dlp/src/main rampart-cli/src/main/java/io/rampart/cli/dlp | tar -x -C "$WORK/base-src"
  build base "$WORK/base-src/rampart-dlp" "$WORK/base-src/rampart-cli/src/main/java/io/rampart/cli/dlp"
  VARIANTS="base work"
fi
[ -d "$WORK/corpus" ] || python3 bench/dlp/gen_corpus.py "$WORK/corpus" --mb 110
BYTES=$(cat "$WORK/corpus"/* | wc -c)
if [ ! -f "$WORK/big/1g.txt" ]; then
  mkdir -p "$WORK/big"
  # head stops the loop early (SIGPIPE): not an error
  { for k in $(seq 10); do cat "$WORK/corpus"/*; done || true; } | head -c 1000000000 > "$WORK/big/1g.txt"
fi
echo "load: $(cut -d' ' -f1-3 /proc/loadavg), cores: $CORES"
echo "corpus: $BYTES bytes in $(ls "$WORK/corpus" | wc -l) files; big file: $(stat -c %s "$WORK/big/1g.txt") bytes"
RUNS=${RUNS:-1}
: > "$WORK/results.txt"
cli() { # VARIANT THREADS PIN PATH
  local pin=""; [ "$3" = pin ] && pin="taskset -c 0"
  /usr/bin/time -o "$WORK/time.txt" -f "%e %U %S %M" $pin "$JAVA/java" -Xmx256m -cp "$WORK/$1/dlp:$WORK/$1/cli:$DEPS" Dlp \
    scan --format jsonl --threads "$2" "$4" > "$WORK/out.jsonl" 2> "$WORK/err.txt"
  read -r wall user sys rss < "$WORK/time.txt"
  local size; size=$(du -sb "$4" | cut -f1)
  # on a shared machine wall time measures the neighbours too: CPU time (user+sys, JIT and GC
  # threads included) is the per-core figure
  local line
  line=$(printf '%-5s threads=%s %-4s %-10s wall %7.2f s %6.1f MB/s | cpu %7.2f s %6.1f MB/cpu-s | findings %7d | max RSS %4d MB | load %s' \
    "$1" "$2" "${3/nopin/}" "$(basename "$4")" "$wall" "$(echo "$size / 1000000 / $wall" | bc -l)" \
    "$(echo "$user + $sys" | bc -l)" "$(echo "$size / 1000000 / ($user + $sys)" | bc -l)" \
    "$(wc -l < "$WORK/out.jsonl")" $((rss / 1024)) "$(cut -d' ' -f1 /proc/loadavg)")
  echo "$line | $(grep 'thread cpu' "$WORK/err.txt")"
  echo "$1 $2-${3} $(basename "$4") $(echo "$size / 1000000 / ($user + $sys)" | bc -l) $wall $((rss / 1024))" >> "$WORK/results.txt"
  # contiguity: each file's lines in one run (one run per file with findings)
  if [ -d "$4" ]; then
    echo "  runs of lines per file: $(cut -d'"' -f4 "$WORK/out.jsonl" | uniq | wc -l), files with findings: $(cut -d'"' -f4 "$WORK/out.jsonl" | sort -u | wc -l)"
  fi
}
for r in $(seq "$RUNS"); do
  echo "run $r (load $(cut -d' ' -f1-3 /proc/loadavg))"
  for v in $VARIANTS; do cli "$v" 1 pin "$WORK/corpus"; done
  for v in $VARIANTS; do cli "$v" "$CORES" nopin "$WORK/corpus"; done
  for v in $VARIANTS; do cli "$v" 1 pin "$WORK/big/1g.txt"; done
done
echo "medians over $RUNS runs:"
python3 - "$WORK/results.txt" <<'PY'
import sys, statistics, collections
g = collections.defaultdict(list)
for l in open(sys.argv[1]):
    v, t, f, c, w, m = l.split()
    g[(f, t, v)].append((float(c), float(w), int(m)))
for (f, t, v), r in sorted(g.items()):
    print(f"  {f:8} threads {t:9} {v:5} {statistics.median(x[0] for x in r):6.1f} MB/cpu-s"
          f"  wall {statistics.median(x[1] for x in r):6.2f} s  max RSS {statistics.median(x[2] for x in r):5.0f} MB  (n={len(r)})")
PY
[ -n "${WHOLE_ONLY:-}" ] && exit 0
[ -d "$WORK/npm/node_modules/redact-pii" ] || (mkdir -p "$WORK/npm" && cd "$WORK/npm" && npm install --silent redact-pii@3.4.0)
NODE_PATH="$WORK/npm/node_modules" taskset -c 0 node bench/dlp/redact_pii_bench.js "$DEV" 5
for v in $VARIANTS; do
  echo -n "$v " && taskset -c 0 "$JAVA/java" -cp "$WORK/$v/dlp:$WORK/$v/cli:$DEPS" DevCorpusBench "$DEV" 5
done
# in-process CPU time of the scanning thread: engine on both corpora, then the whole-file path
for v in $VARIANTS; do
  echo "$v (load $(cut -d' ' -f1 /proc/loadavg))" && taskset -c 1 "$JAVA/java" -cp "$WORK/$v/dlp:$WORK/$v/cli:$DEPS" CoreBench "$WORK/corpus" "$DEV" 11
done
taskset -c 1 "$JAVA/java" -Xmx256m -cp "$WORK/work/dlp:$WORK/work/cli:$DEPS" io.rampart.cli.dlp.FileScanBench "$WORK/corpus" 5
if [ -n "${BASE:-}" ]; then
  mkdir -p "$WORK/sbs"
  "$JAVA/javac" -nowarn -cp "$DEPS" -d "$WORK/sbs" bench/dlp/src/SideBySide.java
  HELD="$WORK/heldout.jsonl"
  [ -f "$HELD" ] || python3 bench/dlp/gen_heldout.py --seed 7 --docs 3000 > "$HELD"
  taskset -c 0 "$JAVA/java" -cp "$WORK/sbs:$DEPS" SideBySide "base=$WORK/base/dlp/,work=$WORK/work/dlp/" \
    "$DEV" "$WORK/corpus" "$HELD" 11 8
fi
