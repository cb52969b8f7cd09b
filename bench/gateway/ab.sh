#!/usr/bin/env bash
# A/B comparison of two rampart jars as the rampart-fast gateway of run.sh (quickstart policy,
# guard fast tier only), 1 KB prompts, on one machine at the same time: both gateways run side
# by side against one nginx stub upstream, and the load runs alternate A, B, B, A, ... so that
# background load hits both alike. Prints, per round and as medians, the gateway's CPU time per
# request (utime+stime of its process), throughput, and p50/p99 at a paced rate.
#
#   bench/gateway/ab.sh A.jar B.jar      # e.g. a copy of rampart-cli/target/rampart.jar per commit
#
# Environment: ROUNDS (4), DURATION (throughput run, 10s), LAT_DURATION (paced run, 10s), WARMUP
# (per gateway, 15s), RATE (paced, 1000), CONNS (64), LAT_CONNS (32), THREADS (2), BYTES (1024),
# KEEP_TMP=1 (keep the temp dir: configs, gateway logs), PORT_BASE (18180: the stub, +10..+13 the
# gateways and their APIs).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
[ $# -eq 2 ] || { echo "usage: $0 A.jar B.jar" >&2; exit 2; }
jar_a=$(realpath "$1"); jar_b=$(realpath "$2")
ROUNDS=${ROUNDS:-4}; DURATION=${DURATION:-10s}; LAT_DURATION=${LAT_DURATION:-10s}
WARMUP=${WARMUP:-15s}; RATE=${RATE:-1000}; CONNS=${CONNS:-64}; LAT_CONNS=${LAT_CONNS:-32}
THREADS=${THREADS:-2}; BYTES=${BYTES:-1024}
# PORT_BASE (18180) moves all five ports, so that two comparisons can share a machine
base=${PORT_BASE:-18180}
UP_PORT=$base; A_PORT=$((base + 10)); A_API=$((base + 11)); B_PORT=$((base + 12)); B_API=$((base + 13))
. "$root/.mvn/find-jdk.sh"; rampart_find_jdk
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rampart-gw-ab.XXXXXX")
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  if [ "${KEEP_TMP:-0}" = 1 ]; then echo "ab.sh: logs kept in $tmp" >&2; else rm -rf "$tmp"; fi; }
trap cleanup EXIT
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { local i; for i in $(seq 1800); do port_open "$1" && return 0; sleep 0.1; done; echo "port $1 not open" >&2; exit 1; }

