#!/bin/bash
# bench/register: Carillon vs Kamailio, 10,000 digest REGISTERs at rising rates (see bench.py and README.md).
# usage: bench/register/run.sh [RATES...]      env: USERS=10000 RUNS=3 KEEP=1 (keep the work folder)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
command -v sipp >/dev/null || { echo "install sip-tester (sipp)"; exit 1; }
command -v kamailio >/dev/null || { echo "install kamailio (apt-get install -y kamailio)"; exit 1; }
[ -f pbx/target/carillon-pbx.jar ] || mvn -o -q -B -pl pbx package -DskipTests
[ -f license-key/target/carillon-license-key-0.1.0-SNAPSHOT.jar ] || mvn -o -q -B -pl license-key package -DskipTests
exec python3 bench/register/bench.py "$@"
