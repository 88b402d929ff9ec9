#!/usr/bin/env bash
# Installs Debian packages with apt-get when a program they provide is missing, as root (CI, containers)
# or through `sudo -n`. Idempotent: prints nothing when every program is already there.
# Usage: ensure-apt.sh PROGRAM=PACKAGE...   e.g. ensure-apt.sh /usr/bin/xvfb-run=xvfb
# apt-get's own output goes to a log whose path is printed when anything fails.
set -euo pipefail

missing_programs=()
missing_packages=()
for pair in "$@"; do
  program="${pair%%=*}"
  package="${pair#*=}"
  if [[ ! -x "$program" ]]; then
    missing_programs+=("$program")
    missing_packages+=("$package")
  fi
done
((${#missing_packages[@]} == 0)) && exit 0

as_root=()
if [[ "$(id -u)" != 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo -n)
  else
    echo "ensure-apt: ${missing_programs[*]} missing and this is not root (no sudo)." >&2
    echo "ensure-apt: install with: apt-get install -y ${missing_packages[*]}" >&2
    exit 1
  fi
fi

log="${TMPDIR:-/tmp}/dramatis-apt-get.log"
echo "ensure-apt: installing ${missing_packages[*]} with apt-get (missing: ${missing_programs[*]}); log: $log"
export DEBIAN_FRONTEND=noninteractive
start=$SECONDS
# Wait for another apt-get that holds the lock (a parallel install) instead of failing at once.
apt_get=("${as_root[@]}" apt-get -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)
if ! { "${apt_get[@]}" update -qq && "${apt_get[@]}" install -y -qq "${missing_packages[@]}"; } </dev/null >"$log" 2>&1; then
  echo "ensure-apt: apt-get failed; the end of its output ($log):" >&2
  tail -n 20 "$log" >&2
  exit 1
fi
for program in "${missing_programs[@]}"; do
  if [[ ! -x "$program" ]]; then
    echo "ensure-apt: $program is still missing after apt-get install (log: $log)" >&2
    exit 1
  fi
done
echo "ensure-apt: installed ${missing_packages[*]} in $((SECONDS - start)) s"
