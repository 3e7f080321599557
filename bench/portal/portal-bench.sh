#!/usr/bin/env bash
# Portal read latency (issue 8): p95 of the dashboard and of the invoice list with 10,000 licenses and 50,000
# invoices in PostgreSQL, 50 concurrent signed-in users, measured with wrk (Debian package `wrk`); the 50 sign-ins
# happen before the measurement. Reference in the same run: the sign-in page (no query of its own; wrk sends the session
# cookie there too, so the per-request session check is included), i.e. the floor of this JVM, Tomcat and Spring
# Security on this machine.
#
# Needs: a built portal jar (mvn -o -q -pl license-key,platform,portal package -DskipTests; delete
# portal/target/carillon-portal.jar first when only platform changed, or the jar keeps the old platform), psql and a
# PostgreSQL server
# (PGHOST/PGUSER/PGDATABASE, default 127.0.0.1/postgres/test). Creates and drops its own schema.
# Each closed-loop line is followed by the CPU time per request of the portal's JVM and of the PostgreSQL backends of
# its pool (from /proc), and the load average: compare those as ratios to /login in the same run.
# Usage: bench/portal/portal-bench.sh [seconds per endpoint, default 20]
# BENCH_WARMUP_S=n: the warm-up run before each measured one (default 5 s; see the jit= figure of each line).
# BENCH_PATHS="/login /invoices" measures only those pages (default: /login / /invoices).
# BENCH_THINK_MS=n adds a second, labelled figure: the same 50 users each pausing n ms after every answer.
# BENCH_JAR runs another jar (e.g. a "before" build kept aside); BENCH_JVM_OPTS adds JVM options; BENCH_GC replaces
# the collector option (default -XX:+UseG1GC, e.g. BENCH_GC=-XX:+UseZGC); BENCH_JFR_DIR=/some/dir records one JFR profile per endpoint (measured run only)
# as portal_login.jfr, portal_.jfr (dashboard), portal_invoices.jfr in that directory (settings: BENCH_JFR_SETTINGS,
# default profile); bench/portal/jfr-breakdown.py summarises one.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/portal"
JAR="${BENCH_JAR:-$ROOT/portal/target/carillon-portal.jar}"
SECONDS_PER=${1:-20}
USERS=50
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-test}
SCHEMA="portal_bench_$$"
PORT=${BENCH_PORT:-18081}
BASE="http://127.0.0.1:$PORT"
PASSWORD="bench password for the portal 1"
WORK="$(mktemp -d)"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
PID=""

