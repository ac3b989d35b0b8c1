#!/usr/bin/env sh
# Sets up a fresh Debian/Ubuntu machine for Crosscheck: the distribution's Chromium and Firefox ESR
# (never a downloaded browser), then the npm packages from the lock file.
set -eu
cd "$(dirname "$0")/../.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1 || ! command -v firefox-esr >/dev/null 2>&1; then
  echo "Installing Debian's chromium and firefox-esr..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium firefox-esr >/dev/null
fi

node --version
npm --version
npm ci --no-audit --no-fund
