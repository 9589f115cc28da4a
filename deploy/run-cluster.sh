#!/usr/bin/env bash
# Usage: deploy/run-cluster.sh
#
# Runs Supplyline in production shape on this machine, without containers: three Kafka brokers in
# KRaft mode on loopback (9092/9094/9096; supplychain.events with replication 3 and
# min.insync.replicas 2, the relay sends with acks=all), PostgreSQL (deploy/postgres.sh, which
# installs it with apt-get when it is missing), two command-side instances (8080, 8082) sharing the
# event store, and two query-side instances (8081, 8083) sharing the projections. Kafka's log and
# the services' logs stay in .supplyline-cluster/, and the cluster has its own two databases
# (supplyline_cluster_command, supplyline_cluster_query), so a restart keeps everything; they are
# made afresh together with a new Kafka log, because the databases hold positions in it (delete
# .supplyline-cluster/ to start from nothing). Builds first when a jar is missing or older than its
# sources (a line per module; the whole output in .supplyline-cluster/logs/build.log).
# Stop with Ctrl-C or SIGTERM: every process it started stops with it (queries, commands, brokers).
#
# Options:
#   -h, --help   this text
#
# Environment:
#   SUPPLYLINE_CLUSTER_DIR                      the data folder (default .supplyline-cluster)
#   PGPORT                                      PostgreSQL's port on 127.0.0.1 (default 5432)
#   SUPPLYLINE_DB_USER, SUPPLYLINE_DB_PASSWORD  its role (default supplyline/supplyline)
#   JAVA_HOME                                   the JDK to run (default: java on the PATH)
set -euo pipefail
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
for arg in "$@"; do case $arg in -h|--help) usage; exit 0 ;; esac; done
[[ $# -eq 0 ]] || { echo "[run-cluster] unexpected argument $1" >&2; usage >&2; exit 2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${SUPPLYLINE_CLUSTER_DIR:-$ROOT/.supplyline-cluster}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
CLUSTER_JAR=$ROOT/deploy/cluster/target/cluster.jar

# shellcheck source=lib/build.sh
source "$ROOT/deploy/lib/build.sh"
# Build when a jar is missing or any source or POM is newer than it.
needs_build() {
  local jar
  [[ -d $ROOT/deploy/kafka-broker/target/lib ]] || return 0
  for jar in "$ROOT/deploy/kafka-broker/target/kafka-broker.jar" "$CLUSTER_JAR" \
             "$ROOT/command-side/target/quarkus-app/quarkus-run.jar" "$ROOT/query-side/target/quarkus-app/quarkus-run.jar"; do
    stale "$jar" "$ROOT"/{shared-events,service-support,command-side,query-side,deploy/kafka-broker,deploy/cluster} \
      "$ROOT/pom.xml" && return 0
  done
  return 1
}
if needs_build; then
  echo "[run-cluster] building (the first build downloads dependencies and takes a few minutes)"
  maven_build run-cluster "$DATA/logs/build.log" -pl command-side,query-side,deploy/kafka-broker,deploy/cluster -am \
    package -DskipTests || { echo "[run-cluster] the build failed; see $DATA/logs/build.log" >&2; exit 1; }
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
