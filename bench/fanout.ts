/**
 * Live fan-out against bare Socket.IO, in one run with as many clients: Moot (server/main.ts in
 * a process of its own, on a fresh SQLite database) and a plain Socket.IO server
 * (bench/support/bareServer.ts, its own process) each get N websocket visitors in one motion's
 * room and one poster, both seated at once; the posts into the two rooms are timed in turn, each
 * from the emit until each receiver has it. Then two Moot nodes on a fresh PostgreSQL database
 * sharing rooms through Redis (skipped, saying so, when either does not answer): receivers on
 * one node, then spread over both; post acks at 100 posts/s into a room of 300 on each database;
 * memory per connection; and how long a client that missed events takes to be current again.
 * Prints one table, targets beside the figures.
 *
 *   npm run bench -- fanout [clients...]          (300 1000 3000 by default)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../db";
import type { Store } from "../db/store";
import { applyEvents, type LiveMotion, liveFrom } from "../lib/live";
import type { MotionEvent } from "../lib/protocol";
import type { MotionView } from "../lib/views";
import { postgresAdminUrl, postgresTestStore } from "../tests/support/stores";
import {
  ANSWER_MS,
  type Client,
  connectMany,
  disconnectAll,
  fanOut,
  joinAll,
  percentile,
  postAtRate,
  postInput,
} from "./support/audience";
import { type Figure, ratioOf, report, times, within } from "./support/figures";
import { listenersIn } from "./support/listeners";
import { benchRoom, memberCookie } from "./support/room";
import {
  answers,
  freePort,
  loopDelay,
  type Running,
  settled,
  startBare,
  startMoot,
} from "./support/servers";

const counts = process.argv.slice(2).map(Number);
if (counts.length === 0) counts.push(300, 1_000, 3_000);
const largest = Math.max(...counts);
const TWO_NODE_CLIENTS = Math.min(1_000, largest);
/** Moot's fan-out p99 against bare Socket.IO's, at most, by the room's size. */
const RATIO_TARGETS: Record<number, number> = { 300: 1.2, 3000: 1.3 };
const RATE_ROOM = Math.min(300, largest);
/**
 * Posts timed per count: about 120,000 arrivals each, at least 60 posts, in rounds of 10. A p99
 * is the arrivals of the slowest 1% of the posts: over 200 posts to 300 clients, two posts, and
 * three runs of the same code gave 1.14x, 1.21x and 1.25x; over 400, four.
 */
const ARRIVALS = 120_000;
const ROUND = 10;
const postsFor = (receivers: number) =>
  Math.ceil(Math.max(60, ARRIVALS / receivers) / ROUND) * ROUND;
const POSTERS = 10;
const MISSED = [400, 1_000];
const WARM_UP_SECONDS = 3;
const secret = "bench-secret-that-is-long-enough-for-authjs";
// Limits sized for a class would refuse a load generator: lifted far, not switched off.
const MOOT_RATE_LIMIT_FACTOR = "1000";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

type Room = Awaited<ReturnType<typeof benchRoom>>;
type Timings = Awaited<ReturnType<typeof timeInTurn>>[number];

/** A public motion to fan out in, one to miss events of, and the accounts that post. */
async function seed(store: Store) {
  const room = await benchRoom(store, "Fan-out", "public");
  const replay = await benchRoom(store, "Replay", "public");
  const cookies: string[] = [];
  for (let i = 0; i < POSTERS; i++) {
    cookies.push(await memberCookie(store, room.spaceId, `Poster ${i}`, secret));
  }
  return { room, replay, cookies };
}

/** The posting accounts, one connection each, in the room. */
async function postersIn(url: string, cookies: string[], room: Room) {
  const posters = (await Promise.all(cookies.map((cookie) => connectMany(url, 1, cookie)))).flat();
  await joinAll(posters, room.motionId);
  return posters;
}

/** N receivers seated on some servers, one poster, and what seating them took. */
interface Audience {
  servers: Running[];
  receivers: Client[];
  poster: Client;
  others: Client[];
  /** Where the (one) server answers with its event loop's delay, if it does. */
  loopPort?: string;
  /** What the servers took for the joined connections, per connection, in KiB. */
  kiBPerConnection: number;
  rssKiBPerConnection: number;
}

/**
 * N receivers on the given servers (spread evenly), joined, and a poster, warmed up with two
 * posts not counted; the memory the servers took for the joined connections, per connection:
 * what their objects hold after a full collection, and resident memory (KiB).
 */
