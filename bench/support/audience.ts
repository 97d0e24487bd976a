import { io as connect, type Socket } from "socket.io-client";
import type { Citation } from "../../lib/commands";
import type { ClientToServerEvents, MotionEvent, ServerToClientEvents } from "../../lib/protocol";

/**
 * The clients every live bench uses, against Moot and the bare Socket.IO server alike:
 * websocket connections that join a motion's room, and posts whose arrival they time.
 */
export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const BATCH = 100;
/** How long an answer may take before the bench gives up on it (a dropped connection). */
export const ANSWER_MS = 60_000;

/**
 * This process's full collection, where the bench runs with --expose-gc (bench/run.ts). Every
 * receiver lives in this one process; at 3,000 receivers a post during which it collected its
 * heap (6,000 clients) was the slowest of its run, Moot's or bare Socket.IO's alike, and the p99
 * is that post's. Collected between posts (and before posts at a rate), the clients' own pauses
 * are not timed.
 */
const collectClientsGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

const connectOne = (url: string, cookie?: string) =>
  new Promise<Client>((resolve, reject) => {
    const socket: Client = connect(url, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      extraHeaders: cookie ? { cookie } : {},
    });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });

/** `count` of what `open` makes, a batch at a time: a server is not asked for all at once. */
export async function inBatches<T>(count: number, open: () => Promise<T>) {
  const opened: T[] = [];
  for (let i = 0; i < count; i += BATCH) {
    const batch = Math.min(BATCH, count - i);
    opened.push(...(await Promise.all(Array.from({ length: batch }, open))));
  }
  return opened;
}

/** `count` connections (signed in with `cookie`, else visitors), a batch at a time. */
export const connectMany = (url: string, count: number, cookie?: string) =>
  inBatches(count, () => connectOne(url, cookie));

/**
 * Joins every socket to the motion's room, as a page rendered now would (from the room's
 * current seq, which the first join tells), then waits until the room is quiet: each join
 * tells the whole room who is there now, and those messages must not be timed. The seq.
 */
export async function joinAll(sockets: Client[], motionId: string) {
  let lastPresence = performance.now();
  const heard = () => {
    lastPresence = performance.now();
  };
  for (const socket of sockets) socket.on("presence:update", heard);
  const join = async (socket: Client, sinceSeq: number) => {
    const answer = await socket
      .timeout(ANSWER_MS)
      .emitWithAck("motion:join", { motionId, sinceSeq });
    if (!answer.ok) throw new Error(`join refused: ${answer.error.message}`);
    return answer.seq;
  };
  const [first, ...rest] = sockets;
  const seq = first ? await join(first, 0) : 0;
  for (let i = 0; i < rest.length; i += BATCH) {
    await Promise.all(rest.slice(i, i + BATCH).map((socket) => join(socket, seq)));
  }
  while (performance.now() - lastPresence < 1_000) await sleep(200);
  for (const socket of sockets) socket.off("presence:update", heard);
  // A client process too busy to answer the server's pings in time is dropped: say so.
  const dropped = sockets.filter((socket) => !socket.connected).length;
  if (dropped) console.warn(`  ${dropped} of ${sockets.length} connections dropped while joining`);
  return seq;
}

export const disconnectAll = (sockets: Client[]) => {
  for (const socket of sockets) socket.disconnect();
};

export const postInput = (motionId: string, citation: Citation, body: string) => ({
  motionId,
  clientId: crypto.randomUUID(),
  parentId: null,
  relation: "for" as const,
  body,
  citations: [citation],
});

const posted = (event: MotionEvent) =>
  event.type === "argument.posted" ? event.data.argument.body : null;

/**
 * `posts` posts, one at a time from `poster`: for each, the time from the emit until each
 * receiver has the event (all receivers' times together), the time until 99% of the receivers
 * had it (one figure a post), and the poster's ack time.
 */
export async function fanOut(
  poster: Client,
  receivers: Client[],
  target: { motionId: string; citation: Citation },
  posts: number,
) {
  const latencies: number[] = [];
  const postP99s: number[] = [];
  const acks: number[] = [];
  let body = "";
  let sentAt = 0;
  let waiting = 0;
  let allArrived = () => {};
  const arrived = (event: MotionEvent) => {
    if (posted(event) !== body) return;
    latencies.push(performance.now() - sentAt);
    waiting -= 1;
    if (waiting === 0) allArrived();
  };
  const arrivedTogether = (events: MotionEvent[]) => {
    for (const event of events) arrived(event);
  };
  for (const socket of receivers) socket.on("motion:events", arrivedTogether);
  for (let i = 0; i < posts; i++) {
    body = `Fan-out post ${i} of ${crypto.randomUUID()}`;
    waiting = receivers.length;
    const all = new Promise<void>((resolve) => {
      allArrived = resolve;
      if (waiting === 0) resolve();
    });
    sentAt = performance.now();
    const first = latencies.length;
    const answer = await poster
      .timeout(ANSWER_MS)
      .emitWithAck("argument:post", postInput(target.motionId, target.citation, body));
    acks.push(performance.now() - sentAt);
    if (!answer.ok) throw new Error(`post refused: ${answer.error.message}`);
    const timer = setTimeout(() => {
      console.error(`${waiting} of ${receivers.length} receivers never got post ${i}`);
      allArrived();
    }, 60_000);
    await all;
    clearTimeout(timer);
    if (latencies.length > first) postP99s.push(percentile(latencies.slice(first), 99));
    collectClientsGarbage();
    await sleep(100);
  }
  for (const socket of receivers) socket.off("motion:events", arrivedTogether);
  return { latencies, postP99s, acks };
}

/**
 * Posts at `perSecond` for `seconds`, taking the posters in turn, each post sent on schedule
 * whether or not earlier ones were answered: the ack times, the rate actually sent, and the
 * rate answered (from the first post until the last ack).
 */
export async function postAtRate(
  posters: Client[],
  target: { motionId: string; citation: Citation },
  perSecond: number,
  seconds: number,
) {
  const acks: number[] = [];
  const pending: Promise<void>[] = [];
  const total = perSecond * seconds;
  collectClientsGarbage();
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / perSecond;
    if (due > performance.now()) await sleep(due - performance.now());
    const poster = posters[i % posters.length] as Client;
    const sent = performance.now();
    pending.push(
      poster
        .timeout(ANSWER_MS)
        .emitWithAck("argument:post", postInput(target.motionId, target.citation, `Rate ${i}`))
        .then((answer) => {
          if (!answer.ok) throw new Error(`post refused: ${answer.error.message}`);
          acks.push(performance.now() - sent);
        }),
    );
  }
  const sentRate = total / ((performance.now() - start) / 1000);
  await Promise.all(pending);
  const answeredRate = total / ((performance.now() - start) / 1000);
  return { acks, sentRate, answeredRate };
}
