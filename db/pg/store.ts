import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { createRepos } from "../repos";
import type { Store } from "../store";
import * as schema from "./schema";
import { pgSearch } from "./search";
import { pgSnapshots, pgTransactions } from "./transaction";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));
// Any fixed number shared by every node: it serialises migrations when several start at once.
const MIGRATION_LOCK = 7_462_001;

export async function openPgStore(url: string): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Kept open however long a motion is quiet: by default pg closes a connection idle for 10 s,
    // and the next post then opened new ones and prepared its statements again (60-75 ms, not 2-7).
    idleTimeoutMillis: 0,
    // Open connections alone do not keep a process running (a script that forgot to close).
    allowExitOnIdle: true,
  });
  // An idle connection the server closed (a restart, a dropped database) is replaced on next
  // use; without a listener its error would end the process.
  pool.on("error", (error) =>
    console.warn(`PostgreSQL closed an idle connection: ${error.message}`),
  );
  const db = drizzle({ client: pool, schema });
  await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
  try {
    await migrate(db, { migrationsFolder });
  } finally {
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  }

  const transaction = pgTransactions(pool, db);
  return {
    dialect: "postgres",
    ...createRepos(db, schema, "postgres"),
    search: pgSearch(pool),
    transaction,
    snapshot: pgSnapshots(pool),
    close: () => pool.end(),
  };
}
