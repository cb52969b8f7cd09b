#!/usr/bin/env bash
# Compares JVM option sets for the gateway at 1,000 req/s with 1 KB prompts: runs run.sh (direct
# and the quickstart as shipped) once per option set per round, interleaved, and prints the
# added p50/p99 with the GC pauses of the paced phase (from a GC log of the whole run).
#
#   OPTS_A="" OPTS_B="-XX:MaxTenuringThreshold=2" ROUNDS=2 bench/gateway/jvm-ab.sh
#
# Environment: OPTS_A..OPTS_E (option sets; "default" or empty = none), ROUNDS (2), TARGET
# (rampart), and run.sh's DURATION/LAT_DURATION/WARMUP (5s/15s/8s here).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROUNDS=${ROUNDS:-2}
TARGET=${TARGET:-rampart}
export DURATION=${DURATION:-5s} LAT_DURATION=${LAT_DURATION:-15s} WARMUP=${WARMUP:-8s}
names=()
for n in A B C D E; do
  v="OPTS_$n"
  [ -n "${!v+x}" ] && names+=("$n")
done
[ ${#names[@]} -gt 0 ] || { echo "jvm-ab.sh: set OPTS_A, OPTS_B, ..." >&2; exit 2; }
printf '| Round | Set | JVM options | Added p50 ms | Added p99 ms | GC pauses (paced phase): count, p50, max ms | load |\n'
printf '|---|---|---|---|---|---|---|\n'
for r in $(seq 1 "$ROUNDS"); do
  for n in "${names[@]}"; do
    v="OPTS_$n"
    opts=${!v}
    [ "$opts" = default ] && opts=""
    gc=$(mktemp "${TMPDIR:-/tmp}/rampart-gc.XXXXXX")
    out=$(RAMPART_JAVA_OPTS="$opts -Xlog:gc:file=$gc:uptime" TARGETS="direct $TARGET" VARIANTS=1k \
      "$here/run.sh" 2>/dev/null)
    row=$(grep -E "^\| 1 KB \| $TARGET \| (inf|[0-9.]+)x" <<<"$out" | head -1)
    added_p50=$(awk -F'|' '{print $5}' <<<"$row" | awk -F/ '{gsub(/ /,""); print $1}')
    added_p99=$(awk -F'|' '{print $6}' <<<"$row" | awk -F/ '{gsub(/ /,""); print $1}')
    load=$(grep -E "^\| 1 KB \| $TARGET \| [0-9]+ " <<<"$out" | awk -F'|' '{print $(NF-1)}' | xargs)
    # the paced phase is the last LAT_DURATION of the gateway's life
    lat=$(( ${LAT_DURATION%s} ))
    pauses=$(grep -E "Pause Young" "$gc" | sed -E 's/^\[([0-9.]+)s\].* ([0-9.]+)ms$/\1 \2/' \
      | awk -v lat="$lat" '{t[NR]=$1; p[NR]=$2} END {
          end=t[NR]; for (i=1;i<=NR;i++) if (t[i] >= end-lat-1) print p[i] }' | sort -n \
      | awk '{v[NR]=$1} END { if (NR==0) print "0"; else printf "%d, %.1f, %.1f", NR, v[int((NR+1)/2)], v[NR] }')
    rm -f "$gc"
    printf '| %s | %s | `%s` | %s | %s | %s | %s |\n' "$r" "$n" "${opts:-default}" \
      "$added_p50" "$added_p99" "$pauses" "$load"
  done
done
