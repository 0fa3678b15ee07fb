#!/usr/bin/env bash
# Importing a victim list: the packaged service, as its own process on an embedded PostgreSQL, imports ROWS generated
# rows (default 100,000: mobiles, 3 % duplicates in another spelling, 2 % landlines, a name and a bank each) through
# the API as an officer's upload does (1 MB parts, complete, wait for DONE). Prints the import's time beside the time
# libphonenumber alone takes to parse the same numbers in the same run, and the service's peak RSS.
# Goal: 100,000 rows in <= 10 s; 1,000,000 rows with the heap of the default (-Xmx256m) and a flat RSS.
#
#   bench/victim-import.sh
#   ROWS=1000000 bench/victim-import.sh
#
# Needs: JDK 17+ (Maven Central for the first build).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-100000}
IMPORTS=${IMPORTS:-2}
SERVICE_JVM=${SERVICE_JVM:--Xmx256m}
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
./mvnw -B -ntp package -DskipTests >"$LOG" 2>&1 || { tail -50 "$LOG"; exit 1; }
./mvnw -B -ntp -o surefire:test -Dtest=VictimImportBench -Dsurefire.failIfNoSpecifiedTests=false -Dtests.log-to-file=false \
  -DargLine="-Dbench.rows=$ROWS -Dbench.imports=$IMPORTS -Dbench.service-jvm='$SERVICE_JVM'" \
  >"$LOG" 2>&1 || { tail -50 "$LOG"; tail -30 target/victim-import-bench-service.log; exit 1; }
grep -E '^(RESULT|DETAIL)' "$LOG"
