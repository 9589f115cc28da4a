#!/usr/bin/env bash
# Usage: deploy/screenshots.sh [--commands 20000] [--out docs]
#
# Takes fresh pictures of every view of the dashboard under generator traffic, for docs/: starts
# Supplyline (deploy/run-local.sh on fresh PostgreSQL databases supplyline_screenshots_command and
# supplyline_screenshots_query, which it drops and recreates; ports 28080/28081, Kafka 29092), loads a
# realistic day with the generator, keeps it sending 20 commands/s, and photographs each view in
# headless Chromium as admin (so the admin view shows too): docs/dashboard-<view>.png.
# Before that: deploy/chromium.sh and deploy/postgres.sh (each installs its packages with apt-get
# when they are missing), and a build of deploy/benchmark when its jar is missing or out of date.
#
# Options:
#   --commands N  the day loaded before the pictures [20000]
#   --out DIR     where the pictures go [docs]
#   -h, --help    this text
#
# Environment:
#   PGHOST, PGPORT, SUPPLYLINE_DB_USER, SUPPLYLINE_DB_PASSWORD  PostgreSQL, as for deploy/postgres.sh
#   JAVA_HOME     the JDK to run (default: java on the PATH)
set -euo pipefail
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
for arg in "$@"; do case $arg in -h|--help) usage; exit 0 ;; esac; done
COMMANDS=20000 OUT=docs
while [[ $# -gt 0 ]]; do
  case $1 in
    --commands) COMMANDS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ $OUT = /* ]] || OUT=$ROOT/$OUT
WORK=$(mktemp -d /tmp/supplyline-screenshots.XXXXXX)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
log() { printf '[screenshots] %s\n' "$*"; }
"$ROOT/deploy/chromium.sh"
BENCH_JAR=$ROOT/deploy/benchmark/target/benchmark.jar
# shellcheck source=lib/build.sh
source "$ROOT/deploy/lib/build.sh"
if stale "$BENCH_JAR" "$ROOT/deploy/benchmark" "$ROOT/deploy/generator"; then
  maven_build screenshots "$ROOT/deploy/benchmark/target/build.log" -pl deploy/benchmark -am install -DskipTests
fi
"$ROOT/deploy/postgres.sh" --fresh supplyline_screenshots_command supplyline_screenshots_query >/dev/null
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
DB_USER=${SUPPLYLINE_DB_USER:-supplyline} DB_PASSWORD=${SUPPLYLINE_DB_PASSWORD:-supplyline}
log "starting Supplyline in $WORK (its log: $WORK/run-local.log)"
SUPPLYLINE_COMMAND_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/supplyline_screenshots_command \
SUPPLYLINE_QUERY_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/supplyline_screenshots_query \
SUPPLYLINE_DB_USER=$DB_USER SUPPLYLINE_DB_PASSWORD=$DB_PASSWORD SUPPLYLINE_DATA_DIR=$WORK/data SUPPLYLINE_COMMAND_PORT=28080 SUPPLYLINE_QUERY_PORT=28081 \
SUPPLYLINE_COMMAND_MANAGEMENT_PORT=29080 SUPPLYLINE_QUERY_MANAGEMENT_PORT=29081 KAFKA_PORT=29092 KAFKA_CONTROLLER_PORT=29093 \
  "$ROOT/deploy/run-local.sh" >"$WORK/run-local.log" 2>&1 &
system=$!
traffic=
trap '[[ -n $traffic ]] && kill $traffic 2>/dev/null; kill -TERM $system 2>/dev/null; wait $system 2>/dev/null || true' EXIT
until grep -q "Supplyline is up" "$WORK/run-local.log"; do
  kill -0 $system 2>/dev/null || { tail -40 "$WORK/run-local.log"; log "the system did not start"; exit 1; }
  sleep 2
done
log "loading a realistic day: $COMMANDS commands"
"$ROOT/deploy/generate-day.sh" --url http://localhost:28080 --kafka localhost:29092 --commands "$COMMANDS" --workers 8 \
  | tail -3
log "generator traffic: 20 commands/s while the pictures are taken"
"$ROOT/deploy/generate-day.sh" --url http://localhost:28080 --kafka localhost:29092 --commands 1000000 --rate 20 --seed 7 \
  >"$WORK/traffic.log" 2>&1 &
traffic=$!
sleep 15
"$JAVA" -cp "$BENCH_JAR:$ROOT/deploy/benchmark/target/lib/*" io.supplyline.deploy.bench.DashboardScreenshots \
  http://localhost:28081 admin:admin "$OUT"
