#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (browser downloads do not work on these machines): its
# headless shell, the build Playwright itself runs headless tests in, lighter than the full
# browser (the longest spec: 41 s against 54 s). `ensure-chromium.sh chromium` asks for the full
# browser instead (the page bench measures in it). PLAYWRIGHT_CHROMIUM names another build; where
# none is there and we are root with apt-get, install the package; otherwise say what to install.
set -euo pipefail
package=${1:-chromium-headless-shell}
browser=${PLAYWRIGHT_CHROMIUM:-/usr/bin/$package}
[ -x "$browser" ] && exit 0
if [ -n "${PLAYWRIGHT_CHROMIUM:-}" ]; then
  echo "PLAYWRIGHT_CHROMIUM=$PLAYWRIGHT_CHROMIUM is not an executable browser." >&2
  exit 1
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's $package for the browser tests…"
  apt-get update -qq >/dev/null
  apt-get install -y -qq "$package" >/dev/null
  [ -x "$browser" ] && exit 0
fi
echo "Browser tests need Chromium at $browser: install it (sudo apt-get install $package) or set PLAYWRIGHT_CHROMIUM." >&2
exit 1
