import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openPgStore } from "../../db/pg/store";
import { openSqliteStore } from "../../db/sqlite/store";
import type { Store } from "../../db/store";

export interface TestStore {
  store: Store;
  dispose(): Promise<void>;
}

/** A fresh SQLite database in a temporary file. */
export async function sqliteTestStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), "moot-test-"));
  const store = openSqliteStore(join(dir, "moot.db"));
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The PostgreSQL server tests create their throw-away databases on. */
export const postgresAdminUrl =
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: postgresAdminUrl,
    connectionTimeoutMillis: 3000,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Whether PostgreSQL tests run. Outside CI they skip, saying why, when no server answers; in CI
 * (CI=true) a missing server is a failure, never a skip.
 */
export async function postgresAvailable(): Promise<boolean> {
  try {
    await withAdmin((client) => client.query("select 1"));
    return true;
  } catch (error) {
    if (process.env.CI === "true") {
      throw new Error(`CI needs PostgreSQL at ${postgresAdminUrl}: ${String(error)}`);
    }
    console.warn(`Skipping PostgreSQL tests: no server at ${postgresAdminUrl} (${String(error)})`);
    return false;
  }
}

/** A fresh PostgreSQL database with a random name, dropped afterwards. */
export async function postgresTestStore(): Promise<TestStore & { url: string }> {
  const name = `moot_test_${crypto.randomUUID().replaceAll("-", "")}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const store = await openPgStore(url.toString());
  return {
    store,
    url: url.toString(),
    dispose: async () => {
      await store.close();
      await withAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** Both dialects, for suites that must hold on each; PostgreSQL is skipped where unreachable. */
export async function dialects() {
  const postgres = await postgresAvailable();
  return [
    { name: "sqlite", open: sqliteTestStore, skip: false },
    { name: "postgres", open: postgresTestStore, skip: !postgres },
  ];
}
