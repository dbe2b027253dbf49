#!/usr/bin/env bash
# Makes Debian's `chromium` available for the docs browser test (scripts/test/docs). Never
# downloads a browser build of its own: only the distribution package, through apt.
#   exit 0  /usr/bin/chromium is there (already, or installed now)
#   exit 3  it cannot be installed here (not root, or no apt-get): the test skips, saying why
#   other   the install was attempted and failed: the test fails with apt's output
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium is missing and this machine has no apt-get: install Chromium so that /usr/bin/chromium exists, then rerun." >&2
  exit 3
fi
if [ "$(id -u)" != 0 ]; then
  echo "chromium is missing and installing it needs root: run 'sudo apt-get install -y chromium' (or bash scripts/setup/chromium.sh as root), then rerun." >&2
  exit 3
fi

echo "Installing Debian's chromium for the docs browser test (once per machine)..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium fonts-liberation >&2
test -x /usr/bin/chromium
