/**
 * How many posts one motion takes a second, through the domain (no HTTP, no sockets): 10
 * accounts post into one motion, each post citing the same passage, on a fresh SQLite database
 * and on a fresh PostgreSQL one (skipped, saying so, when none answers). Two loads: 100 posts
 * sent at once (posts/s is how fast the motion drains them), and posts sent at a steady 100 a
 * second. Each prints the ack p50/p99, from a post's send until its command answered. Then
 * posts one at a time: the CPU one post costs the process, how many took over 5 ms, and the ack
 * with the posts 50 ms apart. Then posts and replies into a debate of 10,000 arguments, by its
 * authors and by newcomers, against the same into a motion of 20: a post numbers its author from
 * the motion's arguments; and the authors withdrawing 50 of those replies, which reads the thread
 * above each. Last, a post after 11 s of quiet, three times.
 *
 *   npm run bench -- post-throughput [posts=100] [accounts=10] [rounds=3] [rate=100]
 */
import type { Store } from "../db/store";
import { withdrawArgument } from "../server/domain/debate/changeArgument";
import { postArgument } from "../server/domain/debate/postArgument";
import type { Actor } from "../server/policy";
import { postgresAvailable, postgresTestStore, sqliteTestStore } from "../tests/support/stores";
import { percentile } from "./support/audience";
import { type Figure, report, times } from "./support/figures";
import { benchMember, benchRoom } from "./support/room";

