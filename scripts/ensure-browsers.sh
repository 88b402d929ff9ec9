#!/usr/bin/env bash
# Installs Debian's Chromium and Firefox ESR when either is missing (the end-to-end tests drive
# /usr/bin/chromium and /usr/bin/firefox-esr). Idempotent; prints nothing when both are present.
# Runs as root (CI, the dev machines) or through sudo; the work is done by ensure-apt.sh.
set -euo pipefail

CHROMIUM_BIN="${DRAMATIS_CHROMIUM_BIN:-/usr/bin/chromium}"
FIREFOX_BIN="${DRAMATIS_FIREFOX_BIN:-/usr/bin/firefox-esr}"

bash "$(dirname "$0")/ensure-apt.sh" "$CHROMIUM_BIN=chromium" "$FIREFOX_BIN=firefox-esr"
