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

check typecheck npx tsc --noEmit
check lint npx biome check .
echo "── unit and integration"
npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"
echo "── browser (Playwright, Chromium)"
if bash scripts/ensure-chromium.sh; then
  npx playwright test
else
  echo '{"passed":0,"failed":1}' >"$reports/browser-setup.count"
fi

node scripts/sum-test-results.mjs "$reports"