completion='{"id":"chatcmpl-bench","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Here is a short summary of the quarterly report: revenue grew in every region, the roadmap is on schedule, and the team will review the budget at the next planning meeting."},"finish_reason":"stop"}],"usage":{"prompt_tokens":256,"completion_tokens":36,"total_tokens":292}}'
mkdir -p "$tmp/nginx/logs"
cat >"$tmp/nginx/nginx.conf" <<NGX
$([ "$(id -u)" = 0 ] && echo 'user root;')
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off; keepalive_requests 1000000; keepalive_timeout 300s;
  client_body_temp_path $tmp/nginx/body; proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi; uwsgi_temp_path $tmp/nginx/uwsgi; scgi_temp_path $tmp/nginx/scgi;
  server { listen 127.0.0.1:$UP_PORT;
    location = /v1/chat/completions { default_type application/json; return 200 '$completion'; } }
}
NGX
nginx -p "$tmp/nginx" -e "$tmp/nginx/logs/error.log" -c "$tmp/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
wait_port $UP_PORT
key="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
sed 's/^  enabled: true$/  enabled: true\n  guard-model: disabled/' "$root/examples/gateway/rampart.yaml" >"$tmp/rampart.yaml"
grep -q '^  guard-model: disabled$' "$tmp/rampart.yaml" || { echo "could not derive the config" >&2; exit 1; }
start() { # name jar port api
  RAMPART_HOME="$root" RAMPART_DATA_DIR="$tmp/data-$1" RAMPART_API_PORT=$4 RAMPART_GATEWAY_PORT=$3 \
    UPSTREAM_URL="http://127.0.0.1:$UP_PORT/v1" UPSTREAM_API_KEY=bench-upstream-key RAMPART_DEMO_KEY="$key" \
    RAMPART_ADMIN_TOKEN="admin-$key" "$JAVA_HOME/bin/java" ${RAMPART_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED \
    --sun-misc-unsafe-memory-access=allow -jar "$2" serve --config "$tmp/rampart.yaml" >"$tmp/$1.log" 2>&1 &
  pids+=($!)
}
start a "$jar_a" $A_PORT $A_API; pid_a=${pids[-1]}
start b "$jar_b" $B_PORT $B_API; pid_b=${pids[-1]}
wait_port $A_PORT; wait_port $B_PORT
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU ticks of the event log's writer thread (the H2 commits behind the audit queue)
wticks() { local t s=0; for t in /proc/$1/task/*; do
  [ "$(cat "$t/comm" 2>/dev/null)" = rampart-event-w ] && s=$((s + $(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}'))); done; echo $s; }
run() { # name pid port duration conns rate -> "rps p50_us p99_us cpu_us_per_req non2xx"
  local c0 c1 w0 w1 out line
  c0=$(ticks "$2"); w0=$(wticks "$2")
  out=$(BENCH_PROMPT_BYTES=$BYTES BENCH_STREAM=0 BENCH_KEY=$key BENCH_RATE=$6 BENCH_THREADS=$THREADS BENCH_LABEL=$1 \
    timeout 120 wrk -t"$THREADS" -c"$5" -d"$4" --timeout 10s -s "$here/chat.lua" "http://127.0.0.1:$3" 2>&1)
  c1=$(ticks "$2"); w1=$(wticks "$2")
  line=$(grep '^BENCH ' <<<"$out") || { echo "wrk failed: $out" >&2; exit 1; }
  local $(printf '%s' "${line#BENCH }" | tr ' ' '\n' | grep -v '^label=')
  awk -v r="$rps" -v a="$p50_us" -v b="$p99_us" -v d=$((c1 - c0)) -v n="$requests" -v hz="$(getconf CLK_TCK)" -v e="$non2xx" \
    -v w=$((w1 - w0)) 'BEGIN{printf "%.0f %.0f %.0f %.0f %s %.0f\n", r, a, b, d/hz*1e6/n, e, w/hz*1e6/n}'
}
echo "== A: $jar_a" >&2; echo "== B: $jar_b" >&2
echo "== warm-up $WARMUP each" >&2
run a "$pid_a" $A_PORT "$WARMUP" "$CONNS" 0 >/dev/null; run b "$pid_b" $B_PORT "$WARMUP" "$CONNS" 0 >/dev/null
: >"$tmp/rows"
for r in $(seq "$ROUNDS"); do
  order="a b"; [ $((r % 2)) = 0 ] && order="b a"
  for g in $order; do
    if [ "$g" = a ]; then pid=$pid_a port=$A_PORT; else pid=$pid_b port=$B_PORT; fi
    load=$(cut -d' ' -f1 /proc/loadavg)
    t=$(run "$g" "$pid" "$port" "$DURATION" "$CONNS" 0)
    l=$(run "$g" "$pid" "$port" "$LAT_DURATION" "$LAT_CONNS" "$RATE")
    echo "$g $t $l $load" >>"$tmp/rows"
    read -r tr t50 t99 tc te tw <<<"$t"; read -r lr l50 l99 lc le lw <<<"$l"
    printf 'round %s %s: max %6s req/s, CPU %5s us/req (event writer %s) | at %s/s: %5s req/s, p50 %6.2f ms, p99 %7.2f ms, CPU %5s us/req (event writer %s) | non-2xx %s/%s, load %s\n' \
      "$r" "$g" "$tr" "$tc" "$tw" "$RATE" "$lr" "$(awk -v u="$l50" 'BEGIN{print u/1000}')" "$(awk -v u="$l99" 'BEGIN{print u/1000}')" "$lc" "$lw" "$te" "$le" "$load" >&2
  done
done
echo "== medians over $ROUNDS rounds (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
for g in a b; do
  awk -v g="$g" '$1 == g' "$tmp/rows" | sort -k1,1 >"$tmp/$g.rows"
  med() { sort -n | awk '{v[NR]=$1} END{print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
  printf '%s: max %s req/s, CPU %s us/req at max (event writer %s); at %s/s: p50 %s ms, p99 %s ms, CPU %s us/req (event writer %s)\n' "$(tr a-b A-B <<<"$g")" \
    "$(cut -d' ' -f2 "$tmp/$g.rows" | med)" "$(cut -d' ' -f5 "$tmp/$g.rows" | med)" "$(cut -d' ' -f7 "$tmp/$g.rows" | med)" "$RATE" \
    "$(cut -d' ' -f9 "$tmp/$g.rows" | med | awk '{print $1/1000}')" "$(cut -d' ' -f10 "$tmp/$g.rows" | med | awk '{print $1/1000}')" \
    "$(cut -d' ' -f11 "$tmp/$g.rows" | med)" "$(cut -d' ' -f13 "$tmp/$g.rows" | med)"
done
