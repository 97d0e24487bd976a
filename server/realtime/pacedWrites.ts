/**
 * How long a node writes to its connections at a time before the event loop goes on. Writing a
 * message to a WebSocket is a system call (5-20 µs here): a post into a room of 3,000 was one
 * task of 80-170 ms, and every other room's requests, acks and events waited behind it. A room
 * of a few hundred is written at once.
 */
export const WRITE_BUDGET_MS = 4;

/** The clock the budget is counted on (a test's own, in the tests). */
export type Clock = () => number;

type Write = () => void;

/**
 * The one place all of a connection's messages pass (events, acks, broadcasts pre-encoded once
 * for the whole room): Socket.IO's client writes each to its Engine.IO connection here. Not in
 * Socket.IO's typings (a private method), so a test proves it is still there and used
 * (tests/integration/paced-writes.test.ts).
 */
interface EngineWrites {
  writeToEngine(packets: unknown, options: unknown): void;
  conn: { close(discard?: boolean): unknown };
}

export interface PacedWrites {
  /** Paces the writes of a connection: called once, as it connects. */
  attach(socket: { client: unknown }): void;
  /**
   * Calls `send` once every write made so far is out: in the next turn of the event loop if none
   * waits, else in the turn the last of them goes out (writes made later do not hold it).
   */
  whenWritten(send: () => void): void;
}

/**
 * Spreads a node's writes over turns of the event loop (P-LIVE-1): one task (a broadcast, say)
 * writes for `budgetMs` at most, the rest wait and go out a budget's worth a turn, at least one
 * each, in the order they were made, and between them the node reads and answers what has
 * arrived. A big room's broadcast does not hold every other room. A connection with a message waiting gets
 * every later one after it, so it receives its messages in order (P-JOIN-5), its own answer
 * before the event it caused; a connection with none waiting (a poster's answer, a small room)
 * is written at once. A connection the server closes closes after what was written to it before.
 */
export function pacedWrites({
  budgetMs = WRITE_BUDGET_MS,
  now = () => performance.now(),
}: {
  budgetMs?: number;
  now?: Clock;
} = {}): PacedWrites {
  const queue: ({ to: object; write: Write } | undefined)[] = [];
  let next = 0;
  const waitingFor = new Map<object, number>();
  let draining = false;
  // Written by the task running now, since when: the count starts again once it has run (a
  // microtask).
  let writtenInTask = 0;
  let taskStarted = 0;
  // Writes queued and written from the queue, ever: what a caller of whenWritten waits for.
  let queuedEver = 0;
  let dequeuedEver = 0;
  const afterWrites: { upTo: number; send: () => void }[] = [];

  const counted = () => {
    if (writtenInTask++ > 0) return;
    taskStarted = now();
    queueMicrotask(() => (writtenInTask = 0));
  };
  const spent = () => writtenInTask > 0 && now() - taskStarted >= budgetMs;
  const later = (to: object, write: Write) => {
    queue.push({ to, write });
    queuedEver += 1;
    waitingFor.set(to, (waitingFor.get(to) ?? 0) + 1);
    if (draining) return;
    draining = true;
    setImmediate(drain);
  };
  function drain() {
    for (; next < queue.length && !spent(); next++) {
      const { to, write } = queue[next] as { to: object; write: Write };
      queue[next] = undefined;
      dequeuedEver += 1;
      const left = (waitingFor.get(to) ?? 1) - 1;
      if (left === 0) waitingFor.delete(to);
      else waitingFor.set(to, left);
      counted();
      // One connection's failure must not stop the writes queued behind it.
      try {
        write();
      } catch (error) {
        console.error("could not write to a connection", error);
      }
    }
    if (next === queue.length) {
      queue.length = 0;
      next = 0;
      draining = false;
    } else {
      setImmediate(drain);
    }
    while (afterWrites[0] && afterWrites[0].upTo <= dequeuedEver) afterWrites.shift()?.send();
  }
  const paced = (to: object, write: Write) => {
    if (waitingFor.has(to) || spent()) return later(to, write);
    counted();
    write();
  };

  let warned = false;
  return {
    attach(socket) {
      const client = socket.client as Partial<EngineWrites>;
      const conn = client.conn;
      if (typeof client.writeToEngine !== "function" || typeof conn?.close !== "function") {
        if (!warned) console.error("Socket.IO no longer writes through writeToEngine: unpaced");
        warned = true;
        return;
      }
      const toEngine = client.writeToEngine.bind(client);
      client.writeToEngine = (packets, options) => paced(client, () => toEngine(packets, options));
      const closeNow = conn.close.bind(conn);
      conn.close = (discard) => {
        if (waitingFor.has(client)) later(client, () => closeNow(discard));
        else closeNow(discard);
        return conn;
      };
    },
    whenWritten(send) {
      if (queuedEver > dequeuedEver) afterWrites.push({ upTo: queuedEver, send });
      else setImmediate(send);
    },
  };
}
