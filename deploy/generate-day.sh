#!/usr/bin/env bash
# Drives a running Supplyline (deploy/run-local.sh) with a realistic, seeded supply-chain day and
# prints what was accepted, what was refused (by code) and how many events the day produced.
# Exits non-zero if any command got a 5xx answer or none at all.
#   deploy/generate-day.sh --commands 2000 --workers 4 --rate 0 --seed 42
#   deploy/generate-day.sh --url http://localhost:8080 --kafka localhost:9092   (the defaults)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/deploy/generator/target/generator.jar
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

if [[ ! -f $JAR || -n $(find "$ROOT/deploy/generator" -path '*/target' -prune -o -newer "$JAR" -type f -print -quit) ]]; then
  echo "[generate-day] building the generator" >&2
  (cd "$ROOT" && ./mvnw -B -q -pl deploy/generator -am package -DskipTests)
fi
exec "$JAVA" -cp "$JAR:$ROOT/deploy/generator/target/lib/*" io.supplyline.deploy.generator.RealisticDay "$@"