async function seat(
  servers: Running[],
  n: number,
  posters: () => Promise<Client[]>,
  room: Room,
  loopPort?: string,
): Promise<Audience> {
  const memory = async () => {
    const held = await Promise.all(servers.map((server) => server.heldKiB()));
    const rss = servers.map((server) => server.rssKiB());
    return { held: held.reduce((a, b) => a + b), rss: rss.reduce((a, b) => a + b) };
  };
  const before = await memory();
  const receivers = (
    await Promise.all(
      servers.map((server, i) =>
        connectMany(server.url, Math.floor(n / servers.length) + (i < n % servers.length ? 1 : 0)),
      ),
    )
  ).flat();
  await joinAll(receivers, room.motionId);
  const after = await memory();
  // Connected now, not before: a connection through the join storm may have been dropped.
  const [poster, ...others] = (await posters()) as [Client, ...Client[]];
  await fanOut(poster, receivers, room, 2);
  return {
    servers,
    receivers,
    poster,
    others,
    loopPort,
    kiBPerConnection: (after.held - before.held) / n,
    rssKiBPerConnection: (after.rss - before.rss) / n,
  };
}

/**
 * `postsFor(n)` posts timed for each audience after a round not counted, taken in turn `ROUND`
 * posts at a time: a machine whose speed drifts during the run (shared cores) slows each
 * audience's posts alike. Then the audiences leave. For each: its arrivals and acks, and the
 * longest its server's event loop was held during the run (NaN without a loop port).
 */
async function timeInTurn(audiences: Audience[], n: number, room: Room) {
  const readLoop = (audience: Audience) =>
    audience.loopPort ? loopDelay(audience.loopPort) : Promise.resolve({ maxMs: Number.NaN });
  // A round each, in turn, not counted, after the bench's first requests to the loop probes: the
  // post just after those (the bench's HTTP client loaded and compiled in its process) was the
  // slowest of its run, on whichever server came first.
  await Promise.all(audiences.map(readLoop));
  for (const audience of audiences) await fanOut(audience.poster, audience.receivers, room, ROUND);
  await Promise.all(audiences.map(readLoop));
  const timings = audiences.map(() => ({
    latencies: [] as number[],
    postP99s: [] as number[],
    acks: [] as number[],
  }));
  for (let done = 0; done < postsFor(n); done += ROUND) {
    for (const [i, audience] of audiences.entries()) {
      const round = await fanOut(audience.poster, audience.receivers, room, ROUND);
      timings[i]?.latencies.push(...round.latencies);
      timings[i]?.postP99s.push(...round.postP99s);
      timings[i]?.acks.push(...round.acks);
    }
  }
  const loops = await Promise.all(audiences.map(readLoop));
  for (const audience of audiences) {
    disconnectAll([...audience.receivers, audience.poster, ...audience.others]);
    await settled(audience.servers);
  }
  return audiences.map((audience, i) => ({
    ...(timings[i] ?? { latencies: [], postP99s: [], acks: [] }),
    loopMaxMs: loops[i]?.maxMs ?? Number.NaN,
    kiBPerConnection: audience.kiBPerConnection,
    rssKiBPerConnection: audience.rssKiBPerConnection,
  }));
}

/**
 * Acks of 100 posts/s for 5 s from every poster in turn, into a room of `RATE_ROOM` visitors,
 * after `WARM_UP_SECONDS` of the same load that are not counted. The visitors are listeners
 * (bench/support/listeners.ts): the server writes every event to each as to a browser, and the
 * bench, on the same cores, does not decode 300 copies of it.
 */
async function acksAtRate(server: Running, cookies: string[], room: Room) {
  const receivers = await listenersIn(server.url, RATE_ROOM, room.motionId);
  const posters = await postersIn(server.url, cookies, room);
  await settled([server]);
  // Not counted, as the fan-out's first posts: the first hundreds of posts run code not yet
  // compiled for speed, and the joins are still told to the room.
  await postAtRate(posters, room, 100, WARM_UP_SECONDS);
  await settled([server]);
  const heardBefore = receivers.map((receiver) => receiver.heard);
  // Where the time goes: both sides share the machine's cores.
  const [serverBefore, clientsBefore, began] = [server.cpuMs(), process.cpuUsage(), Date.now()];
  const result = await postAtRate(posters, room, 100, 5);
  const share = (cpuMs: number) => `${((100 * cpuMs) / (Date.now() - began)).toFixed(0)}%`;
  const clients = process.cpuUsage(clientsBefore);
  const cpu = `CPU: server ${share(server.cpuMs() - serverBefore)} of a core, clients ${share((clients.user + clients.system) / 1000)}`;
  await settled([server]);
  const missing = receivers.filter(
    (receiver, i) => receiver.heard - (heardBefore[i] ?? 0) < result.acks.length,
  ).length;
  if (missing) console.warn(`  ${missing} of ${receivers.length} listeners missed posts`);
  for (const receiver of receivers) receiver.close();
  disconnectAll(posters);
  await settled([server]);
  return { ...result, cpu };
}

