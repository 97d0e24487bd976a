#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (browser downloads do not work on these machines).
# PLAYWRIGHT_CHROMIUM names another build; where neither is there and we are root with
# apt-get, install it; otherwise say in one line what to install.
set -euo pipefail
browser=${PLAYWRIGHT_CHROMIUM:-/usr/bin/chromium}
[ -x "$browser" ] && exit 0
if [ -n "${PLAYWRIGHT_CHROMIUM:-}" ]; then
  echo "PLAYWRIGHT_CHROMIUM=$PLAYWRIGHT_CHROMIUM is not an executable browser." >&2
  exit 1
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
  [ -x "$browser" ] && exit 0
fi
echo "Browser tests need Chromium at /usr/bin/chromium: install it (sudo apt-get install chromium) or set PLAYWRIGHT_CHROMIUM." >&2
exit 1
