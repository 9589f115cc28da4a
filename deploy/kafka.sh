#!/usr/bin/env bash
# Usage: deploy/kafka.sh [--port 9092] [--controller-port 9093] [--data-dir DIR]
#
# Runs one Apache Kafka broker (KRaft, single node) in the foreground, the same one deploy/run-local.sh
# starts: for a service in Quarkus dev mode (./mvnw quarkus:dev, see docs/development.md), which
# expects a broker on localhost:9092. Builds the launcher (deploy/kafka-broker) first when it is
# missing or older than its sources. Stop with Ctrl-C.
#
# Options:
#   --port N             the client port (default 9092, or $KAFKA_PORT)
#   --controller-port N  the KRaft controller port (default 9093, or $KAFKA_CONTROLLER_PORT)
#   --data-dir DIR       the broker's log (default $SUPPLYLINE_DATA_DIR/kafka: the local run's)
#   -h, --help           this text
#
# Environment:
#   SUPPLYLINE_DATA_DIR  data folder shared with the local run and dev mode (default .supplyline-data)
#   KAFKA_PORT, KAFKA_CONTROLLER_PORT  default ports, as for deploy/run-local.sh
#   JAVA_HOME            the JDK to run (default: java on the PATH)
set -euo pipefail
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
for arg in "$@"; do case $arg in -h|--help) usage; exit 0 ;; esac; done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${SUPPLYLINE_DATA_DIR:-$ROOT/.supplyline-data}
PORT=${KAFKA_PORT:-9092} CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093} LOG_DIR=
while [[ $# -gt 0 ]]; do
  case $1 in
    --port) PORT=$2; shift 2 ;;
    --controller-port) CONTROLLER_PORT=$2; shift 2 ;;
    --data-dir) LOG_DIR=$2; shift 2 ;;
    *) echo "[kafka] unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
LOG_DIR=${LOG_DIR:-$DATA/kafka}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=$ROOT/deploy/kafka-broker/target/kafka-broker.jar

# shellcheck source=lib/build.sh
source "$ROOT/deploy/lib/build.sh"
if [[ ! -d $ROOT/deploy/kafka-broker/target/lib ]] || stale "$JAR" "$ROOT/deploy/kafka-broker" "$ROOT/pom.xml"; then
  maven_build kafka "$ROOT/deploy/kafka-broker/target/build.log" -pl deploy/kafka-broker -am package -DskipTests >&2
fi
echo "[kafka] starting a broker on localhost:$PORT, its log in $LOG_DIR; stop with Ctrl-C" >&2
exec "$JAVA" -Xmx512m -cp "$JAR:$ROOT/deploy/kafka-broker/target/lib/*" io.supplyline.deploy.kafka.KafkaBroker \
  --data-dir "$LOG_DIR" --port "$PORT" --controller-port "$CONTROLLER_PORT"
