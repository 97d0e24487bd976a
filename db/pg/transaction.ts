import { AsyncLocalStorage } from "node:async_hooks";
import { type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import { createRepos, type QueryDb } from "../repos";
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
 * One write transaction at PostgreSQL's READ COMMITTED, where every statement reads what was
 * committed when it began: a plain read sent before the transaction's first write reads the same
 * as one sent after BEGIN. So reads go to any connection of the pool, side by side, until the
 * first statement that writes or locks; only then is a connection taken and BEGIN sent, and the
 * rest of the transaction runs on it. A transaction that only reads holds no connection, and one
 * whose only write is the statement it commits with (`commitWith`) sends it alone, without BEGIN
 * or COMMIT: a statement is a transaction of its own.
 */
class Transaction {
  private client: pg.PoolClient | undefined;
  // Taken once, however many statements ask for it at once.
  private beginning: Promise<pg.PoolClient> | undefined;
  private ended = false;
  private readonly inTurn = oneAtATime();

  constructor(
    private readonly pool: pg.Pool,
    /** Drizzle over the same pool, for a statement sent on its own. */
    private readonly pooled: QueryDb,
  ) {}

  private begun() {
    if (this.ended) throw new Error("this transaction has committed: it sends nothing more");
    this.beginning ??= this.pool.connect().then(async (connection) => {
      this.client = connection;
      await connection.query("begin");
      return connection;
    });
    return this.beginning;
  }

  private onConnection<T>(send: (connection: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.inTurn(async () => send(await this.begun()));
  }

  /** Where drizzle's statements go: the pool, or the transaction's connection. */
  async query(config: pg.QueryConfig | string, values?: unknown[]) {
    const text = typeof config === "string" ? config : config.text;
    if (!this.beginning && !this.ended && plainRead(text)) return this.pool.query(config, values);
    return this.onConnection((connection) => connection.query(config, values));
  }

  async commitWith(statement: SQL) {
    if (this.ended) throw new Error("this transaction has committed: it sends nothing more");
    const answer = this.beginning
      ? (
          await this.onConnection((connection) =>
            inOneMessage(connection, [statement, sql`commit`]),
          )
        )[0]
      : await this.pooled.execute(statement);
    this.ended = true;
    return answer?.rows ?? [];
  }

  async run<T>(work: (repos: Repos) => Promise<T>, repos: Repos): Promise<T> {
    let broken: Error | undefined;
    try {
      const result = await work(repos);
      if (this.client && !this.ended) {
        const end = isRefusal(result) ? "rollback" : "commit";
        await this.onConnection((connection) => connection.query(end));
      }
      return result;
    } catch (error) {
      // A connection that cannot roll back is given up rather than handed to the next.
      if (this.client && !this.ended)
        broken = await this.onConnection((connection) => connection.query("rollback")).then(
          () => undefined,
          (e) => e,
        );
      throw error;
    } finally {
      this.ended = true;
      this.client?.release(broken);
    }
  }
}

/**
 * The Store's write transactions. Their repos are made once, with their hot queries built once
 * (db/repos/hot.ts): each statement goes to the transaction whose work sent it, found through the
 * async context `run` gives that work. A statement sent from outside any transaction's work is
 * refused.
 */
export function pgTransactions(pool: pg.Pool, pooled: QueryDb) {
  const running = new AsyncLocalStorage<Transaction>();
  const current = () => {
    const transaction = running.getStore();
    if (!transaction) throw new Error("a transaction's statement sent outside its work");
    return transaction;
  };
  const router = {
    query: (config: pg.QueryConfig | string, values?: unknown[]) => current().query(config, values),
  } as unknown as pg.PoolClient;
  // Without the schema: the repos build their own queries, never drizzle's relational ones.
  const repos = createRepos(drizzle({ client: router }), schema, "postgres", (statement) =>
    current().commitWith(statement),
  );
  return <T>(work: (repos: Repos) => Promise<T>): Promise<T> => {
    const transaction = new Transaction(pool, pooled);
    return running.run(transaction, () => transaction.run(work, repos));
  };
}

/**
 * A read-only transaction at REPEATABLE READ: every statement of its work reads the database as
 * it was at the first. Its statements share one connection, sent one after another.
 */
export function pgSnapshots(pool: pg.Pool) {
  return async <T>(work: (repos: Repos) => Promise<T>): Promise<T> => {
    const connection = await pool.connect();
    const inTurn = oneAtATime();
    const client = {
      query: (config: pg.QueryConfig | string, values?: unknown[]) =>
        inTurn(() => connection.query(config, values)),
    } as unknown as pg.PoolClient;
    let broken: Error | undefined;
    try {
      await connection.query("begin isolation level repeatable read read only");
      const result = await work(createRepos(drizzle({ client }), schema, "postgres"));
      await inTurn(() => connection.query("commit"));
      return result;
    } catch (error) {
      // A connection that cannot roll back is given up rather than handed to the next.
      broken = await inTurn(() => connection.query("rollback")).then(
        () => undefined,
        (e) => e,
      );
      throw error;
    } finally {
      connection.release(broken);
    }
  };
}

/**
 * Sends one connection's statements one after another, each when the one before has answered
 * (a work's reads side by side included): pg would queue them itself, a use it deprecates.
 */
function oneAtATime() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(send: () => Promise<T>): Promise<T> => {
    const sent = last.then(send);
    last = sent.catch(() => undefined);
    return sent;
  };
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
