#!/usr/bin/env bash
# DLP benchmarks: whole-process scan of a generated >=100 MB mixed corpus, and a side-by-side
# with the npm package redact-pii (a peer for comparison, never a dependency) on the dev corpus.
# usage: bench/dlp/run.sh [DEV_JSONL]   (run from the repo root after ./mvnw -pl rampart-dlp install)
set -euo pipefail
DEV=${1:-../shared/data/dlp/dev.jsonl}
WORK=${TMPDIR:-/tmp}/rampart-dlp-bench
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
mkdir -p "$WORK/classes"
./mvnw -q -o -pl rampart-dlp dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
PICO=$(find ~/.m2/repository/info/picocli -name 'picocli-4.7.7.jar' | head -1)
CP="rampart-dlp/target/classes:$(cat "$WORK/cp.txt"):$PICO"
"$JAVA/javac" -cp "$CP" -d "$WORK/classes" rampart-cli/src/main/java/io/rampart/cli/dlp/*.java bench/dlp/src/*.java
cat > "$WORK/Dlp.java" <<'J'
public class Dlp { public static void main(String[] a) { System.exit(new picocli.CommandLine(new io.rampart.cli.dlp.DlpCommand()).execute(a)); } }
J
"$JAVA/javac" -cp "$CP:$WORK/classes" -d "$WORK/classes" "$WORK/Dlp.java"
[ -d "$WORK/corpus" ] || python3 bench/dlp/gen_corpus.py "$WORK/corpus" --mb 110
echo "corpus: $(du -sh "$WORK/corpus" | cut -f1)"
for t in 1 $(nproc); do
  /usr/bin/time -f "threads=$t wall=%es maxrss=%MKB" "$JAVA/java" -cp "$CP:$WORK/classes" Dlp \
    scan --format jsonl --threads "$t" "$WORK/corpus" | wc -l
done
[ -d "$WORK/npm/node_modules/redact-pii" ] || (mkdir -p "$WORK/npm" && cd "$WORK/npm" && npm install --silent redact-pii@3.4.0)
NODE_PATH="$WORK/npm/node_modules" node bench/dlp/redact_pii_bench.js "$DEV"
"$JAVA/java" -cp "$CP:$WORK/classes" DevCorpusBench "$DEV"
