#!/usr/bin/env bash
# Runs every test: unit, aggregate, @QuarkusTest against a real Kafka broker (started in-process)
# and PostgreSQL, and the whole-system tests with the packaged services as their own processes.
# Needs a JDK 17+; PostgreSQL is made available (started or installed) by deploy/postgres.sh, and
# headless Chromium for the dashboard's browser test by deploy/chromium.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
deploy/postgres.sh
deploy/chromium.sh
exec ./mvnw -B verify "$@"
