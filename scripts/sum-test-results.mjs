// Sums the suites' reports into the closing line `tests: N passed, N failed` and exits non-zero
// when anything failed or a suite left no report (it crashed before counting). What failed is
// named just above that line: a log cut to its last lines still says which tests to look at.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const dir = process.argv[2];
const read = (name) => JSON.parse(readFileSync(join(dir, name), "utf8"));
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

for (const name of readdirSync(dir).filter((n) => n.endsWith(".count"))) {
  const count = read(name);
  passed += count.passed;
  failed += count.failed;
  if (count.failed) failures.push(`${name.replace(/\.count$/, "")} (see its output above)`);
}

/** The vitest report's failed tests, and its files that failed to load. */
const vitestFailures = (r) =>
  r.testResults.flatMap((file) => {
    const where = relative(process.cwd(), file.name);
    const tests = file.assertionResults.filter((t) => t.status === "failed");
    if (tests.length === 0 && file.status === "failed") return [`${where}: ${file.message}`];
    return tests.map((t) => `${where} › ${t.fullName}`);
  });

/** The Playwright report's tests that did not end as expected, and its errors outside tests. */
const playwrightFailures = (r) => {
  const specs = (suite) => [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(specs)];
  const failedSpecs = r.suites
    .flatMap(specs)
    .filter((spec) => spec.tests.some((t) => t.status === "unexpected"))
    .map((spec) => `${spec.file}:${spec.line} › ${spec.title}`);
  const errors = (r.errors ?? []).map((e) => `error: ${(e.message ?? "").split("\n")[0]}`);
  return [...failedSpecs, ...errors];
};

for (const [report, namesOfFailed, count] of [
  [
    "vitest.json",
    vitestFailures,
    (r) => [
      r.numPassedTests,
      // A file that failed to load fails no test; count it once so the run cannot pass.
      r.numFailedTests || (r.success ? 0 : 1),
      r.numPendingTests,
    ],
  ],
  [
    "playwright.json",
    playwrightFailures,
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
    failures.push(`${report}: missing`);
    continue;
  }
  const result = read(report);
  const [p, f, s] = count(result);
  if (f) failures.push(...namesOfFailed(result));
  passed += p;
  failed += f;
  skipped += s;
}

if (failures.length) console.log(`failed:\n${failures.map((name) => `  ${name}`).join("\n")}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
