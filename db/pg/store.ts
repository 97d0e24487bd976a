import { fileURLToPath } from "node:url";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import { type CommitWith, createRepos } from "../repos";
import { isRefusal, type Store } from "../store";
import * as schema from "./schema";
import { pgSearch } from "./search";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));
const pgDialect = new PgDialect();

/**
 * Statements sent in one message (PostgreSQL's simple query protocol, which takes no separate
 * values: each is written into the text as a literal, escaped by the driver). Their results.
 */
async function inOneMessage(client: pg.PoolClient, statements: SQL[]) {
  const texts = statements.map((statement) => {
    const { sql: text, params } = pgDialect.sqlToQuery(statement);
    return text.replace(/\$(\d+)/g, (_, n: string) => literal(client, params[Number(n) - 1]));
  });
  const answer = (await client.query(texts.join(";\n"))) as unknown as
    | pg.QueryResult
    | pg.QueryResult[];
  return Array.isArray(answer) ? answer : [answer];
}

function literal(client: pg.PoolClient, value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return client.escapeLiteral(value);
  throw new Error(`no literal for a value of type ${typeof value}`);
}

// Any fixed number shared by every node: it serialises migrations when several start at once.
const MIGRATION_LOCK = 7_462_001;

export async function openPgStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
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

  return {
    dialect: "postgres",
    authAdapter: () =>
      DrizzleAdapter(db, {
        usersTable: schema.users,
        accountsTable: schema.accounts,
        sessionsTable: schema.sessions,
        verificationTokensTable: schema.verificationTokens,
      }),
    ...createRepos(db, schema, "postgres"),
    search: pgSearch(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      let ended = false;
      let broken: Error | undefined;
      // A statement the transaction sends after it committed would run on its own: refused.
      const open = Object.create(client) as pg.PoolClient;
      open.query = ((...args: Parameters<pg.PoolClient["query"]>) => {
        if (ended) throw new Error("this transaction has committed: it writes nothing more");
        return client.query(...args);
      }) as pg.PoolClient["query"];
      const commitWith: CommitWith = async (statement) => {
        const [answer] = await inOneMessage(client, [statement, sql`commit`]);
        ended = true;
        return answer?.rows ?? [];
      };
      try {
        await client.query("begin");
        const result = await work(
          createRepos(drizzle({ client: open, schema }), schema, "postgres", commitWith),
        );
        if (!ended) await client.query(isRefusal(result) ? "rollback" : "commit");
        return result;
      } catch (error) {
        // A connection that cannot roll back is given up rather than handed to the next.
        if (!ended) broken = await client.query("rollback").then(() => undefined, (e) => e);
        throw error;
      } finally {
        ended = true;
        client.release(broken);
      }
    },
    snapshot: (work) =>
      db.transaction((tx) => work(createRepos(tx, schema, "postgres")), {
        isolationLevel: "repeatable read",
        accessMode: "read only",
      }),
    close: () => pool.end(),
  };
}
