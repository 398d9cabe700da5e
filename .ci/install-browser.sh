#!/usr/bin/env bash
# Headless Chromium for the report test (tests/BorderSim.Cli.Tests/ReportBrowserTests.cs): Debian's `chromium`
# package, installed here when missing so that CI on a fresh machine needs nothing done by hand.
# Fonts: DejaVu (Latin and Vietnamese) comes with chromium's dependencies; fonts-noto-cjk is not needed.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "headless Chromium is missing: install Debian's chromium package (sudo apt-get install chromium)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
chromium --version
