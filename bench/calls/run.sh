#!/bin/bash
# bench/calls: Carillon (B2BUA) vs Kamailio (stateful proxy), 1-second calls at rising rates (see bench.py).
# usage: bench/calls/run.sh [RATES...]      env: RUNS=3 SECONDS_PER_RUN=8 KEEP=1 (keep the work folder)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
command -v sipp >/dev/null || { echo "install sip-tester (sipp)"; exit 1; }
command -v kamailio >/dev/null || { echo "install kamailio (apt-get install -y kamailio)"; exit 1; }
[ -f pbx/target/carillon-pbx.jar ] || mvn -o -q -B -pl pbx package -DskipTests
exec python3 bench/calls/bench.py "$@"
