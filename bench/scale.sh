#!/usr/bin/env bash
# Two replicas: the packaged service twice on one embedded PostgreSQL (production profile, clustered Quartz) and the
# fake Bot API enforcing Telegram's limits. Prints (ScaleBench):
#   banner  — requests/s through one replica and through both at once, against nginx serving the same bytes
#   rate    — a notice run to CHATS chats shared by both dispatchers: combined rate / allowed (30/s), busiest second,
#             429s (goal 0), each replica's share
#   resume  — kill -9 of one replica a third into such a run: seconds until its claims are handed over (goal <= 30),
#             longest pause in deliveries, chats missed and silently doubled (goal 0 and 0)
#
#   bench/scale.sh
#   CHATS=300 ROUNDS=1 DURATION=5s SKIP_BUILD=1 bench/scale.sh
#
# Needs: JDK 17+, nginx and wrk (installed with apt-get when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."
CHATS=${CHATS:-600}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-200}
for tool in nginx wrk; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    apt-get install -y -qq "$tool" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null; }
  fi
done
ulimit -n 65535 2>/dev/null || true
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -ntp package -DskipTests >"$LOG" 2>&1 || { tail -50 "$LOG"; exit 1; }
fi
./mvnw -B -ntp -o surefire:test -Dtest=ScaleBench -Dsurefire.failIfNoSpecifiedTests=false -Dtests.log-to-file=false \
  -DargLine="-Dbench.chats=$CHATS -Dbench.rounds=$ROUNDS -Dbench.duration=$DURATION -Dbench.connections=$CONNECTIONS" \
  >"$LOG" 2>&1 || { grep -E '^(setup|RESULT)' "$LOG" || true; tail -50 "$LOG"; exit 1; }
grep -E '^(setup|RESULT)' "$LOG"
