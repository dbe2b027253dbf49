#!/usr/bin/env bash
# Installs Debian's `chromium` for the docs browser test (scripts/test/docs), which never installs
# it itself: `.ci/run` runs this before `pnpm test`; a developer runs it once (as root, or with sudo).
# Never downloads a browser build of its own: only the distribution package, through apt.
#   exit 0  /usr/bin/chromium is there (already, or installed now)
#   exit 3  it cannot be installed here (no apt-get, or neither root nor passwordless sudo), saying why
#   other   the install was attempted and failed, with apt's output
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium is missing and this machine has no apt-get: install Chromium so that /usr/bin/chromium exists, then rerun." >&2
  exit 3
fi
as_root=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "chromium is missing and installing it needs root: run 'sudo bash scripts/setup/chromium.sh' (or 'sudo apt-get install -y chromium'), then rerun." >&2
    exit 3
  fi
fi

echo "Installing Debian's chromium for the docs browser test (once per machine)..." >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium fonts-liberation >&2
test -x /usr/bin/chromium
