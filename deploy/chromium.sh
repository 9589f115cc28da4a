#!/usr/bin/env bash
# Makes headless Chromium and its WebDriver (Debian packages chromium, chromium-driver) available for
# the dashboard's browser test. Does nothing when both are installed. Runs as root or with sudo.
set -euo pipefail

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}
echo "[chromium] installing chromium and chromium-driver" >&2
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -qq >/dev/null
as_root apt-get install -y -qq chromium chromium-driver >/dev/null
