import type { InferInsertModel, InferSelectModel, Table } from "drizzle-orm";
import type * as pg from "./pg/schema";
import type * as sqlite from "./sqlite/schema";

// Compile-time proof that both dialects' schemas have the same tables with the same row types,
// so one Store contract (and db/repos/) serves both. `npm run typecheck` fails on a drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type RowsAgree<A extends Table, B extends Table> =
  Same<InferSelectModel<A>, InferSelectModel<B>> extends true
    ? Same<InferInsertModel<A>, InferInsertModel<B>>
    : false;
type TablesOf<S> = { [K in keyof S as S[K] extends Table ? K : never]: S[K] };
type SchemaAgrees = {
  [K in keyof TablesOf<typeof sqlite> | keyof TablesOf<typeof pg>]: K extends keyof TablesOf<
    typeof sqlite
  >
    ? K extends keyof TablesOf<typeof pg>
      ? RowsAgree<TablesOf<typeof sqlite>[K], TablesOf<typeof pg>[K]>
      : false
    : false;
};

type AllTrue<T> = false extends T[keyof T] ? false : true;

export const schemaParity: AllTrue<SchemaAgrees> = true;
