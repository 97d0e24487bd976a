import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { projectRoot } from "../server/config";

/**
 * `npm start` builds first when no build of the current sources exists: the build records a
 * hash of every file it is made from, and a start compares it with the sources as they are now.
 */
const inputs = [
  "app",
  "lib",
  "server",
  "db",
  "next.config.js",
  "instrumentation-client.ts",
  "package-lock.json",
  "tsconfig.json",
];
const stampFile = join(projectRoot, ".next", "moot-sources.sha256");

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function sourcesHash(): string {
  const hash = createHash("sha256");
  for (const file of inputs.flatMap((input) => files(join(projectRoot, input)))) {
    hash.update(relative(projectRoot, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

const force = process.argv.includes("--force");
const current = sourcesHash();
const upToDate = () =>
  existsSync(stampFile) &&
  readFileSync(stampFile, "utf8").trim() === current &&
  existsSync(join(projectRoot, ".next", "BUILD_ID"));
if (!force && upToDate()) process.exit(0);

// Nodes started side by side from one checkout build once: the first takes the lock, the
// others wait for it and then find the build current. A lock whose process died is taken over.
const lockFile = join(projectRoot, ".next-build.lock");
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
for (;;) {
  try {
    writeFileSync(lockFile, String(process.pid), { flag: "wx" });
    break;
  } catch {
    const holder = Number(readFileSync(lockFile, "utf8"));
    if (!alive(holder)) rmSync(lockFile, { force: true });
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
}
process.on("exit", () => rmSync(lockFile, { force: true }));
if (!force && upToDate()) process.exit(0);

console.log("Building Moot (next build)…");
const build = spawnSync("npx", ["next", "build"], {
  cwd: projectRoot,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
if (build.status !== 0) process.exit(build.status ?? 1);
writeFileSync(stampFile, `${current}\n`);
