#!/usr/bin/env bash
# Crash test of Telegram delivery: builds the production jar (PostgreSQL), then runs TelegramCrashBench: the jar on an
# embedded PostgreSQL sends a notice to CHATS channels on the fake Bot API and is killed with SIGKILL at a random
# point of each of five runs, then restarted. Prints per kill: rows SENT and in flight at the kill, UNKNOWN rows,
# targets missing (goal 0), duplicates and whether any lies outside the rows in flight (goal 0).
#
#   bench/telegram-crash.sh
#   CHATS=300 SEED=42 SKIP_BUILD=1 bench/telegram-crash.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CHATS=${CHATS:-1000}
SEED=${SEED:-$RANDOM}
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -ntp -q package -DskipTests
fi
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
rm -f target/telegram-crash-app.log
./mvnw -B -ntp test -Dtest=TelegramCrashBench -Dsurefire.failIfNoSpecifiedTests=false -Dtests.log-to-file=false \
  -DargLine="-Dbench.chats=$CHATS -Dbench.seed=$SEED" >"$LOG" 2>&1 || { grep -E '^RESULT' "$LOG" || true; tail -60 "$LOG"; exit 1; }
echo "seed=$SEED chats=$CHATS"
grep -E '^RESULT' "$LOG"
