#!/usr/bin/env bash
# The fault suite: the local cluster of run-cluster.sh (three KRaft brokers, two instances of each
# service, PostgreSQL) under steady realistic-day load, one fault at a time: kill -9 a broker, all
# brokers stopped, kill -9 a query instance, kill -9 a command instance, PostgreSQL stopped. After
# each, the event store, the topic and every read model are reconciled, and a table is printed
# (also written to deploy/system-tests/target/fault-results.md). Fails on any lost or doubled event,
# any read-model row unlike its recomputation, or any 5xx other than 503.
#
#   deploy/faults.sh           the full form (brokers down 30 s, 50 commands/s), about 11 minutes
#   deploy/faults.sh --short   the short form every build runs (deploy/test.sh), about 6 minutes
#
# Stopping PostgreSQL needs root or passwordless sudo (pg_ctlcluster).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
form=full
if [[ ${1:-} == --short ]]; then form=short; shift; fi
deploy/postgres.sh
./mvnw -B -q install -DskipTests
exec ./mvnw -B -pl deploy/system-tests verify -Dit.test=FaultSuiteIT -Dsupplyline.faults=$form "$@"
