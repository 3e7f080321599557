#!/bin/bash
# bench/blf: 1,000 SIPp BLF watchers on one extension; delay from each call-state change to the NOTIFYs (bench.py).
# usage: bench/blf/run.sh      env: WATCHERS=1000 PROCESSES=10 RUNS=3 COALESCE_MS=50 KEEP=1 (keep the work folder)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
command -v sipp >/dev/null || { echo "install sip-tester (sipp)"; exit 1; }
[ -f pbx/target/carillon-pbx.jar ] || mvn -o -q -B -pl pbx package -DskipTests
exec python3 bench/blf/bench.py "$@"
