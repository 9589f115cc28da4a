#!/usr/bin/env bash
# Runs Supplyline in production shape on this machine, without containers: three Kafka brokers in
# KRaft mode on loopback (9092/9094/9096; supplychain.events with replication 3 and
# min.insync.replicas 2, the relay sends with acks=all), PostgreSQL (deploy/postgres.sh), two
# command-side instances (8080, 8082) sharing the event store, and two query-side instances (8081,
# 8083) sharing the projections. Data and logs stay in .supplyline-cluster/ so a restart keeps them.
# Stop with Ctrl-C or SIGTERM: every process it started stops with it (queries, commands, brokers).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${SUPPLYLINE_CLUSTER_DIR:-$ROOT/.supplyline-cluster}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
CLUSTER_JAR=$ROOT/deploy/cluster/target/cluster.jar

# Build when a jar is missing or any source or POM is newer than it.
needs_build() {
  local jar
  [[ -d $ROOT/deploy/kafka-broker/target/lib ]] || return 0
  for jar in "$ROOT/deploy/kafka-broker/target/kafka-broker.jar" "$CLUSTER_JAR" \
             "$ROOT/command-side/target/quarkus-app/quarkus-run.jar" "$ROOT/query-side/target/quarkus-app/quarkus-run.jar"; do
    [[ -f $jar ]] || return 0
    [[ -z $(find "$ROOT"/{shared-events,command-side,query-side,deploy/kafka-broker,deploy/cluster} "$ROOT/pom.xml" \
      -path '*/target' -prune -o -newer "$jar" -type f -print -quit) ]] || return 0
  done
  return 1
}
if needs_build; then
  echo "[run-cluster] building (the first build downloads dependencies and takes a few minutes)"
  (cd "$ROOT" && ./mvnw -B -q -pl command-side,query-side,deploy/kafka-broker,deploy/cluster -am package -DskipTests)
fi

"$ROOT/deploy/postgres.sh"
export SUPPLYLINE_DB_USER=${SUPPLYLINE_DB_USER:-supplyline} SUPPLYLINE_DB_PASSWORD=${SUPPLYLINE_DB_PASSWORD:-supplyline}
# The launcher stops its processes from a shutdown hook on SIGINT or SIGTERM.
exec "$JAVA" -Xmx64m -cp "$CLUSTER_JAR" io.supplyline.deploy.cluster.LocalCluster "$ROOT" "$DATA"
