#!/usr/bin/env bash
# Usage: deploy/run-local.sh
#
# Runs Supplyline on this machine with nothing installed but a JDK (17+): a real Apache Kafka
# broker (KRaft), the command side on :8080 and the query side on :8081 (their health and metrics on
# the management ports :9080 and :9081). Data (Kafka log, H2 databases, logs) stays in
# .supplyline-data/ so a restart keeps it. Builds first when a jar is missing or older than its
# sources (the first build downloads dependencies and takes a few minutes; a line per module shows
# where it is, the whole output goes to .supplyline-data/logs/build.log).
# Stop with Ctrl-C or SIGTERM: every process it started stops with it.
#
# Options:
#   -h, --help   this text
#
# Environment:
#   SUPPLYLINE_COMMAND_DB_URL, SUPPLYLINE_QUERY_DB_URL  PostgreSQL instead of H2: set both (JDBC URLs;
#                deploy/postgres.sh makes a local server), with SUPPLYLINE_DB_USER / SUPPLYLINE_DB_PASSWORD
#                (default supplyline/supplyline)
#   SUPPLYLINE_DATA_DIR                     the data folder (default .supplyline-data)
#   SUPPLYLINE_COMMAND_PORT, SUPPLYLINE_QUERY_PORT  the APIs' ports (8080, 8081)
#   SUPPLYLINE_COMMAND_MANAGEMENT_PORT, SUPPLYLINE_QUERY_MANAGEMENT_PORT  health and metrics (9080, 9081)
#   KAFKA_PORT, KAFKA_CONTROLLER_PORT       the broker's ports (9092, 9093)
#   SUPPLYLINE_JAVA_OPTS                    JVM options for both services, instead of the sized defaults
#   JAVA_HOME                               the JDK to run (default: java on the PATH)
set -euo pipefail
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
for arg in "$@"; do case $arg in -h|--help) usage; exit 0 ;; esac; done
[[ $# -eq 0 ]] || { echo "[run-local] unexpected argument $1" >&2; usage >&2; exit 2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${SUPPLYLINE_DATA_DIR:-$ROOT/.supplyline-data}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
COMMAND_PORT=${SUPPLYLINE_COMMAND_PORT:-8080}
QUERY_PORT=${SUPPLYLINE_QUERY_PORT:-8081}
COMMAND_MANAGEMENT_PORT=${SUPPLYLINE_COMMAND_MANAGEMENT_PORT:-9080}
QUERY_MANAGEMENT_PORT=${SUPPLYLINE_QUERY_MANAGEMENT_PORT:-9081}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# Sized from measurement so each service stays under 300 MB resident under load (deploy/bench.sh).
# Each holds about 35 MB live. A fixed young generation (the query side's 16 MB: it allocates less per
# second), and an old generation that grows only when a full collection leaves it short and gives back
# what a burst took (MaxHeapFreeRatio): the command side's bursts are bounded at 80 MB; the query
# side's rebuild keeps rows while the heap has room, so it may reach 160 MB. With H2 the command
# database lives in the heap too. The serial collector, because on two cores a concurrent one only
# competes with the work; malloc's freed memory (the JIT's arenas above all) handed back every 2 s where
# the JVM can (17.0.9 and later); at most two malloc arenas instead of one per thread.
# SUPPLYLINE_JAVA_OPTS replaces all of it for both services.
trim=-XX:TrimNativeHeapInterval=2000; "$JAVA" $trim -version >/dev/null 2>&1 || trim=
common_opts="-Xms64m -XX:MaxHeapFreeRatio=50 -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k $trim"
command_heap=-Xmx80m; [[ -n "${SUPPLYLINE_COMMAND_DB_URL:-}" ]] || command_heap=-Xmx144m
COMMAND_JAVA_OPTS=${SUPPLYLINE_JAVA_OPTS:-$command_heap -Xmn24m $common_opts}
QUERY_JAVA_OPTS=${SUPPLYLINE_JAVA_OPTS:--Xmx160m -Xmn16m $common_opts}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

if [[ -z "${SUPPLYLINE_COMMAND_DB_URL:-}" && -n "${SUPPLYLINE_QUERY_DB_URL:-}" ]] ||
   [[ -n "${SUPPLYLINE_COMMAND_DB_URL:-}" && -z "${SUPPLYLINE_QUERY_DB_URL:-}" ]]; then
  echo "[run-local] set both SUPPLYLINE_COMMAND_DB_URL and SUPPLYLINE_QUERY_DB_URL (PostgreSQL), or neither (H2)" >&2
  exit 2
fi
if [[ -n "${SUPPLYLINE_COMMAND_DB_URL:-}" ]]; then
  flavour=postgresql; app_dir=target/quarkus-app; build_flags=()
  # deploy/postgres.sh's role, unless told otherwise (the local profile's own default is H2's sa).
  export SUPPLYLINE_DB_USER=${SUPPLYLINE_DB_USER:-supplyline} SUPPLYLINE_DB_PASSWORD=${SUPPLYLINE_DB_PASSWORD:-supplyline}
else
  flavour=h2; app_dir=target/local-app
  build_flags=(-Dquarkus.profile=local -Dquarkus.package.output-directory=local-app)
fi
BROKER_JAR=$ROOT/deploy/kafka-broker/target/kafka-broker.jar
COMMAND_JAR=$ROOT/command-side/$app_dir/quarkus-run.jar
QUERY_JAR=$ROOT/query-side/$app_dir/quarkus-run.jar

log() { printf '[run-local] %s\n' "$*"; }

# shellcheck source=lib/build.sh
source "$ROOT/deploy/lib/build.sh"
# Build when a jar is missing or any source or POM is newer than it.
needs_build() {
  local jar
  [[ -d $ROOT/deploy/kafka-broker/target/lib ]] || return 0
  for jar in "$BROKER_JAR" "$COMMAND_JAR" "$QUERY_JAR"; do
    stale "$jar" "$ROOT"/{shared-events,service-support,command-side,query-side,deploy/kafka-broker} "$ROOT/pom.xml" \
      && return 0
  done
  return 1
}
if needs_build; then
  log "building ($flavour flavour; the first build downloads dependencies and takes a few minutes)"
  maven_build run-local "$DATA/logs/build.log" -pl command-side,query-side,deploy/kafka-broker -am package -DskipTests \
    "${build_flags[@]}" || { log "the build failed; see $DATA/logs/build.log"; exit 1; }
fi

mkdir -p "$DATA/logs"
pids=()
# Stop in reverse start order (query side, command side, broker), so the relay can flush to a
# broker that is still there; a process that ignores SIGTERM for 30 s is killed.
stop_all() {
  trap - INT TERM EXIT
  local i pid deadline
  for ((i=${#pids[@]}-1; i>=0; i--)); do
    pid=${pids[i]}
    kill -TERM "$pid" 2>/dev/null || continue
    deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  log "stopped"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

# True when GET http://localhost:PORT/PATH answers 200 (plain bash: no curl needed).
http_ok() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3 \
    && read -r _ status _ <&3 && [[ $status == 200 ]]) 2>/dev/null
}

# Wait until a service's readiness check (on its management port) is green or its process dies.
await_ready() {
  local name=$1 port=$2 pid=$3 deadline=$((SECONDS + 120))
  until http_ok "$port" /q/health/ready; do
    kill -0 "$pid" 2>/dev/null || { log "$name exited; last lines of its log:"; tail -20 "$DATA/logs/$name.log"; exit 1; }
    ((SECONDS < deadline)) || { log "$name not ready after 120 s; see $DATA/logs/$name.log"; exit 1; }
    sleep 0.3
  done
}

started=$SECONDS
"$JAVA" -Xmx512m -cp "$BROKER_JAR:$ROOT/deploy/kafka-broker/target/lib/*" io.supplyline.deploy.kafka.KafkaBroker \
  --data-dir "$DATA/kafka" --port "$KAFKA_PORT" --controller-port "$KAFKA_CONTROLLER_PORT" \
  >"$DATA/logs/kafka.log" 2>&1 </dev/null &
pids+=($!)
until grep -q "Kafka broker ready" "$DATA/logs/kafka.log" 2>/dev/null; do
  kill -0 "${pids[0]}" 2>/dev/null || { log "Kafka broker exited:"; tail -20 "$DATA/logs/kafka.log"; exit 1; }
  sleep 0.2
done
log "$(grep -m1 "Kafka broker ready" "$DATA/logs/kafka.log")"

export KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT SUPPLYLINE_DATA_DIR=$DATA
for service in command-side query-side; do
  if [[ $service == command-side ]]; then
    jar=$COMMAND_JAR port=$COMMAND_PORT management=$COMMAND_MANAGEMENT_PORT opts=$COMMAND_JAVA_OPTS
  else jar=$QUERY_JAR port=$QUERY_PORT management=$QUERY_MANAGEMENT_PORT opts=$QUERY_JAVA_OPTS; fi
  # shellcheck disable=SC2086 # the options are words
  "$JAVA" $opts -Dquarkus.profile=local -Dquarkus.http.port="$port" \
    -Dquarkus.management.port="$management" -jar "$jar" \
    >"$DATA/logs/$service.log" 2>&1 </dev/null &
  pids+=($!)
done
await_ready command-side "$COMMAND_MANAGEMENT_PORT" "${pids[1]}"
await_ready query-side "$QUERY_MANAGEMENT_PORT" "${pids[2]}"

cat <<INFO
[run-local] Supplyline is up in $((SECONDS - started)) s ($flavour databases, data in $DATA)
  Command API   http://localhost:$COMMAND_PORT   (Swagger UI: /q/swagger-ui, user operator/operator)
  Query API     http://localhost:$QUERY_PORT   (Swagger UI: /q/swagger-ui, user analyst/analyst)
  Kafka         localhost:$KAFKA_PORT   topic supplychain.events
  Operations    http://localhost:$COMMAND_MANAGEMENT_PORT and :$QUERY_MANAGEMENT_PORT   (/q/health, /q/metrics)
  Logs          $DATA/logs/
Stop with Ctrl-C (or SIGTERM to this script).
INFO

# Run until stopped, or until any of the three exits on its own (then stop the rest).
wait -n "${pids[@]}" || true
log "a process exited unexpectedly; stopping the rest"
exit 1
