#!/usr/bin/env bash
# `npm test`: every suite, in order of speed, carrying on past a failure so one run shows all
# of them; ends with one line that sums the results.
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

# The typecheck, the lint and the browser suite's build run beside the unit and integration
# tests (which never read the build): two cores, and the tests mostly keep one of them busy.
# Their output is shown in order once the tests are done.
check typecheck npx tsc --noEmit >"$reports/typecheck.log" 2>&1 &
checks=$!
npx tsx scripts/build-if-stale.ts >"$reports/build.log" 2>&1 &
build=$!
echo "── unit and integration"
npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"
wait "$checks"
cat "$reports/typecheck.log"
check lint npx biome check .
# A failed build is shown here; the browser suite's server then tries again and reports it.
wait "$build" || cat "$reports/build.log"
echo "── browser (Playwright, Chromium)"
if bash scripts/ensure-chromium.sh; then
  npx playwright test
else
  echo '{"passed":0,"failed":1}' >"$reports/browser-setup.count"
fi

node scripts/sum-test-results.mjs "$reports"
