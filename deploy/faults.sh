#!/usr/bin/env bash
# Usage: deploy/faults.sh [--short] [MAVEN OPTIONS]
#
# The fault suite: the local cluster of run-cluster.sh (three KRaft brokers, two instances of each
# service, PostgreSQL) under steady realistic-day load, one fault at a time: kill -9 a broker, all
# brokers stopped, kill -9 a query instance, kill -9 a command instance, PostgreSQL stopped. After
# each, the event store, the topic and every read model are reconciled, and a table is printed
# (also written to deploy/system-tests/target/fault-results.md). Fails on any lost or doubled event,
# any read-model row unlike its recomputation, or any 5xx other than 503.
#
# Before the suite: deploy/postgres.sh (starts PostgreSQL, or installs it with apt-get when it is
# missing), then ./mvnw install -DskipTests (the suite runs the installed services), then the suite
# through Maven (deploy/system-tests, FaultSuiteIT).
#
# Options:
#   --short        the short form every build runs (deploy/test.sh), about 6 minutes; without it the
#                  full form (brokers down 30 s, 50 commands/s), about 11 minutes
#   -h, --help     this text
#   anything else is passed to Maven
#
# Environment: PGHOST, PGPORT, SUPPLYLINE_DB_USER, SUPPLYLINE_DB_PASSWORD as for deploy/postgres.sh.
# Stopping PostgreSQL needs root or passwordless sudo (pg_ctlcluster).
set -euo pipefail
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
for arg in "$@"; do case $arg in -h|--help) usage; exit 0 ;; esac; done
cd "$(dirname "${BASH_SOURCE[0]}")/.."
form=full
if [[ ${1:-} == --short ]]; then form=short; shift; fi
ROOT=$PWD
deploy/postgres.sh
echo "[faults] building and installing every module; then the $form fault suite"
# shellcheck source=lib/build.sh
source deploy/lib/build.sh
maven_build faults "$ROOT/deploy/system-tests/target/build.log" install -DskipTests \
  || { echo "[faults] the build failed; see deploy/system-tests/target/build.log" >&2; exit 1; }
exec ./mvnw -B -pl deploy/system-tests verify -Dit.test=FaultSuiteIT -Dsupplyline.faults=$form "$@"
