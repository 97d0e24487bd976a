/**
 * `npm run bench`: every bench in this folder, one after another, each in its own process on a
 * fresh database it makes itself; `npm run bench -- NAME [args]` runs one (bench/NAME.ts).
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

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

let failed = 0;
for (const name of only ? [only] : benches) {
  console.log(`\n── bench ${name}`);
  const run = spawnSync("npx", ["tsx", `${folder}${name}.ts`, ...(only ? args : [])], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
