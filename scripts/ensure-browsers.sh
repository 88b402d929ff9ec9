#!/usr/bin/env bash
# Installs Debian's Chromium and Firefox ESR when either is missing (the end-to-end tests drive
# /usr/bin/chromium and /usr/bin/firefox-esr). Idempotent; prints nothing when both are present.
# Runs as root (CI, the dev machines) or through sudo.
set -euo pipefail

CHROMIUM_BIN="${DRAMATIS_CHROMIUM_BIN:-/usr/bin/chromium}"
FIREFOX_BIN="${DRAMATIS_FIREFOX_BIN:-/usr/bin/firefox-esr}"

if [[ -x "$CHROMIUM_BIN" && -x "$FIREFOX_BIN" ]]; then
  exit 0
fi

as_root=()
if [[ "$(id -u)" != 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo -n)
  else
    echo "ensure-browsers: $CHROMIUM_BIN or $FIREFOX_BIN is missing and this is not root (no sudo)." >&2
    echo "ensure-browsers: install them with: apt-get install -y chromium firefox-esr" >&2
    exit 1
  fi
fi

echo "ensure-browsers: installing chromium and firefox-esr with apt-get (one of them is missing)"
export DEBIAN_FRONTEND=noninteractive
start=$SECONDS
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq -o Dpkg::Use-Pty=0 chromium firefox-esr </dev/null >/tmp/ensure-browsers-apt.log 2>&1 || {
  echo "ensure-browsers: apt-get install failed; its output:" >&2
  cat /tmp/ensure-browsers-apt.log >&2
  exit 1
}
for bin in "$CHROMIUM_BIN" "$FIREFOX_BIN"; do
  if [[ ! -x "$bin" ]]; then
    echo "ensure-browsers: $bin is still missing after apt-get install" >&2
    exit 1
  fi
done
echo "ensure-browsers: done in $((SECONDS - start)) s: $("$CHROMIUM_BIN" --version 2>/dev/null | head -1); $("$FIREFOX_BIN" --version 2>/dev/null | head -1)"
