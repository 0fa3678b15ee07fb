#!/usr/bin/env bash
# Watching throughput and memory: the packaged service, as its own process on an embedded PostgreSQL, watching
# CHANNELS channel previews and DOMAINS domains (default 5,000 each) served by local fixtures (t.me-shaped previews with
# 20 posts each, a fake DNS server, sites told apart by Host), with the production read concurrency. Prints targets/s
# of a first cycle (every page new) and of a steady cycle (nothing changed), each against a reference measured in the
# same run (the same URLs fetched raw with the same concurrency), and the service's peak RSS.
# Goal: >= 500 targets/s, <= 512 MB.
#
#   bench/watch.sh
#   CHANNELS=1000 DOMAINS=1000 SERVICE_JVM="-Xmx256m" bench/watch.sh
#
# Needs: JDK 17+ (Maven Central for the first build).
set -euo pipefail
cd "$(dirname "$0")/.."
CHANNELS=${CHANNELS:-5000}
DOMAINS=${DOMAINS:-5000}
SERVICE_JVM=${SERVICE_JVM:--Xmx256m}
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
./mvnw -B -ntp package -DskipTests >"$LOG" 2>&1 || { tail -50 "$LOG"; exit 1; }
./mvnw -B -ntp -o surefire:test -Dtest=WatchServiceBench -Dsurefire.failIfNoSpecifiedTests=false -Dtests.log-to-file=false \
  -DargLine="-Dsun.net.httpserver.nodelay=true -Dbench.channels=$CHANNELS -Dbench.domains=$DOMAINS -Dbench.service-jvm='$SERVICE_JVM'" \
  >"$LOG" 2>&1 || { tail -50 "$LOG"; tail -30 target/watch-bench-service.log; exit 1; }
grep -E '^(RESULT|DETAIL)' "$LOG"
