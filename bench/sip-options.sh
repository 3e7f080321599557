#!/bin/bash
# OPTIONS throughput: SIPp drives the Carillon SIP stack (OptionsEchoServer, answers 200 from its
# application handler on virtual threads) and then Kamailio (stateless 200, 2 workers) at the same
# target rate, back to back, and prints both achieved rates and their ratio.
#
# usage: bench/sip-options.sh [rate/s] [calls]        (defaults 10000 and 100000)
# env:   EXECUTOR (vt: virtual thread per request, default; pool: platform threads)
#        STACK_PORT (5064) KAM_PORT (5066) SIPP_PORT (5072; also uses +2, +4 for media, +8 control)
#        JAVA_HOME (Temurin 25)
# needs: sipp (sip-tester), kamailio, and the bench jar (built here if missing:
#        mvn -o -q -B -pl bench -am package -DskipTests)
set -euo pipefail
RATE=${1:-10000}
CALLS=${2:-100000}
STACK_PORT=${STACK_PORT:-5064}
KAM_PORT=${KAM_PORT:-5066}
SIPP_PORT=${SIPP_PORT:-5072}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=$ROOT/bench/target/carillon-bench.jar
SCRATCH=$(mktemp -d /tmp/sip-options.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

for p in $STACK_PORT $KAM_PORT $SIPP_PORT $((SIPP_PORT + 2)) $((SIPP_PORT + 4)) $((SIPP_PORT + 8)); do
  if ss -Hlun "sport = :$p" | grep -q .; then echo "port $p is busy; set STACK_PORT/KAM_PORT/SIPP_PORT" >&2; exit 2; fi
done
[ -f "$JAR" ] || (cd "$ROOT" && mvn -o -q -B -pl bench -am package -DskipTests)

# cpu_ms PID: CPU time (user+system, ms) of PID and its direct children (Kamailio's workers)
cpu_ms() {
  local total=0 t
  for p in "$1" $(pgrep -P "$1" || true); do
    t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)
    total=$((total + t))
  done
  echo $((total * 1000 / $(getconf CLK_TCK)))
}

# run_sipp PORT CALLS -> prints "achieved_per_s successful failed retrans"
run_sipp() {
  local port=$1 calls=$2 out=$SCRATCH/sipp-$1-$2.out start end
  start=$(date +%s.%N)
  timeout -s KILL 300 sipp -sf "$ROOT/bench/sip/options.xml" -s ping -i 127.0.0.1 -p "$SIPP_PORT" \
    -mp $((SIPP_PORT + 2)) -cp $((SIPP_PORT + 8)) -r "$RATE" -rp 1000 -m "$calls" -l 20000 \
    -nostdin -timeout 250 127.0.0.1:"$port" > "$out" 2>&1 || true
  end=$(date +%s.%N)
  local ok fail retr
  ok=$(grep -E '^\s+Successful call' "$out" | tail -1 | awk -F'|' '{gsub(/ /,"",$3); print $3}')
  fail=$(grep -E '^\s+Failed call' "$out" | tail -1 | awk -F'|' '{gsub(/ /,"",$3); print $3}')
  retr=$(grep -E 'OPTIONS ---------->' "$out" | tail -1 | awk '{print $4}')
  echo "$(echo "${ok:-0} / ($end - $start)" | bc -l | xargs printf '%.0f') ${ok:-0} ${fail:-?} ${retr:-?}"
}

# 1. Carillon stack
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$JAR" org.carillon.bench.sip.transport.OptionsEchoServer \
  "$STACK_PORT" "${EXECUTOR:-vt}" > "$SCRATCH/stack.log" 2>&1 &
PIDS+=($!); STACK_PID=$!
for _ in $(seq 100); do grep -q READY "$SCRATCH/stack.log" && break; sleep 0.2; done
grep READY "$SCRATCH/stack.log" || { echo "stack did not start:" >&2; cat "$SCRATCH/stack.log" >&2; exit 1; }
run_sipp "$STACK_PORT" $((CALLS / 5)) > /dev/null   # JIT warm-up
C0=$(cpu_ms "$STACK_PID")
read -r S_RATE S_OK S_FAIL S_RETR < <(run_sipp "$STACK_PORT" "$CALLS")
S_CPU=$(( ($(cpu_ms "$STACK_PID") - C0) * 1000 / (S_OK > 0 ? S_OK : 1) ))
S_LOAD=$(cut -d' ' -f1 /proc/loadavg)
kill "$STACK_PID"; wait "$STACK_PID" 2>/dev/null || true
grep COUNTERS "$SCRATCH/stack.log" || true

# 2. Kamailio with the same load
mkdir -p "$SCRATCH/kam"
sed "s/5066/$KAM_PORT/g" "$ROOT/bench/sip/kamailio-options.cfg" > "$SCRATCH/kam/kamailio.cfg"
kamailio -f "$SCRATCH/kam/kamailio.cfg" -Y "$SCRATCH/kam" -P "$SCRATCH/kam/kamailio.pid" -DD -E -m 256 -M 16 \
  > "$SCRATCH/kam/kamailio.log" 2>&1 &
PIDS+=($!); KAM_PID=$!
for _ in $(seq 100); do ss -Hlun "sport = :$KAM_PORT" | grep -q . && break; sleep 0.2; done
run_sipp "$KAM_PORT" $((CALLS / 5)) > /dev/null
C0=$(cpu_ms "$KAM_PID")
read -r K_RATE K_OK K_FAIL K_RETR < <(run_sipp "$KAM_PORT" "$CALLS")
K_CPU=$(( ($(cpu_ms "$KAM_PID") - C0) * 1000 / (K_OK > 0 ? K_OK : 1) ))
K_LOAD=$(cut -d' ' -f1 /proc/loadavg)
kill "$KAM_PID"; wait "$KAM_PID" 2>/dev/null || true

printf '%-10s %10s %10s %8s %8s %14s %6s\n' peer "OPTIONS/s" successful failed retrans "CPU ms/1000" load1
printf '%-10s %10s %10s %8s %8s %14s %6s\n' carillon "$S_RATE" "$S_OK" "$S_FAIL" "$S_RETR" "$S_CPU" "$S_LOAD"
printf '%-10s %10s %10s %8s %8s %14s %6s\n' kamailio "$K_RATE" "$K_OK" "$K_FAIL" "$K_RETR" "$K_CPU" "$K_LOAD"
echo "target ${RATE}/s, ${CALLS} OPTIONS each; ratio carillon/kamailio = $(echo "$S_RATE / $K_RATE" | bc -l | xargs printf '%.2f')"
echo "logs in $SCRATCH"
