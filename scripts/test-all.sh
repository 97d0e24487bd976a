#!/usr/bin/env bash
# `npm test`: every suite, carrying on past a failure so one run shows all of them; ends with
# one line that sums the results.
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
reports=test-results/reports
rm -rf "$reports" && mkdir -p "$reports"

check() { # a check that passes or fails as a whole counts as one test
  local name=$1
  shift
  echo "── $name"
  if "$@"; then echo '{"passed":1,"failed":0}' >"$reports/$name.count"
  else echo '{"passed":0,"failed":1}' >"$reports/$name.count"; fi
}

# Two cores, and neither the unit and integration tests nor the browser suite keeps both busy
# alone: the typecheck, then the build and the browser suite, run beside the unit and
# integration tests (which never read the build). The browser suite's output is kept and shown
# once the tests beside it are done.
check typecheck npx tsc --noEmit >"$reports/typecheck.log" 2>&1 &
checks=$!
browserLog="$reports/browser.log"
(
  # A failed build is shown here; the browser suite's server then tries again and reports it.
  npx tsx scripts/build-if-stale.ts >"$reports/build.log" 2>&1 || cat "$reports/build.log"
  if bash scripts/ensure-chromium.sh; then
    npx playwright test
  else
    echo '{"passed":0,"failed":1}' >"$reports/browser-setup.count"
  fi
) >"$browserLog" 2>&1 &
browser=$!
echo "── unit and integration"
npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"
wait "$checks"
cat "$reports/typecheck.log"
check lint npx biome check .
echo "── browser (Playwright, Chromium)"
tail -n +1 -f --pid="$browser" "$browserLog"
wait "$browser"

node scripts/sum-test-results.mjs "$reports"
