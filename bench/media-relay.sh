#!/bin/bash
# Media relay and G.711 figures: runs the JMH benchmarks of org.carillon.bench.media with the GC profiler
# and prints packets/s, ns/packet, bytes allocated per packet, and the relay event loop's CPU per packet.
#
# usage: bench/media-relay.sh [quick|full]          (default quick: ~4 min; full: ~8 min)
#        bench/media-relay.sh load [N ...]           paced calls through a relay in its own JVM (RtpLoadMain;
#                                                    default N = 250 500 1000 2000; RTP ports from 21000).
#                                                    EXPERIMENTAL: see README-media.md before trusting it
# env:   UNSAFE=1   also run with -Dio.netty.noUnsafe=false (Netty with sun.misc.Unsafe, off by default
#                   on JDK 24+), to compare
#        JAVA_HOME  (Temurin 25)
# needs: the bench jar (built here if missing: mvn -o -q -B -pl bench -am package -DskipTests)
# ports: RelayLoopbackBenchmark binds RTP ports 47000-47999 on 127.0.0.1 (phones use OS-chosen ports)
set -euo pipefail
MODE=${1:-quick}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=$ROOT/bench/target/carillon-bench.jar
OUT=$ROOT/bench/results/media
mkdir -p "$OUT"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -o -q -B -pl bench -am package -Dmaven.test.skip=true)

if [ "$MODE" = load ]; then
  shift
  for n in "${@:-250 500 1000 2000}"; do
    for calls in $n; do
      "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$JAR" org.carillon.bench.media.RtpLoadMain \
        "$calls" 10 20 21000 2>/dev/null | grep '^LOAD' | tee -a "$OUT/load.log"
    done
  done
  exit 0
fi

case $MODE in
  quick) TIMING=(-wi 2 -w 2s -i 3 -r 3s); ITER=3 ;;
  full)  TIMING=(-wi 3 -w 3s -i 5 -r 5s); ITER=5 ;;
  *) echo "usage: $0 [quick|full]" >&2; exit 2 ;;
esac

run() { # run LABEL [extra JVM flags]
  local label=$1; shift
  local jvm=("$@")
  local args=('org.carillon.bench.media.*' -prof gc "${TIMING[@]}" -rf json -rff "$OUT/$label.json")
  [ ${#jvm[@]} -gt 0 ] && args+=(-jvmArgsAppend "${jvm[*]}")
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$JAR" "${args[@]}" > "$OUT/$label.log" 2>&1
  echo "== $label $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)"
  python3 - "$OUT/$label.json" "$OUT/$label.log" "$ITER" <<'PY'
import json, re, sys, statistics
rows = json.load(open(sys.argv[1]))
print(f"{'benchmark':58} {'ops/s':>14} {'± err':>12} {'ns/op':>9} {'B/op':>8}")
for r in rows:
    name = r["benchmark"].split(".", 3)[-1].replace("org.carillon.bench.media.", "")
    params = ",".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
    m = r["primaryMetric"]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score", float("nan"))
    label = f"{name}[{params}]" if params else name
    print(f"{label:58} {m['score']:14,.0f} {m['scoreError']:12,.0f} {1e9 / m['score']:9.1f} {alloc:8.1f}")
log = open(sys.argv[2]).read()
# relay event-loop CPU per packet, one line per iteration; report the median of the measured ones per run
runs = log.split("# Benchmark: ")
for run in runs[1:]:
    head = run.splitlines()[0]
    if "RelayLoopback" not in head:
        continue
    params = re.search(r"# Parameters: \((.*)\)", run)
    cpu = [int(x) for x in re.findall(r"relay-cpu-ns-per-packet=(\d+)", run)]
    measured = cpu[-int(sys.argv[3]):]  # the last ones are the measurement iterations
    tot = re.search(r"relay-totals (.*)", run)
    if measured:
        print(f"relay event loop CPU per relayed packet ({params.group(1) if params else ''}): "
              f"median {statistics.median(measured):,.0f} ns  -> {1e9 / statistics.median(measured):,.0f} packets/s per core"
              + (f"   [{tot.group(1)}]" if tot else ""))
PY
}

run default
[ "${UNSAFE:-0}" = 1 ] && run unsafe -Dio.netty.noUnsafe=false
echo "raw results: $OUT"
