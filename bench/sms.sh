#!/usr/bin/env bash
# Texting victims: one SMS campaign to RECIPIENTS victims (default 70,000, as many as the Met texted after iSpoof)
# through the real run builder, dispatcher, SMS channel and jSMPP client, against the fake SMSC (jSMPP's server side,
# test sources) allowing RATE messages a second (default 100) and answering ESME_RTHROTTLED beyond, with a delivery
# receipt for every message. Prints achieved/allowed rate (goal >= 0.95), the throttled answers (goal 0) and the rows
# their receipts delivered (goal: all). The allowed rate is the fake's own limit, enforced in the same run.
#
#   bench/sms.sh
#   RECIPIENTS=5000 bench/sms.sh
#
# Needs: JDK 17+ (Maven Central for the first build).
set -euo pipefail
cd "$(dirname "$0")/.."
RECIPIENTS=${RECIPIENTS:-70000}
RATE=${RATE:-100}
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
./mvnw -B -ntp test -Dtest=SmsThroughputBench -Dsurefire.failIfNoSpecifiedTests=false -Dtests.log-to-file=false \
  -DargLine="-Dbench.recipients=$RECIPIENTS -Dbench.rate=$RATE" >"$LOG" 2>&1 || { tail -50 "$LOG"; exit 1; }
grep -E '^(setup|RESULT|DETAIL)' "$LOG"