const motionView = async (url: string, motionId: string) => {
  const response = await fetch(`${url}/api/motions/${motionId}`);
  if (!response.ok) throw new Error(`GET /api/motions/${motionId}: ${response.status}`);
  return (await response.json()) as MotionView;
};

/**
 * A client holding `state` joins again as the page's client does (useLiveMotion): it applies
 * the replayed events, joins again from its seq after a gap, and reloads the motion when the
 * server says it is too far behind. The time from the join until it holds `targetSeq`.
 */
async function catchUp(url: string, motionId: string, state: LiveMotion, targetSeq: number) {
  const [socket] = (await connectMany(url, 1)) as [Client];
  const started = performance.now();
  let current = state;
  let reloaded = false;
  while (current.seq < targetSeq) {
    const answer = await socket
      .timeout(ANSWER_MS)
      .emitWithAck("motion:join", { motionId, sinceSeq: current.seq });
    if (!answer.ok) throw new Error(answer.error.message);
    if (answer.reload) {
      current = liveFrom(await motionView(url, motionId));
      reloaded = true;
    } else {
      current = applyEvents(current, answer.events).state;
    }
  }
  const ms = performance.now() - started;
  socket.disconnect();
  return { ms, state: current, reloaded };
}

/** `count` posts into the motion, the posters sending side by side: the last seq. */
async function postMany(posters: Client[], room: Room, count: number) {
  let seq = 0;
  await Promise.all(
    posters.map(async (poster, p) => {
      for (let i = p; i < count; i += posters.length) {
        const answer = await poster
          .timeout(ANSWER_MS)
          .emitWithAck("argument:post", postInput(room.motionId, room.citation, `Missed ${i}`));
        if (!answer.ok) throw new Error(answer.error.message);
        seq = Math.max(seq, answer.seq);
      }
    }),
  );
  return seq;
}

async function replays(url: string, cookies: string[], room: Room) {
  const posters = await postersIn(url, cookies, room);
  let state = liveFrom(await motionView(url, room.motionId));
  const results: { missed: number; ms: number; reloaded: boolean }[] = [];
  for (const missed of MISSED) {
    const target = await postMany(posters, room, missed);
    const caught = await catchUp(url, room.motionId, state, target);
    state = caught.state;
    results.push({ missed, ms: caught.ms, reloaded: caught.reloaded });
  }
  disconnectAll(posters);
  return results;
}

const log = (line: string) => console.log(`  ${line}`);
const ms = (n: number) => `${n.toFixed(1)} ms`;
const spread = (values: number[]) =>
  `${ms(percentile(values, 50))} / ${ms(percentile(values, 99))}`;
const ratio = (a: number, b: number) => times(ratioOf(a, b));
const p99 = (values: number[]) => percentile(values, 99);
const perConnection = (run: Timings) =>
  `${run.kiBPerConnection.toFixed(1)} KiB (RSS ${run.rssKiBPerConnection.toFixed(1)})`;
const rates = (run: { sentRate: number; answeredRate: number }) =>
  `${run.sentRate.toFixed(0)} posts/s sent, ${run.answeredRate.toFixed(0)} answered`;

