/**
 * The projector page of a big debate: fills a motion with 1,000 arguments and one with 10,000
 * (bench/support/bigDebate.ts: through the domain commands, as the import takes at most 5,000),
 * starts the real server on that database (building the pages first if the sources changed) and
 * fetches /motions/:id/projector as a member: the page's bytes (goal: 100 KB at most, at any
 * size) and its time to first byte, the median of 11; and the same for
 * GET /api/motions/:id/projector, which the page reads again after events.
 *
 *   npm run bench -- projector [sizes=1000,10000]
 */
import { rmSync } from "node:fs";
import { BENCH_SECRET, bigDebates, fetched, percentile } from "./support/bigDebate";
import { startMoot } from "./support/servers";

const sizes = (process.argv[2] ?? "1000,10000").split(",").map(Number);
const RUNS = 11;
const KB = 1024;

async function measure(url: string, cookie: string) {
  await fetched(url, cookie); // the first read of a route compiles nothing, but warms its caches
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await fetched(url, cookie));
  const [first] = runs;
  if (first?.status !== 200) throw new Error(`${url} answered ${first?.status}`);
  return {
    bytes: first.bytes,
    firstByteMs: percentile(
      runs.map((run) => run.firstByteMs),
      0.5,
    ),
  };
}

const { dir, databaseUrl, cookie, motions } = await bigDebates("projector", sizes);
const moot = await startMoot({
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: BENCH_SECRET,
  MOOT_RATE_LIMIT_FACTOR: "1",
});
try {
  console.log(
    `  arguments  projector page: bytes, first byte (median of ${RUNS})  refresh GET /api/motions/:id/projector`,
  );
  for (const [size, motionId] of motions) {
    const page = await measure(`${moot.url}/motions/${motionId}/projector`, cookie);
    const api = await measure(`${moot.url}/api/motions/${motionId}/projector`, cookie);
    console.log(
      `  ${String(size).padStart(9)}  ${(page.bytes / KB).toFixed(1).padStart(8)} KB, ${page.firstByteMs.toFixed(0).padStart(4)} ms${page.bytes > 100 * KB ? " (over 100 KB)" : ""}          ${(api.bytes / KB).toFixed(1)} KB, ${api.firstByteMs.toFixed(0)} ms`,
    );
  }
} finally {
  await moot.stop();
  rmSync(dir, { recursive: true, force: true });
}
