#!/usr/bin/env bash
# Watching throughput: one operation watching CHANNELS channel previews and DOMAINS domains (default 5,000 each)
# served by local fixtures (t.me-shaped previews with 20 posts each, a fake DNS server, sites told apart by Host),
# on a real PostgreSQL, with the production read concurrency. Prints targets/s of a first cycle (every page new) and
# of a steady cycle (nothing changed), each against a reference measured in the same run (the same URLs fetched raw
# with the same concurrency), and the JVM's peak RSS. Goal: >= 500 targets/s, <= 512 MB.
#
#   bench/watch.sh
#   CHANNELS=1000 DOMAINS=1000 bench/watch.sh
#
# Needs: JDK 17+ (Maven Central for the first build).
set -euo pipefail
cd "$(dirname "$0")/.."
CHANNELS=${CHANNELS:-5000}
DOMAINS=${DOMAINS:-5000}
HEAP=${HEAP:-384m}
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
./mvnw -B -ntp test -Dtest=WatchCycleBench -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Xmx$HEAP -Dsun.net.httpserver.nodelay=true -Dbench.channels=$CHANNELS -Dbench.domains=$DOMAINS" >"$LOG" 2>&1 || { tail -50 "$LOG"; exit 1; }
grep -E '^(setup|RESULT|DETAIL)' "$LOG"
