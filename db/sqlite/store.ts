import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { createRepos, type QueryDb, type Tables } from "../repos";
import { isRefusal, type Repos, type Store } from "../store";
import { checkpointOffTheLoop } from "./checkpoints";
import * as schema from "./schema";
import { sqliteSearch } from "./search";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Runs one task at a time, in the order they were queued. */
function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** How many prepared statements a connection keeps: every query shape the app runs, with room. */
const KEPT_STATEMENTS = 500;

/**
 * Drizzle prepares a query's statement each time it runs it, and preparing costs more than
 * running most of them. The connection keeps the statements it prepared, by SQL text (values are
 * bound, never in the text), the least recently used given up past KEPT_STATEMENTS. A kept
 * statement is handed out in its default mode: drizzle switches some to raw rows as it runs them.
 */
function keepStatements(db: Database.Database) {
  const prepare = db.prepare.bind(db);
  const kept = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    let statement = kept.get(source);
    if (statement) kept.delete(source);
    else statement = prepare(source);
    kept.set(source, statement);
    if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value as string);
    return statement.reader ? statement.raw(false).pluck(false).expand(false) : statement;
  }) as Database.Database["prepare"];
}

/**
 * better-sqlite3 answers at once, so the reads of one request, each awaited, would otherwise run
 * as one long task: a page of a big debate would hold every other room's events and requests
 * until it was read whole. Each read outside a write transaction first gives the event loop a
 * turn. Write transactions do not: the writer is held until they commit.
 */
function readsTakeTurns(repos: Repos): Repos {
  const grouped = Object.entries(repos).map(([group, methods]) => [
    group,
    Object.fromEntries(
      Object.entries(methods as Record<string, (...args: unknown[]) => Promise<unknown>>).map(
        ([name, read]) => [
          name,
          async (...args: unknown[]) => {
            await nextTurn();
            return read(...args);
          },
        ],
      ),
    ),
  ]);
  return Object.fromEntries(grouped) as Repos;
}

/**
 * SQLite has one writer, and better-sqlite3 cannot await inside its own transactions, so write
 * transactions run one at a time through a queue with BEGIN IMMEDIATE ... COMMIT on a writer
 * connection. Reads use a second, read-only connection: with WAL they never see a transaction
 * that has not committed.
 */
export function openSqliteStore(path: string): Store {
  mkdirSync(dirname(path), { recursive: true });
  const writer = new Database(path);
  writer.pragma("journal_mode = WAL");
  writer.pragma("synchronous = NORMAL");
  writer.pragma("foreign_keys = ON");
  writer.pragma("busy_timeout = 5000");
  keepStatements(writer);
  const writerDb = drizzle({ client: writer, schema });
  migrate(writerDb, { migrationsFolder });
  const checkpoints = checkpointOffTheLoop(writer);

  const reader = new Database(path, { readonly: true });
  reader.pragma("busy_timeout = 5000");
  keepStatements(reader);
  const readerDb = drizzle({ client: reader, schema });
  // Reads in turns hold a read transaction across awaits: on a connection of their own, one at a
  // time, so the reads of other requests never see its older view.
  const snapshotReader = new Database(path, { readonly: true });
  snapshotReader.pragma("busy_timeout = 5000");
  keepStatements(snapshotReader);

  // The one cast between dialects: see db/repos/context.ts.
  const asQueryDb = (db: unknown) => db as QueryDb;
  const tables = schema as unknown as Tables;
  const writeRepos = createRepos(asQueryDb(writerDb), tables, "sqlite");
  const enqueue = serialQueue();
  const snapshotRepos = readsTakeTurns(
    createRepos(asQueryDb(drizzle({ client: snapshotReader, schema })), tables, "sqlite"),
  );
  const enqueueSnapshot = serialQueue();

  return {
    dialect: "sqlite",
    ...readsTakeTurns(createRepos(asQueryDb(readerDb), tables, "sqlite")),
    search: sqliteSearch(reader),
    transaction: (work) =>
      enqueue(async () => {
        writer.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(writeRepos);
          writer.exec(isRefusal(result) ? "ROLLBACK" : "COMMIT");
          return result;
        } catch (error) {
          if (writer.inTransaction) writer.exec("ROLLBACK");
          throw error;
        }
      }),
    snapshot: (work) =>
      enqueueSnapshot(async () => {
        snapshotReader.exec("BEGIN");
        try {
          return await work(snapshotRepos);
        } finally {
          snapshotReader.exec("COMMIT");
        }
      }),
    close: async () => {
      await enqueue(async () => undefined);
      await enqueueSnapshot(async () => undefined);
      await checkpoints.close();
      snapshotReader.close();
      reader.close();
      writer.close();
    },
  };
}
