/**
 * What a huge request body costs the server: sends a chunked body of N MB (600 by default) to
 * an argument door, as a visitor and as a member, through the same gate server/main.ts puts in
 * front of Next, and prints the process's RSS before and after and how much the client got to
 * send. `--ungated` adds the old way for comparison: the body read whole, as Next reads one.
 *
 *   npx tsx bench/bodies.ts [megabytes=600] [--ungated]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "../db/sqlite/store";
import { sessionCookieFor } from "../server/auth/session";
import { bodyGate } from "../server/bodyGate";
import { rateLimits } from "../server/rateLimits/limiter";
import { filler, sendBody } from "../tests/support/rawHttp";
import { type Figure, report } from "./support/figures";

const megabytes = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 600);
const ungated = process.argv.includes("--ungated");
const secret = "a-bench-secret-that-is-long-enough-for-authjs";
const MB = 1024 * 1024;

const dir = mkdtempSync(join(tmpdir(), "moot-bench-"));
const store = openSqliteStore(join(dir, "moot.db"));
const userId = crypto.randomUUID();
await store.transaction((tx) =>
  tx.users.insert({
    id: userId,
    name: "Bench",
    email: "bench@example.test",
    passwordHash: "not-a-real-hash",
    guestSpaceId: null,
    createdAt: new Date(),
  }),
);
const session = await sessionCookieFor(store, { id: userId, name: "Bench" }, secret, false);
const cookie = `${session.name}=${session.value}`;

const readWhole = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).length;
};
const gate = bodyGate({ store, authSecret: secret, limits: rateLimits() });
const server = createServer((req, res) => {
  const passed = req.url?.startsWith("/ungated/") ? Promise.resolve(req) : gate(req, res);
  void passed.then(async (bounded) => {
    if (!bounded) return;
    res.end(JSON.stringify({ bytes: await readWhole(bounded) }));
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const path = `/api/motions/${crypto.randomUUID()}/arguments`;

const rss = () => Math.round(process.memoryUsage().rss / MB);
/** Who sends, to which path, and the answer the gate owes them before reading the body. */
type Case = { who: string; url: string; headers: Record<string, string>; owed?: number };
const cases: Case[] = [
  { who: "a visitor", url: path, headers: {}, owed: 401 },
  { who: "a member", url: path, headers: { cookie }, owed: 413 },
  ...(ungated ? [{ who: "read whole, ungated", url: `/ungated${path}`, headers: {} }] : []),
];
console.log(`A ${megabytes} MB chunked body, in-process server and client (RSS of the process):`);
const figures: Figure[] = [];
for (const { who, url, headers, owed } of cases) {
  const before = rss();
  const started = performance.now();
  const answer = await sendBody(`${base}${url}`, { headers, body: filler(megabytes * MB) });
  const ms = Math.round(performance.now() - started);
  const sent = `sent ${(answer.sent / MB).toFixed(1)} MB`;
  console.log(
    `  ${who.padEnd(20)} ${answer.status}  ${sent} in ${ms} ms  RSS ${before} MB -> ${rss()} MB`,
  );
  figures.push({
    figure: `a ${megabytes} MB chunked body to an argument door, ${who}`,
    moot: `${answer.status} in ${ms} ms, ${sent}`,
    baseline: `RSS ${before} -> ${rss()} MB`,
    ratio: "-",
    target: owed ? `${owed} before the body is read` : "-",
    met: owed ? answer.status === owed : undefined,
  });
}
report("bodies", figures);
server.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
