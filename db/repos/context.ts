import type { SQL } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type * as pgSchema from "../pg/schema";
import type { Dialect } from "../store";
import type { HotQueries } from "./hot";

/**
 * The queries are written once for both dialects. Drizzle's query builders have the same shape on
 * SQLite and PostgreSQL and db/schema-parity.ts proves the two schemas' rows are equal, so the
 * SQLite Store passes its own database and tables under the PostgreSQL types. Writing every
 * query twice would only let the two copies drift apart.
 */
export type QueryDb = Pick<
  NodePgDatabase<typeof pgSchema>,
  "select" | "insert" | "update" | "delete" | "execute"
>;
export type Tables = typeof pgSchema;

/**
 * Runs a statement as the last of its transaction, which it commits: sent with COMMIT in one
 * message, or alone when the transaction has written nothing before it (the PostgreSQL Store's
 * transactions give one, db/pg/transaction.ts). Its rows.
 */
export type CommitWith = (statement: SQL) => Promise<Record<string, unknown>[]>;

/** What every part of the repos queries with: one database handle (or transaction) and its tables. */
export interface RepoContext {
  db: QueryDb;
  t: Tables;
  dialect: Dialect;
  commitWith?: CommitWith;
  /** The hot queries, each built once on first use. */
  hot: HotQueries;
}
