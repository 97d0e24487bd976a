import { type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import { type CommitWith, createRepos, type QueryDb } from "../repos";
import { isRefusal, type Repos } from "../store";
import * as schema from "./schema";

const pgDialect = new PgDialect();

/**
 * A statement that only reads and takes no lock: drizzle's selects of columns, without FOR
 * UPDATE or FOR SHARE. Anything else (a write, a lock, a function called in a select) is not.
 */
const plainRead = (text: string) =>
  /^select "/i.test(text) && !/\sfor\s+(update|share|no key update|key share)\b/i.test(text);

/**
 * A write transaction at PostgreSQL's READ COMMITTED, where every statement reads what was
 * committed when it began: a plain read sent before the transaction's first write reads the same
 * as one sent after BEGIN. So reads go to any connection of the pool, side by side, until the
 * first statement that writes or locks; only then is a connection taken and BEGIN sent, and the
 * rest of the transaction runs on it. A transaction that only reads holds no connection, and one
 * whose only write is the statement it commits with (`commitWith`) sends it alone, without BEGIN
 * or COMMIT: a statement is a transaction of its own.
 */
export async function pgTransaction<T>(
  pool: pg.Pool,
  /** Drizzle over the same pool, for a statement sent on its own. */
  pooled: QueryDb,
  work: (repos: Repos) => Promise<T>,
): Promise<T> {
  let client: pg.PoolClient | undefined;
  // Taken once, however many statements ask for it at once.
  let beginning: Promise<pg.PoolClient> | undefined;
  let ended = false;
  let broken: Error | undefined;
  const begun = () => {
    if (ended) throw new Error("this transaction has committed: it sends nothing more");
    beginning ??= pool.connect().then(async (connection) => {
      client = connection;
      await connection.query("begin");
      return connection;
    });
    return beginning;
  };
  // What drizzle sends its queries to: the pool or the transaction's connection.
  const router = {
    query: async (config: pg.QueryConfig | string, values?: unknown[]) => {
      const text = typeof config === "string" ? config : config.text;
      if (!beginning && !ended && plainRead(text)) return pool.query(config, values);
      return (await begun()).query(config, values);
    },
  } as unknown as pg.PoolClient;
  const commitWith: CommitWith = async (statement) => {
    if (ended) throw new Error("this transaction has committed: it sends nothing more");
    const answer = beginning
      ? (await inOneMessage(await beginning, [statement, sql`commit`]))[0]
      : await pooled.execute(statement);
    ended = true;
    return answer?.rows ?? [];
  };
  try {
    const result = await work(
      createRepos(drizzle({ client: router, schema }), schema, "postgres", commitWith),
    );
    if (client && !ended) await client.query(isRefusal(result) ? "rollback" : "commit");
    return result;
  } catch (error) {
    // A connection that cannot roll back is given up rather than handed to the next.
    if (client && !ended)
      broken = await client.query("rollback").then(
        () => undefined,
        (e) => e,
      );
    throw error;
  } finally {
    ended = true;
    client?.release(broken);
  }
}

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
