import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

/**
 * How often each database's write-ahead log is copied back into it, off the event loop: soon
 * after the last copy while it is being written (the less of it is copied at once, the less
 * waits for the disk), rarely while it is quiet.
 */
export const CHECKPOINT_WRITING_MS = 50;
export const CHECKPOINT_QUIET_MS = 500;

/** SQLite's own default: a commit that passes this many pages of log copies it back itself. */
const AUTOCHECKPOINT_PAGES = 1_000;

/**
 * While the thread serves a database its writer still copies the log back itself past this many
 * pages (16 MB): only under writes without a pause, which keep the log from starting over (it
 * does when a write begins with all of it copied back). Posts back to back, about 2,000 a
 * second, took 14-27 ms at most with this; lower, the writer copies more often and longer (p99
 * 13 ms a post at 2,000 pages); higher, each copy waits for more of the log to reach the disk
 * (up to 52 ms at 10,000).
 */
const CAPPED_PAGES = 4_000;

// Plain JavaScript run as given, so the thread needs no loader (tests, benches and the server
// alike). It keeps a connection to each database it is given and checkpoints each in turn,
// PASSIVE (never waiting for, nor holding up, the writer or the readers). It answers once it has
// let go of one, asked to or because it failed (then saying why).
const checkpointer = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const open = new Map();
const seen = new Map();
const letGo = (id, failed) => {
  try {
    open.get(id)?.close();
  } catch {}
  open.delete(id);
  seen.delete(id);
  parentPort.postMessage(failed ? { id, failed } : { id });
};
const pass = () => {
  let writing = false;
  for (const [id, db] of open) {
    try {
      const [{ log }] = db.pragma("wal_checkpoint(PASSIVE)");
      if (log !== seen.get(id)) writing = true;
      seen.set(id, log);
    } catch (error) {
      letGo(id, String(error && error.message));
    }
  }
  setTimeout(pass, writing ? workerData.writingMs : workerData.quietMs);
};
pass();
parentPort.on("message", ({ id, path }) => {
  if (path === undefined) return letGo(id);
  try {
    open.set(id, new Database(path, { fileMustExist: true }));
  } catch (error) {
    letGo(id, String(error && error.message));
  }
});
`;

type Reply = { id: number; failed?: string };

interface Watched {
  writer: Database.Database;
  closed?: () => void;
}

let thread: { worker: Worker; watched: Map<number, Watched> } | null = null;
let lastId = 0;

/** Back to SQLite's own checkpoints, on the event loop, for a database the thread cannot serve. */
function onTheLoop(watched: Watched, why: string) {
  if (watched.writer.open) watched.writer.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  console.error(`SQLite checkpoints back on the event loop for ${watched.writer.name}: ${why}`);
}

/** The process's one checkpoint thread, started with the first database it serves. */
function checkpointThread() {
  if (thread) return thread;
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(checkpointer, {
    eval: true,
    workerData: { driver, writingMs: CHECKPOINT_WRITING_MS, quietMs: CHECKPOINT_QUIET_MS },
  });
  // The thread never keeps the process alive: only a close waiting for its answer does.
  worker.unref();
  const watched = new Map<number, Watched>();
  worker.on("message", ({ id, failed }: Reply) => {
    const one = watched.get(id);
    if (!one) return;
    watched.delete(id);
    if (failed) onTheLoop(one, failed);
    if (![...watched.values()].some((other) => other.closed)) worker.unref();
    one.closed?.();
  });
  const ended = (why: string) => {
    if (thread?.worker === worker) thread = null;
    for (const one of watched.values()) {
      onTheLoop(one, why);
      one.closed?.();
    }
    watched.clear();
  };
  worker.on("error", (error) => ended(error.message));
  worker.on("exit", (code) => ended(`the checkpoint thread stopped (${code})`));
  thread = { worker, watched };
  return thread;
}

/**
 * Copies the writer's write-ahead log back into its database from a thread of its own. SQLite
 * otherwise does it in the commit that passes 1,000 pages of log: on the event loop, about one
 * post in forty, 5-13 ms in which no room's events went out. If the thread cannot serve the
 * database it says why and the writer checkpoints as before. `close` resolves once the thread
 * has let go of the database.
 */
export function checkpointOffTheLoop(writer: Database.Database): { close(): Promise<void> } {
  const { worker, watched } = checkpointThread();
  const id = ++lastId;
  const one: Watched = { writer };
  watched.set(id, one);
  writer.pragma(`wal_autocheckpoint = ${CAPPED_PAGES}`);
  worker.postMessage({ id, path: writer.name });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        if (!watched.has(id)) return resolve();
        one.closed = resolve;
        worker.ref();
        worker.postMessage({ id });
      }),
  };
}
