#!/usr/bin/env bash
# Usage: deploy/generate-day.sh [OPTIONS]
#
# Drives a running Supplyline (deploy/run-local.sh) with a realistic, seeded supply-chain day and
# prints what was accepted, what was refused (by code) and how many events the day produced; while
# it sends, a progress line every 5 seconds on stderr. Exits non-zero if any command got a 5xx
# answer or none at all. Builds the generator first when its jar is missing or older than its sources.
#
# Options (defaults in brackets):
#   --url URL         the command API [http://localhost:8080]
#   --user U, --password P   a user with the operator role [operator/operator]
#   --commands N      commands after the opening setup [2000]
#   --workers N       concurrent clients [4]
#   --rate R          commands per second, 0 as fast as answered [0]
#   --seed S          the same seed gives the same day [42]
#   --kafka HOST:PORT where to count the events produced; "" to skip counting [localhost:9092]
#   --via http|kafka  kafka: carrier tracking, warehouse scans and half the orders through the
#                     inbound topics [http]
#   -h, --help        this text
# Example: deploy/generate-day.sh --commands 2000 --workers 4 --rate 0 --seed 42
#
# Environment:
#   JAVA_HOME         the JDK to run (default: java on the PATH)
set -euo pipefail
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
for arg in "$@"; do case $arg in -h|--help) usage; exit 0 ;; esac; done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/deploy/generator/target/generator.jar
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# shellcheck source=lib/build.sh
source "$ROOT/deploy/lib/build.sh"
if stale "$JAR" "$ROOT/deploy/generator"; then
  maven_build generate-day "$ROOT/deploy/generator/target/build.log" -pl deploy/generator -am package -DskipTests >&2
fi
exec "$JAVA" -cp "$JAR:$ROOT/deploy/generator/target/lib/*" io.supplyline.deploy.generator.RealisticDay "$@"
