/**
 * `npm run bench`: every bench in this folder, one after another, each in its own process on a
 * fresh database it makes itself, then one table of every figure they reported with its target;
 * `npm run bench -- NAME [args]` runs one (bench/NAME.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FIGURES_FILE_VARIABLE, type Reported, reported, summary } from "./support/figures";

const folder = fileURLToPath(new URL(".", import.meta.url));
const benches = readdirSync(folder)
  .filter((file) => file.endsWith(".ts") && file !== "run.ts")
  .map((file) => file.slice(0, -".ts".length))
  .sort();

const [only, ...args] = process.argv.slice(2);
if (only && !benches.includes(only)) {
  console.error(`No bench named "${only}". Benches: ${benches.join(", ")}`);
  process.exit(2);
}

const [cpu] = cpus();
const machine = `${cpus().length} cores (${cpu?.model.trim() ?? "unknown"}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const started = new Date();
console.log(`${started.toISOString()} on ${machine}; load average ${loadavg()[0]?.toFixed(1)}`);

const dir = mkdtempSync(join(tmpdir(), "moot-bench-run-"));
const figures: Reported[] = [];
let failed = 0;
for (const name of only ? [only] : benches) {
  console.log(`\n── bench ${name}`);
  const file = join(dir, `${name}.jsonl`);
  const run = spawnSync("npx", ["tsx", `${folder}${name}.ts`, ...(only ? args : [])], {
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      [FIGURES_FILE_VARIABLE]: file,
      // The benches' clients collect their garbage between timed steps (bench/support/audience.ts).
      NODE_OPTIONS: [process.env.NODE_OPTIONS, "--expose-gc"].filter(Boolean).join(" "),
    },
  });
  figures.push(...reported(file));
  if (run.status === 0) continue;
  failed += 1;
  const how = run.signal ? `stopped by ${run.signal}` : `exit code ${run.status}`;
  figures.push({
    bench: name,
    figure: `failed (${how})`,
    moot: "-",
    baseline: "-",
    ratio: "-",
    target: "-",
  });
}
rmSync(dir, { recursive: true, force: true });

// One bench has printed its table already; a whole run ends with every bench's in one.
if (!only) {
  const minutes = ((Date.now() - started.getTime()) / 60_000).toFixed(1);
  console.log(
    `\n── figures of ${started.toISOString().slice(0, 10)}, ${machine}, ${minutes} min\n`,
  );
  console.log(summary(figures));
}
process.exit(failed ? 1 : 0);