// ── SQLite: Moot against the bare server
const dir = mkdtempSync(join(tmpdir(), "moot-bench-fanout-"));
const path = join(dir, "moot.db");
const sqliteStore = await openStore({ dialect: "sqlite", path });
const sqlite = await seed(sqliteStore);
await sqliteStore.close();
const [mootLoop, bareLoop] = [await freePort(), await freePort()];
const moot = await startMoot({
  DATABASE_URL: `file:${path}`,
  AUTH_SECRET: secret,
  MOOT_RATE_LIMIT_FACTOR,
  MOOT_BENCH_LOOP_PORT: mootLoop,
});
const rows: Figure[] = [];
const largestRows: Figure[] = [];
let bare: Running | undefined;
try {
  // The bare server sends Moot's own event, each post's fields changed: the first one is it.
  const [first] = (await postersIn(moot.url, sqlite.cookies.slice(0, 1), sqlite.room)) as [Client];
  const firstEvent = new Promise<MotionEvent>((resolve) =>
    first.once("motion:events", ([event]) => resolve(event as MotionEvent)),
  );
  await fanOut(first, [], sqlite.room, 1);
  first.disconnect();
  const template = await firstEvent;
  const bareServer = await startBare(template, bareLoop);
  bare = bareServer;
  log(
    `Moot pid ${moot.pid}, bare Socket.IO pid ${bare.pid}; events ${JSON.stringify(template).length} bytes`,
  );
  const mootPoster = () => postersIn(moot.url, sqlite.cookies.slice(0, 1), sqlite.room);
  const barePoster = () => postersIn(bareServer.url, [""], sqlite.room);

  // The largest count first, on servers that have held no other connections: its memory is
  // the figure (resident memory of later runs reuses what the earlier ones freed).
  const fanOuts = new Map<number, Timings>();
  for (const n of [...counts].sort((a, b) => b - a)) {
    const [ours, theirs] = (await timeInTurn(
      [
        await seat([moot], n, mootPoster, sqlite.room, mootLoop),
        await seat([bareServer], n, barePoster, sqlite.room, bareLoop),
      ],
      n,
      sqlite.room,
    )) as [Timings, Timings];
    fanOuts.set(n, ours);
    log(
      `fan-out to ${n}: Moot ${spread(ours.latencies)}, bare ${spread(theirs.latencies)} (p50 / p99)`,
    );
    const limit = RATIO_TARGETS[n];
    const fanOutRatio = ratioOf(p99(ours.latencies), p99(theirs.latencies));
    const typical = (run: Timings) => percentile(run.postP99s, 50);
    // The counts run largest first; the table lists them smallest first.
    rows.unshift(
      {
        figure: `fan-out p50 / p99, ${n} clients`,
        moot: spread(ours.latencies),
        baseline: `bare ${spread(theirs.latencies)}`,
        ratio: times(fanOutRatio),
        target: limit ? `p99 <= ${limit}x` : "-",
        met: limit ? within([fanOutRatio, limit]) : undefined,
      },
      // The p99 of every arrival together is set by the slowest post or two of the run; the
      // typical post's shows what each post costs, with less of the machine's noise in it.
      {
        figure: `a post reaches 99% of ${n} clients, median post`,
        moot: ms(typical(ours)),
        baseline: `bare ${ms(typical(theirs))}`,
        ratio: ratio(typical(ours), typical(theirs)),
        target: "-",
      },
    );
    log(
      `memory per connection, ${n} joined: Moot ${perConnection(ours)}, bare ${perConnection(theirs)}`,
    );
    log(`event loop held at most: Moot ${ms(ours.loopMaxMs)}, bare ${ms(theirs.loopMaxMs)}`);
    if (n === largest) {
      largestRows.push(
        {
          figure: `event loop held at most, fan-out to ${n}`,
          moot: ms(ours.loopMaxMs),
          baseline: `bare ${ms(theirs.loopMaxMs)}`,
          ratio: ratio(ours.loopMaxMs, theirs.loopMaxMs),
          target: "<= 50 ms",
          met: within([ours.loopMaxMs, 50]),
        },
        {
          figure: `memory per connection, ${n} joined`,
          moot: perConnection(ours),
          baseline: `bare ${perConnection(theirs)}`,
          ratio: ratio(ours.kiBPerConnection, theirs.kiBPerConnection),
          target: "<= 64 KiB",
          met: within([ours.kiBPerConnection, 64]),
        },
      );
    }
  }
  rows.push(...largestRows);

  const sqliteRate = await acksAtRate(moot, sqlite.cookies, sqlite.room);
  log(`SQLite acks, ${rates(sqliteRate)}: ${spread(sqliteRate.acks)}; ${sqliteRate.cpu}`);
  // The same load on bare Socket.IO: what the transport alone costs on this machine's cores.
  const bareRate = await acksAtRate(
    bareServer,
    sqlite.cookies.map(() => ""),
    sqlite.room,
  );
  log(`bare Socket.IO acks, ${rates(bareRate)}: ${spread(bareRate.acks)}; ${bareRate.cpu}`);
  await bare.stop();
  rows.push({
    figure: `post ack p50 / p99 at 100 posts/s, room of ${RATE_ROOM}, SQLite`,
    moot: spread(sqliteRate.acks),
    baseline: `bare ${spread(bareRate.acks)}`,
    ratio: ratio(p99(sqliteRate.acks), p99(bareRate.acks)),
    target: "p99 <= 50 ms",
    met: within([p99(sqliteRate.acks), 50]),
  });

  for (const { missed, ms: took, reloaded } of await replays(
    moot.url,
    sqlite.cookies,
    sqlite.replay,
  )) {
    log(`caught up after ${missed} missed events in ${ms(took)}`);
    rows.push({
      figure: `current again after ${missed} missed events`,
      moot: ms(took),
      baseline: reloaded ? "reloaded the motion" : "replayed the events",
      ratio: "-",
      target: missed === 1_000 ? "<= 2 s" : "-",
      met: missed === 1_000 ? within([took, 2_000]) : undefined,
    });
  }

  // ── PostgreSQL and Redis: one node against two
  const reachable = (await answers(postgresAdminUrl)) && (await answers(redisUrl));
  if (!reachable) {
    console.log(
      `Skipping the PostgreSQL + Redis runs: no answer at ${postgresAdminUrl} or ${redisUrl}`,
    );
  } else {
    rows.push(...(await postgres(fanOuts.get(TWO_NODE_CLIENTS)?.acks, sqliteRate.acks)));
  }
} finally {
  await bare?.stop();
  await moot.stop();
  rmSync(dir, { recursive: true, force: true });
}

