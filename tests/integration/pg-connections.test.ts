import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Repos } from "../../db/store";
import { motionOn, spaceWithDocument } from "../support/fixtures";
import { postgresAvailable, postgresTestStore, type TestStore } from "../support/stores";

const ready = await postgresAvailable();

/**
 * The most statements any one connection had sent and not yet had answered while `work` ran.
 * pg queues a statement sent while another runs, a use it deprecates (and pg 9 refuses).
 */
async function mostInFlight(work: () => Promise<unknown>): Promise<number> {
  const send = pg.Client.prototype.query;
  const inFlight = new Map<unknown, number>();
  let most = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const sent = (send as (...a: unknown[]) => unknown).apply(this, args);
    // The pool's own statements take a callback and return nothing; these are counted alone.
    if (!(sent instanceof Promise)) return sent;
    const count = (inFlight.get(this) ?? 0) + 1;
    inFlight.set(this, count);
    most = Math.max(most, count);
    const answered = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
    sent.then(answered, answered);
    return sent;
  } as typeof send;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = send;
  }
  return most;
}

describe.skipIf(!ready)("PostgreSQL connections", () => {
  let db: TestStore & { url: string };
  let ids: { spaceId: string; documentId: string; motionId: string };
  beforeAll(async () => {
    db = await postgresTestStore();
    const space = await spaceWithDocument(db.store, "public");
    const text = (await db.store.documents.version(space.versionId))?.text ?? "";
    const motionId = await motionOn(db.store, space.spaceId, space.documentId, text);
    ids = { spaceId: space.spaceId, documentId: space.documentId, motionId };
  });
  afterAll(() => db?.dispose());

  /** Three reads side by side: the ids of the rows they found. */
  const readSideBySide = async (read: Pick<Repos, "motions" | "spaces" | "documents">) =>
    (
      await Promise.all([
        read.motions.get(ids.motionId),
        read.spaces.get(ids.spaceId),
        read.documents.get(ids.documentId),
      ])
    ).map((row) => row?.id);
  const found = () => [ids.motionId, ids.spaceId, ids.documentId];

  it("a transaction's reads side by side after its first write go one at a time", async () => {
    const most = await mostInFlight(() =>
      db.store.transaction(async (tx) => {
        await tx.motions.lock(ids.motionId);
        expect(await readSideBySide(tx)).toEqual(found());
      }),
    );
    expect(most).toBe(1);
  });

  it("the connections stay open through a quiet spell longer than pg's default idle timeout", async () => {
    const open = async () => {
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ count: string }>(
          "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
        );
        return Number(rows[0]?.count);
      } finally {
        await admin.end();
      }
    };
    expect(await readSideBySide(db.store)).toEqual(found());
    const before = await open();
    expect(before).toBeGreaterThanOrEqual(3);
    // pg closes a connection idle for 10 s unless told otherwise.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    expect(await open()).toBe(before);
  }, 20_000);

  it("a snapshot's reads side by side go one at a time", async () => {
    const most = await mostInFlight(() =>
      db.store.snapshot(async (read) => expect(await readSideBySide(read)).toEqual(found())),
    );
    expect(most).toBe(1);
  });
});
