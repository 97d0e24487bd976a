/**
 * How many posts one motion takes a second, through the domain (no HTTP, no sockets): 10
 * accounts post into one motion, each post citing the same passage, on a fresh SQLite database
 * and on a fresh PostgreSQL one (skipped, saying so, when none answers). Two loads: 100 posts
 * sent at once (posts/s is how fast the motion drains them), and posts sent at a steady 100 a
 * second. Each prints the ack p50/p99, from a post's send until its command answered. Then
 * posts one at a time: the CPU one post costs the process, and how many took over 5 ms.
 *
 *   npm run bench -- post-throughput [posts=100] [accounts=10] [rounds=3] [rate=100]
 */
import type { Store } from "../db/store";
import { postArgument } from "../server/domain/debate/postArgument";
import type { Actor } from "../server/policy";
import { postgresAvailable, postgresTestStore, sqliteTestStore } from "../tests/support/stores";
import { percentile } from "./support/audience";
import { benchMember, benchRoom } from "./support/room";

const [posts, accounts, rounds, rate] = [
  Number(process.argv[2] ?? 100),
  Number(process.argv[3] ?? 10),
  Number(process.argv[4] ?? 3),
  Number(process.argv[5] ?? 100),
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `posts` posts into a fresh motion, sent at once (`perSecond` 0) or at that steady rate: the
 * posts answered a second from the first send to the last answer, and each post's ack time.
 */
async function load(store: Store, perSecond: number) {
  const room = await benchRoom(store, "Throughput");
  const authors: Actor[] = [];
  for (let i = 0; i < accounts; i++) {
    authors.push(await benchMember(store, room.spaceId, `Poster ${i}`));
  }
  const send = async (i: number) => {
    const sent = performance.now();
    const outcome = await postArgument(store, authors[i % accounts] as Actor, {
      motionId: room.motionId,
      clientId: crypto.randomUUID(),
      parentId: null,
      relation: i % 2 === 0 ? "for" : "against",
      body: `Point ${i}: the line paid for itself within a decade.`,
      citations: [room.citation],
    });
    if (!outcome.ok) throw new Error(`post refused: ${outcome.error.message}`);
    return performance.now() - sent;
  };
  const began = performance.now();
  const answered: Promise<number>[] = [];
  for (let i = 0; i < posts; i++) {
    // Paced from the start, so a late timer does not slow the rate down.
    if (perSecond > 0) await sleep(began + (i * 1000) / perSecond - performance.now());
    answered.push(send(i));
  }
  const acks = await Promise.all(answered);
  return { perSecond: posts / ((performance.now() - began) / 1000), acks };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/**
 * `ONE_AT_A_TIME` posts, each sent when the last was answered, after as many not counted: what
 * one post costs the process (CPU per post), its answer's p50 / p99, and how many took over 5 ms.
 */
const ONE_AT_A_TIME = 2_000;
async function oneAtATime(store: Store) {
  const room = await benchRoom(store, "One at a time");
  const author = await benchMember(store, room.spaceId, "Poster");
  const post = async (i: number) => {
    const sent = performance.now();
    const outcome = await postArgument(store, author, {
      motionId: room.motionId,
      clientId: crypto.randomUUID(),
      parentId: null,
      relation: "for",
      body: `Point ${i}: the line paid for itself within a decade.`,
      citations: [room.citation],
    });
    if (!outcome.ok) throw new Error(`post refused: ${outcome.error.message}`);
    return performance.now() - sent;
  };
  for (let i = 0; i < ONE_AT_A_TIME; i++) await post(i);
  const cpu = process.cpuUsage();
  const acks: number[] = [];
  for (let i = 0; i < ONE_AT_A_TIME; i++) acks.push(await post(i));
  const used = process.cpuUsage(cpu);
  console.log(
    `${store.dialect.padEnd(9)} ${ONE_AT_A_TIME} posts one at a time    ` +
      `${((used.user + used.system) / 1000 / ONE_AT_A_TIME).toFixed(2)} ms of CPU a post, ` +
      `ack p50 ${ms(percentile(acks, 50))}, p99 ${ms(percentile(acks, 99))}, ` +
      `${acks.filter((ack) => ack > 5).length} over 5 ms`,
  );
}

async function measure(store: Store, perSecond: number) {
  const rates: number[] = [];
  const acks: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const result = await load(store, perSecond);
    rates.push(result.perSecond);
    acks.push(...result.acks);
  }
  const median = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)] ?? 0;
  const how = perSecond > 0 ? `sent at ${perSecond}/s` : "sent at once";
  console.log(
    `${store.dialect.padEnd(9)} ${posts} posts ${how.padEnd(14)} ${median.toFixed(0).padStart(4)} posts/s ` +
      `(median of ${rates.map((r) => r.toFixed(0)).join(", ")}), ` +
      `ack p50 ${ms(percentile(acks, 50))}, p99 ${ms(percentile(acks, 99))}`,
  );
}

console.log(`${posts} posts from ${accounts} accounts into one motion, ${rounds} rounds each`);
for (const dialect of ["sqlite", "postgres"] as const) {
  if (dialect === "postgres" && !(await postgresAvailable())) continue;
  const { store, dispose } = await (dialect === "sqlite" ? sqliteTestStore() : postgresTestStore());
  try {
    await load(store, 0); // warms the pool, the statement caches and the JIT
    await measure(store, 0);
    if (rate > 0) await measure(store, rate);
    await oneAtATime(store);
  } finally {
    await dispose();
  }
}
