#!/usr/bin/env bash
# SIP parser benchmarks: Carillon vs pkts-sip vs JAIN-SIP (NIST RI) in ONE JMH run, with the GC
# profiler for allocation per operation, then a table and the ratios. Not part of any test suite.
#
#   bench/sip-parse.sh                 # short run: -wi 2 -i 3 -f 1, 2 s iterations
#   WI=5 I=10 F=2 bench/sip-parse.sh   # longer, steadier run
#   bench/sip-parse.sh -t 1            # extra arguments go to JMH
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
WI="${WI:-2}" I="${I:-3}" F="${F:-1}" W="${W:-2s}" R="${R:-2s}"
OUT=bench/target/sip-parse.json

mvn -o -q -B -pl bench -am -DskipTests package
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar bench/target/carillon-bench.jar \
    'org\.carillon\.bench\.sip\..*' -wi "$WI" -w "$W" -i "$I" -r "$R" -f "$F" -prof gc \
    -rf json -rff "$OUT" "$@"

python3 - "$OUT" <<'PY'
import json, sys
rows = {}
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 1)[1]
    p = r["primaryMetric"]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    rows[name] = (p["score"], p["scoreError"], alloc)
print()
print(f"{'benchmark':24} {'ops/s':>12} {'± error':>10} {'B/op':>9}")
for name, (s, e, a) in sorted(rows.items()):
    print(f"{name:24} {s:12,.0f} {e:10,.0f} {a if a is None else round(a):>9}")
def ratio(a, b, goal):
    if a in rows and b in rows:
        x = rows[a][0] / rows[b][0]
        print(f"{a} / {b} = {x:5.2f}x   (goal >= {goal}x)")
print()
ratio("carillonInviteWire", "pktsInvite", 3)
ratio("carillonInviteWire", "jainInvite", 10)
ratio("carillonRegisterWire", "pktsRegister", 3)
ratio("carillonRegisterWire", "jainRegister", 10)
ratio("carillonProxy", "pktsProxy", 3)
ratio("carillonProxy", "jainProxy", 10)
if "carillonInviteWire" in rows:
    print(f"carillonInviteWire = {rows['carillonInviteWire'][0]:,.0f} parses/s on one thread (goal >= 250,000)")
PY

# JMH measures one benchmark after another by wall clock: on a busy machine the ratios follow the
# load. The same methods, interleaved and timed by thread CPU time, give load-tolerant ratios.
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp bench/target/carillon-bench.jar \
    org.carillon.bench.sip.SipCpuTime "${CPU_ROUNDS:-12}"
