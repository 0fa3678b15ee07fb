#!/usr/bin/env bash
# Banner throughput with and without a flood of wrong passwords on the officer host, in one run: the packaged app
# (embedded default, demo banner) serves the seized host while 16 connections send HTTP Basic with a wrong password
# to /api/operations. Two modes, each alternating undisturbed and flooded rounds:
#   one address    - the flood comes from one client, as measured from outside (the throttle answers it with 429)
#   many addresses - the per-client and per-user limits lifted, as a flood spread over many addresses would look to the
#                    throttle (only the hashing pool and its CPU budget stand between the flood and the banners)
# Prints each round's banner requests/s, the ratio flooded/undisturbed (goal >= 0.9) and what the flood was answered,
# for a flood paced at 200 requests/s and one as fast as the answers come; and, as the reference for the latter, a
# flood as fast of plain requests for a page that does not exist (what any client can send, no password involved).
#
#   bench/auth-flood.sh
#   SKIP_BUILD=1 DURATION=5s ROUNDS=1 bench/auth-flood.sh
#
# Needs: JDK 17+, Node.js (bench/flood.mjs sends the flood), wrk (installed with apt-get when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
BANNER_CONNECTIONS=${BANNER_CONNECTIONS:-50}
FLOOD_CONNECTIONS=${FLOOD_CONNECTIONS:-16}
# 200/s: ten times the rate the wrong-password flood reached before this fix (18/s, bcrypt-bound); 0: as fast as
# answers come (then the flood competes for the CPU as any flood of cheap requests does, whatever it carries).
FLOOD_RATES=${FLOOD_RATES:-"200 0"}
# The reference for the fastest flood: as many requests as fast, without credentials, to a page that does not exist.
FLOODS="$(for rate in $FLOOD_RATES; do printf '%s:password ' "$rate"; done)0:plain"
APP_PORT=18080
MGMT_PORT=19000
HOST_HEADER="spoof-demo.localhost"

if ! command -v wrk >/dev/null 2>&1; then
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi
ulimit -n 65535 2>/dev/null || true

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -ntp -q package -DskipTests -Dquarkus.profile=embedded
fi

WORK=$(mktemp -d)
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

start_app() { # extra environment for the app
  rm -rf "$WORK/app" && mkdir -p "$WORK/app"
  if curl -s -o /dev/null "http://127.0.0.1:$MGMT_PORT/q/health/ready"; then
    echo "port $MGMT_PORT is taken: another app would be measured instead"; exit 1
  fi
  # exec: APP_PID is the JVM itself, so that stop_app stops it (a leftover app would answer the next mode's requests).
  (cd "$WORK/app" && exec env TAKEDOWN_HTTP_PORT=$APP_PORT TAKEDOWN_MANAGEMENT_PORT=$MGMT_PORT "$@" \
    java ${JAVA_OPTS:-} -jar "$REPO/target/quarkus-app/quarkus-run.jar" >"$WORK/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$MGMT_PORT/q/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -sf "http://127.0.0.1:$MGMT_PORT/q/health/ready" >/dev/null || { echo "app did not start"; tail -50 "$WORK/app.log"; exit 1; }
}

stop_app() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

banner_rps() {
  wrk -t1 -c"$BANNER_CONNECTIONS" -d"$DURATION" -H "Host: $HOST_HEADER" "http://127.0.0.1:$APP_PORT/" 2>&1 | awk '/Requests\/sec/ {print $2}'
}

flooded_banner_rps() { # rate kind -> "banner_rps flood_summary"; kind: password (wrong ones) or plain (the reference)
  local wrong
  wrong=$(printf 'admin:not-the-password' | base64)
  if [ "$2" = password ]; then
    node bench/flood.mjs "http://127.0.0.1:$APP_PORT/api/operations" "${DURATION%s}" "$FLOOD_CONNECTIONS" "$1" \
      "Host: localhost" "Authorization: Basic $wrong" >"$WORK/flood.out" 2>&1 &
  else
    node bench/flood.mjs "http://127.0.0.1:$APP_PORT/no-such-page" "${DURATION%s}" "$FLOOD_CONNECTIONS" "$1" \
      "Host: localhost" >"$WORK/flood.out" 2>&1 &
  fi
  local flood=$!
  local rps
  rps=$(banner_rps)
  wait "$flood" || true
  echo "$rps $(cat "$WORK/flood.out")"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); java: $(java -version 2>&1 | head -1)"
echo "banner: $BANNER_CONNECTIONS connections; flood: $FLOOD_CONNECTIONS connections of wrong passwords; $DURATION per measurement"
for mode in "one address" "many addresses"; do
  if [ "$mode" = "one address" ]; then
    start_app
  else
    start_app TAKEDOWN_AUTH_FAILURES_PER_CLIENT=1000000000 TAKEDOWN_AUTH_FAILURES_PER_USER=1000000000 \
      TAKEDOWN_AUTH_FAILURES_PER_USER_AND_CLIENT=1000000000
  fi
  # Warm-up (JIT) of the banner and of each flood's path: a cold JVM compiling bcrypt and the refusals meanwhile is a
  # first few seconds' effect, measured apart (RESULTS.md), not the steady state.
  banner_rps >/dev/null
  banner_rps >/dev/null
  for flood in $FLOODS; do
    flooded_banner_rps "${flood%%:*}" "${flood##*:}" >/dev/null
  done
  echo
  echo "== $mode"
  printf "%-5s %-9s %12s %12s %7s  %s\n" round flood alone_rps flooded_rps ratio "flood sent and answered"
  for r in $(seq 1 "$ROUNDS"); do
    for flood in $FLOODS; do
      rate=${flood%%:*}
      kind=${flood##*:}
      alone=$(banner_rps)
      read -r flooded summary <<<"$(flooded_banner_rps "$rate" "$kind")"
      label="$([ "$rate" = 0 ] && echo 'max' || echo "$rate/s")$([ "$kind" = plain ] && echo ' 404s' || true)"
      printf "%-5s %-9s %12.0f %12.0f %7.2f  %s\n" "$r" "$label" "$alone" "$flooded" \
        "$(awk -v a="$alone" -v f="$flooded" 'BEGIN {print f/a}')" "$summary"
    done
  done
  stop_app
done
