#!/usr/bin/env bash
# Usage: deploy/test.sh [MAVEN OPTIONS]
#
# Runs every test: unit, aggregate, @QuarkusTest against a real Kafka broker (started in-process)
# and PostgreSQL, and the whole-system tests with the packaged services as their own processes,
# through ./mvnw -B verify (options are passed to Maven, e.g. -pl query-side -am, -Dtest=...).
# Needs a JDK 17+. Before Maven it makes two services available, and says what it does:
#   PostgreSQL  deploy/postgres.sh starts a local server, or installs Debian's postgresql with apt-get
#               when it is missing, and creates the supplyline role and test databases
#   Chromium    deploy/chromium.sh installs chromium and chromium-driver with apt-get when missing
#               (the dashboard's browser test)
# The Kafka brokers of the tests run inside the test JVMs; nothing else is installed.
#
# Options:
#   -h, --help  this text
#   anything else is passed to Maven
#
# Environment: PGHOST, PGPORT, SUPPLYLINE_DB_USER, SUPPLYLINE_DB_PASSWORD as for deploy/postgres.sh.
set -euo pipefail
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
for arg in "$@"; do case $arg in -h|--help) usage; exit 0 ;; esac; done
cd "$(dirname "${BASH_SOURCE[0]}")/.."
echo "[test] PostgreSQL (deploy/postgres.sh: started, or installed with apt-get if missing), headless Chromium" \
  "(deploy/chromium.sh: installed with apt-get if missing), then ./mvnw -B verify $*" >&2
deploy/postgres.sh
deploy/chromium.sh
exec ./mvnw -B verify "$@"
