#!/usr/bin/env bash
# Usage: deploy/chromium.sh
#
# Makes headless Chromium and its WebDriver (Debian packages chromium, chromium-driver) available for
# the dashboard's browser test and the benchmark's dashboard phase. Does nothing when both are on the
# PATH; otherwise says so on stderr and installs them with apt-get (apt-get update, then apt-get
# install -y chromium chromium-driver), as root or with sudo.
#
# Options:
#   -h, --help   this text
#
# Environment: none of its own (apt-get runs with DEBIAN_FRONTEND=noninteractive).
set -euo pipefail
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
for arg in "$@"; do case $arg in -h|--help) usage; exit 0 ;; esac; done
[[ $# -eq 0 ]] || { echo "[chromium] unexpected argument $1" >&2; usage >&2; exit 2; }

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}
echo "[chromium] installing chromium and chromium-driver with apt-get: apt-get update; apt-get install -y chromium chromium-driver" >&2
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -qq >/dev/null
as_root apt-get install -y -qq chromium chromium-driver >/dev/null
echo "[chromium] installed chromium and chromium-driver" >&2
