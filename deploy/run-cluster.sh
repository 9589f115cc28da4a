#!/usr/bin/env bash
# Runs Supplyline in production shape on this machine, without containers: three Kafka brokers in
# KRaft mode on loopback (9092/9094/9096; supplychain.events with replication 3 and
# min.insync.replicas 2, the relay sends with acks=all), PostgreSQL (deploy/postgres.sh), two
# command-side instances (8080, 8082) sharing the event store, and two query-side instances (8081,
# 8083) sharing the projections. Kafka's log and the services' logs stay in .supplyline-cluster/, and
# the cluster has its own two databases (supplyline_cluster_command, supplyline_cluster_query), so a
# restart keeps everything; they are made afresh together with a new Kafka log, because the databases
# hold positions in it (delete .supplyline-cluster/ to start from nothing).
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
DATABASES=(supplyline_cluster_command supplyline_cluster_query)
if [[ ! -f $DATA/kafka-cluster-id ]]; then
  for database in "${DATABASES[@]}"; do
    PGPASSWORD=$SUPPLYLINE_DB_PASSWORD psql -X -q -h 127.0.0.1 -p "${PGPORT:-5432}" -U "$SUPPLYLINE_DB_USER" -d postgres \
      -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
  done
fi
export SUPPLYLINE_COMMAND_DB_URL=jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/${DATABASES[0]}
export SUPPLYLINE_QUERY_DB_URL=jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/${DATABASES[1]}
# The launcher stops its processes from a shutdown hook on SIGINT or SIGTERM.
exec "$JAVA" -Xmx64m -cp "$CLUSTER_JAR" io.supplyline.deploy.cluster.LocalCluster "$ROOT" "$DATA"