cleanup() {
  [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  psql -q -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[[ -f "$JAR" ]] || { echo "build the portal first: mvn -o -q -pl portal package -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
psql -q -c "CREATE SCHEMA $SCHEMA"

CARILLON_DATA_DIR="$WORK/data" CARILLON_BIND=127.0.0.1 CARILLON_PORTAL_HTTP_PORT=$PORT \
CARILLON_PORTAL_DB_URL="jdbc:postgresql://$PGHOST:5432/$PGDATABASE?user=$PGUSER&currentSchema=$SCHEMA" \
CARILLON_OWNER_PASSWORD="$PASSWORD" CARILLON_PORTAL_MFA_REQUIRED=false \
  "$JAVA" --enable-native-access=ALL-UNNAMED ${BENCH_GC:--XX:+UseG1GC} -Xmx512m ${BENCH_JVM_OPTS:-} -jar "$JAR" >"$WORK/portal.log" 2>&1 &
PID=$!
for _ in $(seq 1 180); do
  curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/actuator/health" >/dev/null || { tail -20 "$WORK/portal.log"; exit 1; }

echo "seeding: 1 customer with 10,000 licenses and 50,000 paid invoices" >&2
# valid activation keys (the license pages parse them), made by the license-key module's own code
KEY_JAR=$(ls "$ROOT"/license-key/target/carillon-license-key-*.jar 2>/dev/null | grep -v sources | head -1)
[[ -n "$KEY_JAR" ]] || { echo "no license-key jar: build first (see the top of this script)" >&2; exit 1; }
"$JAVA" -cp "$KEY_JAR" "$ROOT/bench/portal/BenchKeys.java" 10000 >"$WORK/keys.csv"
psql -q -v ON_ERROR_STOP=1 <<SQL
SET search_path TO $SCHEMA;
CREATE TEMP TABLE bench_key (n SERIAL, activation_key TEXT, key_hash TEXT);
\\copy bench_key (activation_key, key_hash) FROM '$WORK/keys.csv' WITH (FORMAT csv)
INSERT INTO customer (company_name, user_id, partner_tier, discount_percent, tax_percent, country, created_at)
VALUES ('Bench Telecom', 'bench', 'reseller', 10, 19, 'DE', now());
INSERT INTO user_account (email, password_hash, role, first_name, last_name, enabled, created_at, updated_at)
SELECT 'bench@example.com', password_hash, 'owner', 'Bench', 'Owner', TRUE, now(), now()
FROM user_account WHERE email = 'owner@carillon.local';
INSERT INTO customer_member (account_id, customer_id, created_at)
SELECT a.id, c.id, now() FROM user_account a, customer c WHERE a.email = 'bench@example.com' AND c.user_id = 'bench';
INSERT INTO license (customer_id, activation_key, key_hash, edition_code, extensions, starts_on, ends_on, status,
                     created_at)
SELECT c.id, k.activation_key, k.key_hash, 'standard', 10, current_date - 300,
       current_date + (k.n % 400) - 60, CASE WHEN k.n % 50 = 0 THEN 'suspended' ELSE 'active' END, now()
FROM customer c, bench_key k WHERE c.user_id = 'bench';
INSERT INTO purchase_order (customer_id, status, created_by, currency, billing_name, billing_address, billing_email,
                            created_at, updated_at)
SELECT c.id, 'FULFILLED', a.id, 'EUR', 'Bench', 'Street 1', 'bench@example.com', now(), now()
FROM customer c, user_account a, generate_series(1, 50000) i WHERE c.user_id = 'bench' AND a.email = 'bench@example.com';
INSERT INTO invoice (invoice_number, customer_id, order_id, issued_at, status, currency, subtotal_minor, discount_minor,
                     tax_minor, total_minor, company_name, billing_name, billing_address, payment_method, card_masked,
                     payment_reference, paid_at)
SELECT row_number() OVER (ORDER BY o.id), o.customer_id, o.id, now() - (o.id % 1000) * interval '1 day', 'paid', 'EUR',
       19900, 1990, 3403, 21313, 'Bench Telecom', 'Bench', 'Street 1', 'Visa', '•••• 4242', 'sbx_' || o.id, now()
FROM purchase_order o JOIN customer c ON c.id = o.customer_id WHERE c.user_id = 'bench';
UPDATE invoice_counter SET last_number = 50000;
-- what InvoiceStore.insert keeps per customer
INSERT INTO customer_invoice_count (customer_id, invoices)
SELECT customer_id, COUNT(*) FROM invoice GROUP BY customer_id
ON CONFLICT (customer_id) DO UPDATE SET invoices = EXCLUDED.invoices;
-- what LicenseStore keeps per customer for the dashboard (V54; absent from a jar built before it, BENCH_JAR)
DO \$\$ BEGIN
  IF to_regclass('customer_license_count') IS NOT NULL THEN
    INSERT INTO customer_license_count (customer_id, licenses)
    SELECT customer_id, COUNT(*) FROM license GROUP BY customer_id;
    INSERT INTO license_end_day (customer_id, ends_on, licenses)
    SELECT customer_id, ends_on, COUNT(*) FROM license WHERE status = 'active' GROUP BY customer_id, ends_on;
    ANALYZE customer_license_count, license_end_day;
  END IF;
END \$\$;
-- statistics and the visibility map, as autovacuum leaves them a minute after such a load (index-only scans need
-- the map); only the seeded tables, not every schema of the shared database
VACUUM ANALYZE customer, user_account, customer_member, license, purchase_order, invoice, customer_invoice_count;
SQL

# The pages' heaviest statements, with their plans, for the record.
psql -q -t -A <<SQL >"$WORK/plans.txt"
SET search_path TO $SCHEMA;
EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) SELECT * FROM invoice WHERE customer_id = 1 ORDER BY invoice_number DESC LIMIT 20 OFFSET 0;
EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) SELECT invoices FROM customer_invoice_count WHERE customer_id = 1;
EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) SELECT COALESCE((SELECT licenses FROM customer_license_count WHERE customer_id = 1), 0), COALESCE(SUM(licenses), 0), COALESCE(SUM(licenses) FILTER (WHERE ends_on <= current_date + 30), 0) FROM license_end_day WHERE customer_id = 1 AND ends_on >= current_date;
SQL
grep -E 'Execution Time|Scan' "$WORK/plans.txt" | sed 's/^/  plan: /' >&2

