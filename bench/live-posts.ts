/**
 * How fast arguments travel: N members in one motion's room, each posting in turn over
 * Socket.IO against the real handlers and a real database. Prints the ack latency, the time
 * until every other member has the event, throughput and memory.
 *
 *   npx tsx bench/live-posts.ts [members=30] [postsEach=10]      (SQLite in a temp file)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/moot_bench npx tsx bench/live-posts.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Server } from "socket.io";
import { openStore } from "../db";
import { rateLimits } from "../server/rateLimits/limiter";
import { attachRealtime, type MootServer } from "../server/realtime";
import { type Client, connectMany, percentile } from "./support/audience";
import { type Figure, report } from "./support/figures";
import { benchRoom, memberCookie } from "./support/room";

const [members, postsEach] = [Number(process.argv[2] ?? 30), Number(process.argv[3] ?? 10)];
const secret = "bench-secret-that-is-long-enough-for-authjs";

/** Prints the values' p50, p95 and max, and gives them back as a figure's cell. */
const summary = (label: string, values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (n: number) => `${n.toFixed(1)} ms`;
  const spread = `p50 ${f(percentile(sorted, 50))}  p95 ${f(percentile(sorted, 95))}  max ${f(sorted.at(-1) ?? 0)}`;
  console.log(`${label.padEnd(28)} ${spread}`);
  return spread.replaceAll("  ", ", ");
};

const dir = mkdtempSync(join(tmpdir(), "moot-bench-"));
const url = process.env.DATABASE_URL;
const store = await openStore(
  url?.startsWith("postgres")
    ? { dialect: "postgres", url }
    : { dialect: "sqlite", path: join(dir, "bench.db") },
);
const { spaceId, motionId, citation } = await benchRoom(store, "Bench");

const http = createServer();
const io: MootServer = new Server(http);
// A load generator: every member posts as fast as the server answers, so nothing is limited.
attachRealtime(io, { store, authSecret: secret, limits: rateLimits({ factor: 0, counts: {} }) });
await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
const address = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

const clients: Client[] = [];
for (let i = 0; i < members; i++) {
  const cookie = await memberCookie(store, spaceId, `Member ${i}`, secret);
  clients.push(...(await connectMany(address, 1, cookie)));
}
for (const socket of clients) await socket.emitWithAck("motion:join", { motionId, sinceSeq: 0 });

const acks: number[] = [];
const fanOut: number[] = [];
const began = performance.now();
for (let round = 0; round < postsEach; round++) {
  for (const [i, author] of clients.entries()) {
    const sent = performance.now();
    const others = clients.filter((c) => c !== author);
    const delivered = Promise.all(
      others.map((c) => new Promise<void>((resolve) => c.once("motion:events", () => resolve()))),
    );
    const answer = await author.emitWithAck("argument:post", {
      motionId,
      clientId: crypto.randomUUID(),
      parentId: null,
      relation: i % 2 === 0 ? "for" : "against",
      body: `Point ${round}.${i}`,
      citations: [citation],
    });
    if (!answer.ok) throw new Error(answer.error.message);
    acks.push(performance.now() - sent);
    await delivered;
    fanOut.push(performance.now() - sent);
  }
}
const seconds = (performance.now() - began) / 1000;
const posts = members * postsEach;

console.log(
  `database ${store.dialect}; ${members} members in one room; ${posts} posts, one at a time`,
);
const acked = summary("post acknowledged", acks);
const reached = summary(`all ${members - 1} others have it`, fanOut);
const throughput = `${(posts / seconds).toFixed(0)} posts/s`;
console.log(`${"throughput".padEnd(28)} ${throughput} (${seconds.toFixed(1)} s)`);
console.log(
  `${"server process memory".padEnd(28)} rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
);

const row = (figure: string, moot: string): Figure => ({
  figure: `${figure}, ${members} members posting in turn, ${store.dialect}`,
  moot,
  baseline: "-",
  ratio: "-",
  target: "-",
});
report("live-posts", [
  row("post ack", acked),
  row("every other member has the post", reached),
  row("posts one at a time", throughput),
]);

for (const c of clients) c.disconnect();
await io.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
