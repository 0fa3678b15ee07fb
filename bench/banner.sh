#!/usr/bin/env bash
# Banner throughput: the packaged app (embedded default, demo banner) against nginx serving the same bytes with the
# same headers, on loopback, measured alternately in the same run. Prints each round's ratio app/nginx and p99s.
#
#   bench/banner.sh                 # build, then 3 rounds at 50, 200 and 1000 connections, 10 s each
#   SKIP_BUILD=1 DURATION=5s ROUNDS=1 bench/banner.sh
#
# Needs: JDK 17+, nginx and wrk (installed with apt-get when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-"50 200 1000"}
THREADS=${THREADS:-2}
APP_PORT=18080
MGMT_PORT=19000
NGINX_PORT=18081
HOST_HEADER="spoof-demo.localhost"

for tool in nginx wrk; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    apt-get install -y -qq "$tool" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null; }
  fi
done
ulimit -n 65535 2>/dev/null || true

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -ntp -q package -DskipTests -Dquarkus.profile=embedded
fi

WORK=$(mktemp -d)
APP_PID=""
NGINX_CONF="$WORK/nginx.conf"
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The app, from an empty working directory: fresh H2 database, demo operation, built-in banner templates.
(cd "$WORK" && TAKEDOWN_HTTP_PORT=$APP_PORT TAKEDOWN_MANAGEMENT_PORT=$MGMT_PORT \
  exec java ${JAVA_OPTS:-} -jar "$REPO/target/quarkus-app/quarkus-run.jar" >"$WORK/app.log" 2>&1) &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$MGMT_PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "http://127.0.0.1:$MGMT_PORT/q/health/ready" >/dev/null || { echo "app did not start"; tail -50 "$WORK/app.log"; exit 1; }

# The same bytes for nginx: the rendered demo banner (the countdown changes each minute, so nginx gets the
# page as it is now; both sides then serve a page of the same size).
mkdir -p "$WORK/www"
curl -sf -H "Host: $HOST_HEADER" "http://127.0.0.1:$APP_PORT/" -o "$WORK/www/index.html"
chmod 755 "$WORK" "$WORK/www" && chmod 644 "$WORK/www/index.html"   # nginx workers run unprivileged
BYTES=$(wc -c <"$WORK/www/index.html")
CSP="default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
cat >"$NGINX_CONF" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  open_file_cache max=1000 inactive=60s;
  open_file_cache_valid 60s;
  keepalive_requests 1000000;
  server_tokens off;
  server {
    listen 127.0.0.1:$NGINX_PORT default_server backlog=4096;
    root $WORK/www;
    location / {
      default_type "text/html; charset=utf-8";
      add_header Content-Security-Policy "$CSP" always;
      add_header X-Content-Type-Options nosniff always;
      add_header Referrer-Policy no-referrer always;
      add_header X-Frame-Options DENY always;
      add_header Cross-Origin-Resource-Policy same-origin always;
      add_header Cache-Control no-cache always;
      add_header Vary "Accept-Encoding, Accept-Language" always;
      try_files /index.html =404;
    }
  }
}
NGINX
nginx -c "$NGINX_CONF"
sleep 1
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/")" = 200 ] || { echo "nginx does not serve the page"; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $HOST_HEADER" "http://127.0.0.1:$APP_PORT/")" = 200 ] || { echo "app does not serve the banner"; exit 1; }
cmp -s <(curl -s -H "Host: $HOST_HEADER" "http://127.0.0.1:$APP_PORT/" | wc -c) <(curl -s "http://127.0.0.1:$NGINX_PORT/" | wc -c) \
  || echo "note: page sizes differ (countdown minute changed)"

run_wrk() { # url connections extra-header -> "rps p99_ms errors"
  local out
  out=$(wrk -t"$THREADS" -c"$2" -d"$DURATION" --latency ${3:+-H "$3"} "$1" 2>&1)
  local rps p99 errors non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
  errors=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$rps ${p99:-0} $(( ${errors:-0} + ${non2xx:-0} ))"
}

echo "== warm-up (JIT): 3 × $DURATION =="
for _ in 1 2 3; do
  run_wrk "http://127.0.0.1:$APP_PORT/" 100 "Host: $HOST_HEADER" >/dev/null
done
run_wrk "http://127.0.0.1:$NGINX_PORT/" 100 >/dev/null

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "java: $(java -version 2>&1 | head -1); nginx: $(nginx -v 2>&1 | cut -d/ -f2); page: $BYTES bytes; wrk -t$THREADS -d$DURATION"
echo
printf "%-6s %-5s %12s %12s %7s %10s %10s %8s %6s %6s\n" conns round app_rps nginx_rps ratio app_p99ms ngx_p99ms p99x app_err ngx_err
for c in $CONNECTIONS; do
  for r in $(seq 1 "$ROUNDS"); do
    read -r a_rps a_p99 a_err <<<"$(run_wrk "http://127.0.0.1:$APP_PORT/" "$c" "Host: $HOST_HEADER")"
    read -r n_rps n_p99 n_err <<<"$(run_wrk "http://127.0.0.1:$NGINX_PORT/" "$c")"
    printf "%-6s %-5s %12.0f %12.0f %7.2f %10.2f %10.2f %8.2f %6s %6s\n" "$c" "$r" "$a_rps" "$n_rps" \
      "$(awk -v a="$a_rps" -v n="$n_rps" 'BEGIN {print a/n}')" "$a_p99" "$n_p99" \
      "$(awk -v a="$a_p99" -v n="$n_p99" 'BEGIN {print (n > 0 ? a/n : 0)}')" "$a_err" "$n_err"
  done
done
