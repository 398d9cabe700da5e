#!/usr/bin/env bash
# Headless Chromium for the report test (tests/BorderSim.Cli.Tests/ReportBrowserTests.cs): Debian's `chromium`
# package, installed here when missing so that CI on a fresh machine needs nothing done by hand.
# Fonts: DejaVu (Latin and Vietnamese) comes with chromium's dependencies; fonts-noto-cjk is not needed.
# Monospace blocks of a report use Noto Sans Mono (fonts-noto-mono): DejaVu Sans Mono lacks Vietnamese's precomposed
# letters and draws "cố định" as "cô´định" (the report falls back to DejaVu Sans, correct but proportional, without it).
set -euo pipefail
have_mono() { command -v fc-list >/dev/null 2>&1 && fc-list ':charset=1ed1' family | grep -q "Noto Sans Mono"; }
if command -v chromium >/dev/null 2>&1 && have_mono; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] && command -v chromium >/dev/null 2>&1; then
  echo "note: Noto Sans Mono is missing (sudo apt-get install fonts-noto-mono); reports fall back to DejaVu Sans in monospace blocks" >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "headless Chromium is missing: install Debian's chromium package (sudo apt-get install chromium)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-noto-mono >/dev/null
chromium --version
