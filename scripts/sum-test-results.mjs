// Sums the suites' reports into the closing line `tests: N passed, N failed` and exits non-zero
// when anything failed or a suite left no report (it crashed before counting).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const read = (name) => JSON.parse(readFileSync(join(dir, name), "utf8"));
let passed = 0;
let failed = 0;
let skipped = 0;

for (const name of readdirSync(dir).filter((n) => n.endsWith(".count"))) {
  const count = read(name);
  passed += count.passed;
  failed += count.failed;
}

for (const [report, count] of [
  [
    "vitest.json",
    (r) => [
      r.numPassedTests,
      // A file that failed to load fails no test; count it once so the run cannot pass.
      r.numFailedTests || (r.success ? 0 : 1),
      r.numPendingTests,
    ],
  ],
  [
    "playwright.json",
    (r) => [
      r.stats.expected + r.stats.flaky,
      r.stats.unexpected + (r.errors?.length ?? 0),
      r.stats.skipped,
    ],
  ],
]) {
  if (!existsSync(join(dir, report))) {
    console.log(`${report} is missing: that suite did not run to the end.`);
    failed += 1;
    continue;
  }
  const [p, f, s] = count(read(report));
  passed += p;
  failed += f;
  skipped += s;
}

console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