async function postgres(sqliteAcks: number[] | undefined, sqliteRateAcks: number[]) {
  const database = await postgresTestStore();
  const seeded = await seed(database.store);
  const env = { DATABASE_URL: database.url, AUTH_SECRET: secret, REDIS_URL: redisUrl };
  const nodes: Running[] = [];
  try {
    // One after the other: each applies migrations and loads the demo library as it starts.
    nodes.push(await startMoot({ ...env, MOOT_RATE_LIMIT_FACTOR }));
    nodes.push(await startMoot({ ...env, MOOT_RATE_LIMIT_FACTOR }));
    const [a] = nodes as [Running, Running];
    const poster = () => postersIn(a.url, seeded.cookies.slice(0, 1), seeded.room);
    // One after the other, not in turn: both audiences would be in the one room.
    const alone = async (servers: Running[]) => {
      const audience = await seat(servers, TWO_NODE_CLIENTS, poster, seeded.room);
      return (await timeInTurn([audience], TWO_NODE_CLIENTS, seeded.room))[0] as Timings;
    };
    const one = await alone([a]);
    const two = await alone(nodes);
    log(
      `PostgreSQL fan-out to ${TWO_NODE_CLIENTS}: one node ${spread(one.latencies)}, two ${spread(two.latencies)}`,
    );
    const rate = await acksAtRate(a, seeded.cookies, seeded.room);
    log(`PostgreSQL acks, ${rates(rate)}: ${spread(rate.acks)}; ${rate.cpu}`);
    const twoNodes = ratioOf(p99(two.latencies), p99(one.latencies));
    const atRate = ratioOf(p99(rate.acks), p99(sqliteRateAcks));
    const figures: Figure[] = [
      {
        figure: `two nodes p50 / p99, ${TWO_NODE_CLIENTS} receivers spread`,
        moot: spread(two.latencies),
        baseline: `one node ${spread(one.latencies)}`,
        ratio: times(twoNodes),
        target: "p99 <= 1.5x",
        met: within([twoNodes, 1.5]),
      },
      {
        figure: `post ack p50 / p99 at 100 posts/s, room of ${RATE_ROOM}, PostgreSQL`,
        moot: spread(rate.acks),
        baseline: `SQLite ${spread(sqliteRateAcks)}`,
        ratio: times(atRate),
        target: "p99 <= 50 ms, <= 1.5x",
        met: within([p99(rate.acks), 50], [atRate, 1.5]),
      },
    ];
    if (sqliteAcks) {
      const oneAtATime = ratioOf(p99(one.acks), p99(sqliteAcks));
      figures.push({
        figure: `post ack p50 / p99 one at a time, room of ${TWO_NODE_CLIENTS}, PostgreSQL`,
        moot: spread(one.acks),
        baseline: `SQLite ${spread(sqliteAcks)}`,
        ratio: times(oneAtATime),
        target: "p99 <= 1.5x",
        met: within([oneAtATime, 1.5]),
      });
    }
    return figures;
  } finally {
    for (const node of nodes) await node.stop();
    await database.dispose();
  }
}

report("fanout", rows);