const [posts, accounts, rounds, rate] = [
  Number(process.argv[2] ?? 100),
  Number(process.argv[3] ?? 10),
  Number(process.argv[4] ?? 3),
  Number(process.argv[5] ?? 100),
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const figures: Figure[] = [];
/** A row of the table printed at the end: this bench sets no targets. */
const figure = (store: Store, what: string, moot: string, baseline = "-", ratio = "-") =>
  figures.push({ figure: `${what}, ${store.dialect}`, moot, baseline, ratio, target: "-" });

type Room = Awaited<ReturnType<typeof benchRoom>>;

/**
 * Posts into the room's motion by `author`, one call a post, on the motion or in reply to
 * `parentId`: each answer's time, and the argument's id.
 */
const poster =
  (store: Store, room: Room) =>
  async (author: Actor, i: number, parentId: string | null = null) => {
    const sent = performance.now();
    const side = i % 2 === 0;
    const outcome = await postArgument(store, author, {
      motionId: room.motionId,
      clientId: crypto.randomUUID(),
      parentId,
      relation: parentId ? (side ? "supports" : "attacks") : side ? "for" : "against",
      body: `Point ${i}: the line paid for itself within a decade.`,
      citations: [room.citation],
    });
    if (!outcome.ok) throw new Error(`post refused: ${outcome.error.message}`);
    return { ms: performance.now() - sent, id: outcome.value.argument.id };
  };

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
  const post = poster(store, room);
  const send = async (i: number) => (await post(authors[i % accounts] as Actor, i)).ms;
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
 * Then `SPACED` posts, each `SPACED_MS` after the last was answered: their answer's p50 / p99.
 */
const ONE_AT_A_TIME = 2_000;
const SPACED = 200;
const SPACED_MS = 50;

async function oneAtATime(store: Store) {
  const room = await benchRoom(store, "One at a time");
  const author = await benchMember(store, room.spaceId, "Poster");
  const post = poster(store, room);
  for (let i = 0; i < ONE_AT_A_TIME; i++) await post(author, i);
  const cpu = process.cpuUsage();
  const acks: number[] = [];
  for (let i = 0; i < ONE_AT_A_TIME; i++) acks.push((await post(author, i)).ms);
  const used = process.cpuUsage(cpu);
  const cpuPerPost = `${((used.user + used.system) / 1000 / ONE_AT_A_TIME).toFixed(2)} ms of CPU a post`;
  const backToBack = `ack p50 ${ms(percentile(acks, 50))}, p99 ${ms(percentile(acks, 99))}`;
  console.log(
    `${store.dialect.padEnd(9)} ${ONE_AT_A_TIME} posts one at a time    ` +
      `${cpuPerPost}, ${backToBack}, ${acks.filter((ack) => ack > 5).length} over 5 ms`,
  );
  figure(store, `${ONE_AT_A_TIME} posts one at a time`, `${cpuPerPost}, ${backToBack}`);
  // The same posts with the process idle between them, as a room's posts usually come: each
  // round trip then waits for a core to wake, and the answer takes longer than back to back.
  const spaced: number[] = [];
  for (let i = 0; i < SPACED; i++) {
    await sleep(SPACED_MS);
    spaced.push((await post(author, i)).ms);
  }
  const apart = `ack p50 ${ms(percentile(spaced, 50))}, p99 ${ms(percentile(spaced, 99))}`;
  const slower = times(percentile(spaced, 50) / percentile(acks, 50));
  console.log(
    `${store.dialect.padEnd(9)} ${SPACED} posts ${SPACED_MS} ms apart        ` +
      `${apart} (${slower} back to back's p50)`,
  );
  figure(store, `${SPACED} posts ${SPACED_MS} ms apart`, apart, `back to back (p50)`, slower);
}

const BIG_DEBATE = 10_000;
const AUTHORS = 20;
const NEWCOMERS = 50;
const WITHDRAWN = 50;

/**
 * Posts one at a time into a motion of `size` arguments from `AUTHORS` accounts, each third a
 * reply three deep: 200 more by those authors, 200 replies by them to arguments of the motion,
 * then the first post of each of `NEWCOMERS` members; then `WITHDRAWN` of those replies withdrawn
 * by their authors. Each answer's time.
 */
async function postsInto(store: Store, size: number) {
  const room = await benchRoom(store, `A debate of ${size}`);
  const authors: Actor[] = [];
  for (let i = 0; i < AUTHORS; i++) {
    authors.push(await benchMember(store, room.spaceId, `Author ${i}`));
  }
  const post = poster(store, room);
  const by = (i: number) => authors[i % AUTHORS] as Actor;
  const ids: string[] = [];
  for (let i = 0; i < Math.max(size, AUTHORS); i++) {
    // A thread of a top-level post and two replies, one under the other.
    ids.push((await post(by(i), i, i % 3 === 0 ? null : (ids.at(-1) ?? null))).id);
  }
  const returning: number[] = [];
  for (let i = 0; i < 200; i++) returning.push((await post(by(i), i)).ms);
  const replies: { ms: number; id: string }[] = [];
  for (let i = 0; i < 200; i++) {
    replies.push(await post(by(i), i, ids[(i * 7_919) % ids.length] as string));
  }
  const first: number[] = [];
  for (let i = 0; i < NEWCOMERS; i++) {
    first.push((await post(await benchMember(store, room.spaceId, `Newcomer ${i}`), i)).ms);
  }
  const withdrawals: number[] = [];
  for (const [i, reply] of replies.slice(0, WITHDRAWN).entries()) {
    const sent = performance.now();
    const input = { argumentId: reply.id, clientId: crypto.randomUUID() };
    const outcome = await withdrawArgument(store, by(i), input);
    if (!outcome.ok) throw new Error(`withdrawal refused: ${outcome.error.message}`);
    withdrawals.push(performance.now() - sent);
  }
  return { returning, replies: replies.map((reply) => reply.ms), first, withdrawals };
}

/** Posts into a debate of `BIG_DEBATE` arguments, against the same posts into a small one. */
async function bigDebate(store: Store) {
  const small = await postsInto(store, 0);
  const big = await postsInto(store, BIG_DEBATE);
  const line = (who: string, ofBig: number[], ofSmall: number[]) => {
    const inBig = `ack p50 ${ms(percentile(ofBig, 50))}, p99 ${ms(percentile(ofBig, 99))}`;
    const inSmall = `p50 ${ms(percentile(ofSmall, 50))}, p99 ${ms(percentile(ofSmall, 99))}`;
    const slower = times(percentile(ofBig, 50) / percentile(ofSmall, 50));
    console.log(
      `${store.dialect.padEnd(9)} ${who.padEnd(26)} debate of ${BIG_DEBATE}: ` +
        `${inBig}; motion of ${AUTHORS}: ${inSmall} (p50 ${slower})`,
    );
    figure(
      store,
      `${who}, debate of ${BIG_DEBATE.toLocaleString("en")}`,
      inBig,
      `motion of ${AUTHORS} ${inSmall}`,
      `${slower} (p50)`,
    );
  };
  line("its authors' posts", big.returning, small.returning);
  line("their replies", big.replies, small.replies);
  line(`${NEWCOMERS} newcomers' first posts`, big.first, small.first);
  line(`${WITHDRAWN} replies withdrawn`, big.withdrawals, small.withdrawals);
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
  const answered = `${median.toFixed(0)} posts/s, ack p50 ${ms(percentile(acks, 50))}, p99 ${ms(percentile(acks, 99))}`;
  console.log(
    `${store.dialect.padEnd(9)} ${posts} posts ${how.padEnd(14)} ${answered} ` +
      `(posts/s: median of ${rates.map((r) => r.toFixed(0)).join(", ")})`,
  );
  figure(store, `${posts} posts ${how}`, answered);
}

const QUIET_MS = 11_000;

/**
 * A post after the motion was quiet for `QUIET_MS` (longer than pg's default idle timeout, 10 s),
 * three times, against the next post at once: what a quiet room's next post waits.
 */
async function afterQuiet(store: Store) {
  const room = await benchRoom(store, "Quiet");
  const author = await benchMember(store, room.spaceId, "Poster");
  const post = poster(store, room);
  for (let i = 0; i < 100; i++) await post(author, i);
  const quiet: number[] = [];
  const next: number[] = [];
  for (let i = 0; i < 3; i++) {
    await sleep(QUIET_MS);
    quiet.push((await post(author, i)).ms);
    next.push((await post(author, i)).ms);
  }
  console.log(
    `${store.dialect.padEnd(9)} a post after ${QUIET_MS / 1000} s of quiet: ` +
      `${quiet.map(ms).join(", ")}; the next at once: ${next.map(ms).join(", ")}`,
  );
  figure(
    store,
    `a post after ${QUIET_MS / 1000} s of quiet`,
    quiet.map(ms).join(", "),
    `the next at once ${next.map(ms).join(", ")}`,
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
    await bigDebate(store);
    await afterQuiet(store);
  } finally {
    await dispose();
  }
}
report("post-throughput", figures);
