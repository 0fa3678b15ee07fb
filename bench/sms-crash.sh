#!/usr/bin/env bash
# Crash test of texting victims: builds the production jar, then runs SmsCrashBench: the jar on an embedded PostgreSQL
# texts one campaign to RECIPIENTS victims (default 10,000) through the fake SMSC allowing RATE messages a second
# (default 100) and is killed with SIGKILL at five random points of that campaign (seeded), restarted each time. Then
# each UNKNOWN row is resolved as an officer would (marked sent if the SMSC has the message, resent if not). Prints per
# kill the rows answered and in flight, and at the end: victims missing (goal 0), victims texted twice whose row was not
# UNKNOWN (goal 0), victims answered before a kill and texted again (goal 0).
#
#   bench/sms-crash.sh
#   RECIPIENTS=2000 SEED=42 SKIP_BUILD=1 bench/sms-crash.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RECIPIENTS=${RECIPIENTS:-10000}
RATE=${RATE:-100}
SEED=${SEED:-$RANDOM}
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -ntp -q package -DskipTests
fi
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
./mvnw -B -ntp test -Dtest=SmsCrashBench -Dsurefire.failIfNoSpecifiedTests=false -Dtests.log-to-file=false \
  -DargLine="-Dbench.recipients=$RECIPIENTS -Dbench.rate=$RATE -Dbench.seed=$SEED" >"$LOG" 2>&1 \
  || { grep -E '^(KILL|RESULT)' "$LOG" || true; tail -60 "$LOG"; exit 1; }
echo "seed=$SEED recipients=$RECIPIENTS rate=$RATE"
grep -E '^(KILL|RESULT)' "$LOG"
