#!/usr/bin/env bash
# Telegram delivery throughput: one notice run to CHATS channels (default 1000) through the real dispatcher and the
# TelegramBots client, against the fake Bot API (test sources) enforcing Telegram's limits: 30 messages/s per bot,
# 1/s and 20/min per chat, 429 with retry_after beyond them. Prints achieved/allowed rate (goal >= 0.95) and the
# 429 count (goal 0). The allowed rate is the fake's own limit, enforced in the same run.
#
#   bench/telegram.sh
#   CHATS=300 bench/telegram.sh
#
# Needs: JDK 17+ (Maven Central for the first build).
set -euo pipefail
cd "$(dirname "$0")/.."
CHATS=${CHATS:-1000}
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
./mvnw -B -ntp test -Dtest=TelegramThroughputBench -Dsurefire.failIfNoSpecifiedTests=false -Dtests.log-to-file=false -Dbench.chats="$CHATS" \
  -DargLine="-Dbench.chats=$CHATS" >"$LOG" 2>&1 || { tail -50 "$LOG"; exit 1; }
grep -E '^(setup|RESULT|DETAIL)' "$LOG"
