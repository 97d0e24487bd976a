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

const rss = () => `${Math.round(process.memoryUsage().rss / MB)} MB`;
const cases: [string, string, Record<string, string>][] = [
  ["a visitor", path, {}],
  ["a member", path, { cookie }],
  ...(ungated
    ? [["read whole, ungated", `/ungated${path}`, {}] as [string, string, Record<string, string>]]
    : []),
];
console.log(`A ${megabytes} MB chunked body, in-process server and client (RSS of the process):`);
for (const [who, url, headers] of cases) {
  const before = rss();
  const started = performance.now();
  const answer = await sendBody(`${base}${url}`, { headers, body: filler(megabytes * MB) });
  const ms = Math.round(performance.now() - started);
  console.log(
    `  ${who.padEnd(20)} ${answer.status}  sent ${(answer.sent / MB).toFixed(1)} MB in ${ms} ms  RSS ${before} -> ${rss()}`,
  );
}
server.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
