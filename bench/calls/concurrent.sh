#!/bin/bash
# bench/calls concurrent: 1,000 concurrent calls held 60 s with RTP both ways (memory per call, CPU, loss; see
# concurrent.py).   env: CALLS=1000 HOLD_SECONDS=60 RAMP=100 MEASURE_SECONDS=30 KEEP=1 (keep the work folder)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$JAVA_HOME/bin/jcmd" ] || { echo "no JDK at $JAVA_HOME (set JAVA_HOME to a JDK >= 25)"; exit 1; }
command -v sipp >/dev/null || { echo "install sip-tester (sipp)"; exit 1; }

[ -f pbx/target/carillon-pbx.jar ] || mvn -o -q -B -pl pbx package -DskipTests
[ -f bench/target/carillon-bench.jar ] || mvn -o -q -B -pl bench -am package -Dmaven.test.skip=true
exec python3 bench/calls/concurrent.py "$@"
