import { copyFileSync, existsSync, mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkpointOffTheLoop } from "../../db/sqlite/checkpoints";
import { openSqliteStore } from "../../db/sqlite/store";
import { postArgument } from "../../server/domain/debate/postArgument";
import { actorOf, argumentInput, debate } from "../support/debate";

/**
 * SQLite copies its write-ahead log back into the database file (a checkpoint) from a thread of
 * its own, not in the commit that passes 1,000 pages of log on the event loop.
 */

const dirs: string[] = [];
const freshPath = () => {
  const dir = mkdtempSync(join(tmpdir(), "moot-checkpoints-"));
  dirs.push(dir);
  return join(dir, "moot.db");
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** Blocks this thread, event loop and all, for `ms`. */
const hold = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The arguments the database file holds on its own, without its log: what a checkpoint has
 * copied back. A copy taken while a checkpoint writes may be torn: then none are counted.
 */
function argumentsInFileAlone(path: string): number {
  const copy = `${path}.alone`;
  for (const stale of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(stale, { force: true });
  copyFileSync(path, copy);
  try {
    const db = new Database(copy);
    try {
      return (db.prepare("select count(*) as n from arguments").get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe("SQLite checkpoints", () => {
  it("posts reach the database file from another thread while the event loop is held", async () => {
    const path = freshPath();
    const store = openSqliteStore(path);
    try {
      const d = await debate(store);
      const alice = actorOf(await d.member("Alice", "participant"));
      for (let i = 0; i < 20; i++) {
        const outcome = await postArgument(
          store,
          alice,
          argumentInput(d.motionId, d.cite("Trade moved inland by rail."), { body: `Post ${i}` }),
        );
        expect(outcome.ok).toBe(true);
      }
      // Twenty posts are far from the pages at which a commit would copy the log itself (1,000
      // by SQLite's default, 4,000 beside the thread), and from here to the last look this
      // thread runs nothing else: not a turn of its loop.
      let found = argumentsInFileAlone(path);
      for (let waited = 0; found < 20 && waited < 15_000; waited += 100) {
        hold(100);
        found = argumentsInFileAlone(path);
      }
      expect(found).toBe(20);
    } finally {
      await store.close();
    }
  });

  it("once closed, the database is whole in its file: no connection is left holding its log", async () => {
    const path = freshPath();
    const store = openSqliteStore(path);
    const d = await debate(store);
    const alice = actorOf(await d.member("Alice", "participant"));
    const outcome = await postArgument(
      store,
      alice,
      argumentInput(d.motionId, d.cite("Trade moved inland by rail.")),
    );
    expect(outcome.ok).toBe(true);
    // Once the post is in the file alone, the thread has checkpointed the database, and so holds
    // it open like any reader.
    await vi.waitFor(() => expect(argumentsInFileAlone(path)).toBe(1), {
      timeout: 15_000,
      interval: 50,
    });
    await store.close();
    // The last connection to close copies the log back and removes it.
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(argumentsInFileAlone(path)).toBe(1);
  });

  it("a database the thread cannot open is checkpointed by its writer as before, saying why", async () => {
    const path = freshPath();
    const writer = new Database(path);
    writer.pragma("journal_mode = WAL");
    const said = vi.spyOn(console, "error").mockImplementation(() => {});
    // The file is gone from under the open connection: the thread cannot open it by its name.
    unlinkSync(path);
    const checkpoints = checkpointOffTheLoop(writer);
    expect(writer.pragma("wal_autocheckpoint", { simple: true })).toBeGreaterThan(1000);
    await vi.waitFor(
      () => expect(writer.pragma("wal_autocheckpoint", { simple: true })).toBe(1000),
      {
        timeout: 10_000,
      },
    );
    expect(String(said.mock.calls[0]?.[0])).toContain(
      `SQLite checkpoints back on the event loop for ${path}`,
    );
    await checkpoints.close();
    writer.close();
  });
});
