#!/bin/bash
# Issue 5's rtp-relay benchmark: N bidirectional G.711 20 ms calls relayed on loopback by Carillon's relay
# (CarillonRelayMain, its own JVM) and by rtpengine (userspace forwarding, --table=-1) in the same run, driven
# by RtpRelayBench's generator (this JVM: several threads, one non-blocking connected socket per call side,
# 20 ms bursts, send time in every payload). Prints a RUN line per relay and N, then a side-by-side table.
#
# usage: bench/rtp-relay.sh [N ...]                 (default: 250 500 1000 2000)
# env:   WARMUP=20 MEASURE=15   seconds per run (warm-up is not measured; the relay JVM's JIT needs it)
#        THREADS=2              generator threads
#        ONLY=carillon|rtpengine
#        RELAY_JVM="-Xmx1g"     options of the Carillon relay JVM
#        OWN_SESSION=1          start the relay under setsid: with autogroup scheduling (Debian's default) a
#                               session is a CPU group, and a relay in the generator's session would share its
#                               CPU with the generator instead of being a separate process as on a real box
#        JAVA_HOME              (Temurin 25)
# needs: rtpengine (Debian package; install with its daemon kept from starting:
#          printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d
#          apt-get install -y --no-install-recommends rtpengine; rm /usr/sbin/policy-rc.d)
#        the bench jar (built here if missing or stale: mvn -o -q -B -pl bench -am package -Dmaven.test.skip=true)
# ports: Carillon legs and rtpengine 21000-29200 (one relay at a time), ng control 127.0.0.1:2222x,
#        generator sockets OS-chosen; loopback only.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=$ROOT/bench/target/carillon-bench.jar
OUT=$ROOT/bench/results/media
mkdir -p "$OUT/rtp-relay-logs"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/bench/src/main/java/org/carillon/bench/media/load" "$ROOT/media/src/main" -newer "$JAR" -type f | head -1)" ]; then
  (cd "$ROOT" && mvn -o -q -B -pl bench -am package -Dmaven.test.skip=true)
fi
RTPENGINE=$(command -v rtpengine || true)
if [ -z "$RTPENGINE" ] && [ "${ONLY:-}" != carillon ]; then
  echo "rtpengine is not installed (see the header of $0), or run with ONLY=carillon" >&2
  exit 2
fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true   # 2,000 calls: 4,000 generator sockets, 8,000 relay sockets
{
  echo "== rtp-relay $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)  $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)  rtpengine: $( [ -n "$RTPENGINE" ] && dpkg-query -W -f='${Version}' rtpengine 2>/dev/null)"
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$JAR" org.carillon.bench.media.load.RtpRelayBench \
    --warmup="${WARMUP:-20}" --measure="${MEASURE:-15}" --threads="${THREADS:-2}" --only="${ONLY:-}" \
    --rtpengine="${RTPENGINE:-/usr/bin/rtpengine}" --jvm="${RELAY_JVM:--Xmx1g}" \
    --own-session="$( [ "${OWN_SESSION:-1}" = 1 ] && echo true || echo false)" --log-dir="$OUT/rtp-relay-logs" "$@"
} | tee -a "$OUT/rtp-relay.txt"
