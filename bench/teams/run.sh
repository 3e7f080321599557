#!/usr/bin/env bash
# Teams benchmark (issue 11): many callers waiting in one team with many agents, through the real queue, agent state
# machine and database (TeamSoakH2IT with callers that are not SIP), for a long run. Prints the time to pick the next
# agent (p50/p99, measured around every pick inside the PBX) and the process CPU per answered call.
# Agents talk up to 4 s and callers arrive at 40/s with a 10 s maximum wait, so about 200 callers wait at any time.
#   bench/teams/run.sh [seconds=300] [agents=20] [callers-per-second=40]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -o -q -B -pl pbx verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TeamSoakH2IT \
  -Dteams.soak.seconds="${1:-300}" -Dteams.soak.agents="${2:-20}" -Dteams.soak.callers="${3:-40}" \
  -Dteams.soak.talk.ms=4000 -Dteams.soak.maxwait=10
grep -h "teams soak:" pbx/target/failsafe-reports/org.carillon.pbx.team.TeamSoakH2IT-output.txt
