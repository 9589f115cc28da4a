#!/usr/bin/env bash
# Usage: deploy/bench.sh [--smoke] [BENCHMARK OPTIONS]
#
# Benchmarks Supplyline on this machine: starts it on PostgreSQL and a real Kafka broker (fresh
# databases, fresh broker), drives it with the realistic-day and hot-spot mixes, and measures in the
# same run what PostgreSQL (pgbench) and Kafka (its own perf tools) can do on the same servers.
# Prints a markdown table, writes bench-results/results.{md,json} and redraws docs/performance-*.svg.
# The full run takes about 10 minutes; each phase logs a line when it starts and when it ends, with
# its duration.
#
# Before it measures: deploy/postgres.sh (starts PostgreSQL, or installs it with apt-get when it is
# missing), deploy/chromium.sh (installs chromium and chromium-driver with apt-get when missing),
# builds the benchmark when its jar is missing or older than its sources, drops and recreates the
# databases supplyline_bench_command and supplyline_bench_query, and starts the system with
# deploy/run-local.sh (ports 18080/18081, management 19080/19081, Kafka 19092; its log and data in
# $SUPPLYLINE_BENCH_DIR).
#
# Options:
#   --smoke                    every phase small, a few minutes (CI runs it; no thresholds asserted)
#   --rates 250,500,1000,2000  open-loop rates of the realistic mix, commands per second
#   --seconds 30               how long each open-loop phase sends
#   --workers 32               clients of the closed-loop phases
#   --out bench-results        where results.{md,json} go
#   -h, --help                 this text
#
# Environment:
#   SUPPLYLINE_BENCH_DIR       the system's data and log (default .supplyline-bench)
#   PGHOST, PGPORT             PostgreSQL (default 127.0.0.1:5432)
#   SUPPLYLINE_DB_USER, SUPPLYLINE_DB_PASSWORD  its role (default supplyline/supplyline)
#   JAVA_HOME                  the JDK to run (default: java on the PATH)
set -euo pipefail
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
for arg in "$@"; do case $arg in -h|--help) usage; exit 0 ;; esac; done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${SUPPLYLINE_BENCH_DIR:-$ROOT/.supplyline-bench}
COMMAND_PORT=18080 QUERY_PORT=18081 KAFKA_PORT=19092
# Health and metrics are on the services' management ports (the benchmark reads the command side's lag there).
COMMAND_MANAGEMENT_PORT=19080 QUERY_MANAGEMENT_PORT=19081
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
DB_USER=${SUPPLYLINE_DB_USER:-supplyline} DB_PASSWORD=${SUPPLYLINE_DB_PASSWORD:-supplyline}

log() { printf '[bench] %s\n' "$*"; }

# Headless Chromium for the dashboard phase (installs Debian's chromium and chromium-driver if missing)
"$ROOT/deploy/chromium.sh" >/dev/null
BENCH_JAR=$ROOT/deploy/benchmark/target/benchmark.jar
# shellcheck source=lib/build.sh
source "$ROOT/deploy/lib/build.sh"
if stale "$BENCH_JAR" "$ROOT/deploy/benchmark" "$ROOT/deploy/generator"; then
  maven_build bench "$ROOT/deploy/benchmark/target/build.log" -pl deploy/benchmark -am install -DskipTests
fi

# Fresh databases and a fresh broker, so every run measures the same thing.
log "fresh databases supplyline_bench_command and supplyline_bench_query, a fresh $WORK"
"$ROOT/deploy/postgres.sh" --fresh supplyline_bench_command supplyline_bench_query >/dev/null
rm -rf "$WORK" && mkdir -p "$WORK"

SUPPLYLINE_COMMAND_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/supplyline_bench_command \
SUPPLYLINE_QUERY_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/supplyline_bench_query \
SUPPLYLINE_DB_USER=$DB_USER SUPPLYLINE_DB_PASSWORD=$DB_PASSWORD SUPPLYLINE_DATA_DIR=$WORK/data \
SUPPLYLINE_COMMAND_PORT=$COMMAND_PORT SUPPLYLINE_QUERY_PORT=$QUERY_PORT \
SUPPLYLINE_COMMAND_MANAGEMENT_PORT=$COMMAND_MANAGEMENT_PORT SUPPLYLINE_QUERY_MANAGEMENT_PORT=$QUERY_MANAGEMENT_PORT \
KAFKA_PORT=$KAFKA_PORT KAFKA_CONTROLLER_PORT=$((KAFKA_PORT + 1)) \
  "$ROOT/deploy/run-local.sh" >"$WORK/run-local.log" 2>&1 &
system=$!
log "starting the system with deploy/run-local.sh (it builds first when its jars are out of date; log: $WORK/run-local.log)"
trap 'kill -TERM $system 2>/dev/null; wait $system 2>/dev/null || true' EXIT
until grep -q "Supplyline is up" "$WORK/run-local.log"; do
  kill -0 $system 2>/dev/null || { cat "$WORK/run-local.log"; log "the system did not start"; exit 1; }
  sleep 1
done
log "$(grep -m1 "Supplyline is up" "$WORK/run-local.log")"

"$JAVA" -Xmx512m -cp "$BENCH_JAR:$ROOT/deploy/benchmark/target/lib/*" io.supplyline.deploy.bench.Benchmark \
  --command-port $COMMAND_PORT --command-management-port $COMMAND_MANAGEMENT_PORT --query-port $QUERY_PORT \
  --query-management-port $QUERY_MANAGEMENT_PORT --kafka-port $KAFKA_PORT \
  --pg-host "$PGHOST" --pg-port "$PGPORT" --pg-user "$DB_USER" --pg-password "$DB_PASSWORD" \
  --pg-database supplyline_bench_command --out "$ROOT/bench-results" "$@"

# docs/performance-*.svg from this run's results (a smoke run's results leave them as they are).
OUT=$ROOT/bench-results previous=
for arg in "$@"; do [[ $previous == --out ]] && OUT=$arg; previous=$arg; done
"$JAVA" -cp "$BENCH_JAR:$ROOT/deploy/benchmark/target/lib/*" io.supplyline.deploy.bench.PerformancePlots "$OUT" "$ROOT/docs"