echo "signing in $USERS sessions (outside the measurement)" >&2
: >"$WORK/cookies"
for i in $(seq 1 $USERS); do
  jar="$WORK/jar$i"
  token=$(curl -fs -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=bench@example.com" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" "$BASE/login"
  cookie=$(awk '$6 == "CARILLON_PORTAL_SESSION" {print $6 "=" $7}' "$jar")
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE/invoices")
  [[ "$code" == 200 ]] || { echo "session $i is not signed in (HTTP $code)" >&2; exit 1; }
  echo "$cookie" >>"$WORK/cookies"
done

# CPU time per request, of the portal's JVM and of the PostgreSQL backends serving its connection pool (the backends
# are found by the client ports of the JVM's sockets to 5432), from /proc: unlike latency, this hardly moves with the
# other work on a shared machine. Ticks are 1/CLK_TCK s.
TICK_MS=$((1000 / $(getconf CLK_TCK)))
ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $t; }
pg_backends() {
  local ports
  ports=$(ss -tnpH "( dport = :5432 )" 2>/dev/null | grep "pid=$PID," | awk '{n = split($4, a, ":"); print a[n]}' | paste -sd, -)
  [[ -n "$ports" ]] && psql -tAq -c "SELECT pid FROM pg_stat_activity WHERE client_port IN ($ports)" | paste -sd' ' -
}
# The JVM's JIT compiler and GC threads, apart: on a loaded machine C2 may still be compiling after the warm-up run
# (a quarter to a third of the JVM's CPU during a measured run here), which is no cost of the page.
jvm_threads() {   # ticks of the JVM's threads whose name starts with $1 (C1/C2 "C2 CompilerThre", "GC Thread", "G1 …", ZGC's "Z…")
  local t=0 d
  for d in /proc/$PID/task/*; do
    [[ "$(cat "$d/comm" 2>/dev/null)" == $1* ]] && t=$((t + $(awk '{print $14 + $15}' "$d/stat" 2>/dev/null || echo 0)))
  done
  echo $t
}
jit_gc_ticks() { echo $(( $(jvm_threads C1) + $(jvm_threads C2) )) $(( $(jvm_threads GC) + $(jvm_threads G1) + $(jvm_threads Z) )); }
cpu_per_request() {   # jvm ticks before/after, pg ticks before/after, requests
  awk -v j="$(($2 - $1))" -v p="$(($4 - $3))" -v n="$5" -v ms="$TICK_MS" \
    'BEGIN { printf "cpu_ms_per_req jvm=%.3f postgres=%.3f", j * ms / n, p * ms / n }'
}
jit_gc_per_request() {   # jit before/after, gc before/after, requests
  awk -v c="$(($2 - $1))" -v g="$(($4 - $3))" -v n="$5" -v ms="$TICK_MS" \
    'BEGIN { printf "(of the jvm: jit=%.3f gc=%.3f)", c * ms / n, g * ms / n }'
}

export BENCH_COOKIES="$WORK/cookies"
for path in ${BENCH_PATHS:-/login / /invoices}; do    # main figure: closed loop (no think time), 50 requests always in flight
  curl -fs -o /dev/null -H "Cookie: $(head -1 "$WORK/cookies")" "$BASE$path"   # warm-up request
  BENCH_THINK_MS=0 wrk -t2 -c$USERS -d${BENCH_WARMUP_S:-5}s -s "$HERE/latency.lua" "$BASE$path" >/dev/null   # warm-up run (JIT)
  if [[ -n "${BENCH_JFR_DIR:-}" ]]; then    # one CPU profile per endpoint, of the measured run only
    name="portal$(echo "$path" | tr '/' '_')"
    "$(dirname "$JAVA")/jcmd" "$PID" JFR.start name="$name" settings="${BENCH_JFR_SETTINGS:-profile}" filename="$BENCH_JFR_DIR/$name.jfr" >/dev/null
  fi
  backends=$(pg_backends); j0=$(ticks "$PID"); p0=$(ticks $backends); read -r c0 g0 < <(jit_gc_ticks)
  line=$(BENCH_THINK_MS=0 wrk -t2 -c$USERS -d${SECONDS_PER}s -s "$HERE/latency.lua" "$BASE$path" | grep '^RESULT')
  j1=$(ticks "$PID"); p1=$(ticks $backends); read -r c1 g1 < <(jit_gc_ticks)
  [[ -n "${BENCH_JFR_DIR:-}" ]] && "$(dirname "$JAVA")/jcmd" "$PID" JFR.stop name="$name" >/dev/null
  requests=$(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/')
  echo "portal GET $path  ${line#RESULT }"
  echo "portal GET $path  $(cpu_per_request "$j0" "$j1" "$p0" "$p1" "$requests") $(jit_gc_per_request "$c0" "$c1" "$g0" "$g1" "$requests") (backends: $(echo $backends | wc -w)), load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
# Second figure (only when BENCH_THINK_MS is set): the same 50 users, each pausing BENCH_THINK_MS after every answer.
if [[ "${BENCH_THINK_MS:-0}" -gt 0 ]]; then
  for path in ${BENCH_PATHS:-/login / /invoices}; do
    line=$(BENCH_THINK_MS=$BENCH_THINK_MS wrk -t2 -c$USERS -d${SECONDS_PER}s -s "$HERE/latency.lua" "$BASE$path" | grep '^RESULT')
    echo "portal GET $path  think=${BENCH_THINK_MS}ms  ${line#RESULT }"
  done
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
