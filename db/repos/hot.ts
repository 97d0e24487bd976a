import {
  and,
  asc,
  type Column,
  eq,
  getTableColumns,
  max,
  ne,
  type SQL,
  sql,
  type Table,
} from "drizzle-orm";
import type { Dialect } from "../store";
import type { QueryDb, Tables } from "./context";

/**
 * A hot query built once, on first use, and run with each call's values (drizzle's prepared
 * queries, values as `sql.placeholder`s): building a query costs drizzle more than running
 * most of a post's statements does. PostgreSQL also prepares it once per connection, by name.
 */
const once = <Q>(build: () => Q) => {
  let built: Q | undefined;
  return () => {
    built ??= build();
    return built;
  };
};

/**
 * Placeholders for the columns of a table, named as its keys: an insert of a whole row built
 * once. A placeholder's value always goes through its column's encoder, and a date's or JSON's
 * encoder does not pass null through: such a column that may be null is left out (`omitted`,
 * stored as its default, null), and one not named there is refused. `computed`: columns the
 * database works out as it inserts.
 */
const wholeRow = <T extends Table>(
  table: T,
  { omitted = [], computed = {} }: { omitted?: string[]; computed?: Record<string, SQL> } = {},
) => {
  const columns = Object.entries(getTableColumns(table)).filter(
    ([key]) => !omitted.includes(key) && !(key in computed),
  );
  const unencodable = columns
    .filter(([, column]) => !column.notNull && ["date", "json"].includes(column.dataType))
    .map(([key]) => key);
  if (unencodable.length > 0)
    throw new Error(`nullable dates and JSON cannot be placeholders: ${unencodable}`);
  const bound = columns.map(([key]) => [key, sql.placeholder(key)]);
  return { ...Object.fromEntries(bound), ...computed } as never;
};

/**
 * `column` is one of the ids in the placeholder `ids`, bound as one value however many they are
 * (`idsValue`): a JSON array on SQLite, an array on PostgreSQL. drizzle's `inArray` binds a
 * parameter per id and builds the query anew each time: reading a debate of 10,000 by its ids,
 * 250 at a time, allocated 55 MB (bench/HISTORY.md).
 */
const oneOfIds = (dialect: Dialect, column: Column) =>
  dialect === "sqlite"
    ? sql`${column} in (select value from json_each(${sql.placeholder("ids")}))`
    : sql`${column} = any(${sql.placeholder("ids")})`;

/** The value of `oneOfIds`' placeholder. */
export const idsValue = (dialect: Dialect, ids: string[]) =>
  dialect === "sqlite" ? JSON.stringify(ids) : ids;

/** The queries a post, a command and a motion's lock run most: each built once, on first use. */
export function hotQueries(db: QueryDb, t: Tables, dialect: Dialect) {
  const a = t.debateArguments;
  /**
   * The number of the argument `id` by `authorId` in `motionId` (placeholders): the author's from
   * their other arguments in the motion, or the next free one.
   */
  const authorNumber = () => {
    const others = and(
      eq(a.motionId, sql.placeholder("motionId")),
      ne(a.id, sql.placeholder("id")),
    );
    const own = db
      .select({ number: a.pseudonym })
      .from(a)
      .where(and(others, eq(a.authorId, sql.placeholder("authorId"))))
      .limit(1);
    const last = db
      .select({ number: max(a.pseudonym) })
      .from(a)
      .where(others);
    return sql<number>`coalesce((${own}), coalesce((${last}), 0) + 1)`;
  };
  return {
    motionWithPlace: once(() =>
      db
        .select({ motion: t.motions, space: t.spaces, membership: t.memberships })
        .from(t.motions)
        .innerJoin(t.spaces, eq(t.spaces.id, t.motions.spaceId))
        .leftJoin(
          t.memberships,
          and(
            eq(t.memberships.spaceId, t.spaces.id),
            eq(t.memberships.userId, sql.placeholder("userId")),
          ),
        )
        .where(eq(t.motions.id, sql.placeholder("id")))
        .prepare("motion_with_place"),
    ),
    motionLock: once(() =>
      db
        .update(t.motions)
        .set({ lastSeq: sql`${t.motions.lastSeq}` })
        .where(eq(t.motions.id, sql.placeholder("id")))
        .returning()
        .prepare("motion_lock"),
    ),
    document: once(() =>
      db
        .select()
        .from(t.documents)
        .where(eq(t.documents.id, sql.placeholder("id")))
        .prepare("document_by_id"),
    ),
    argument: once(() =>
      db
        .select()
        .from(t.debateArguments)
        .where(eq(t.debateArguments.id, sql.placeholder("id")))
        .prepare("argument_by_id"),
    ),
    command: once(() =>
      db
        .select()
        .from(t.commands)
        .where(
          and(
            eq(t.commands.actorId, sql.placeholder("actorId")),
            eq(t.commands.clientId, sql.placeholder("clientId")),
          ),
        )
        .prepare("command_kept"),
    ),
    saveCommand: once(() =>
      db.insert(t.commands).values(wholeRow(t.commands)).prepare("command_save"),
    ),
    keepFollow: once(() =>
      db.insert(t.follows).values(wholeRow(t.follows)).onConflictDoNothing().prepare("follow_keep"),
    ),
    appendEvent: once(() => db.insert(t.events).values(wholeRow(t.events)).prepare("event_append")),
    eventAt: once(() =>
      db
        .select({ at: t.events.at })
        .from(t.events)
        .where(
          and(
            eq(t.events.motionId, sql.placeholder("motionId")),
            eq(t.events.seq, sql.placeholder("seq")),
          ),
        )
        .prepare("event_at"),
    ),
    newestArgumentAt: once(() =>
      db
        .select({ at: max(t.debateArguments.createdAt) })
        .from(t.debateArguments)
        .where(eq(t.debateArguments.motionId, sql.placeholder("motionId")))
        .prepare("newest_argument_at"),
    ),
    nextSeq: once(() =>
      db
        .update(t.motions)
        .set({ lastSeq: sql`${t.motions.lastSeq} + 1` })
        .where(eq(t.motions.id, sql.placeholder("id")))
        .returning({ seq: t.motions.lastSeq })
        .prepare("motion_next_seq"),
    ),
    placeArgument: once(() =>
      db
        .update(a)
        .set({
          // set() binds a placeholder as any value, through its column's encoder; its types
          // leave placeholders out.
          createdAt: sql.placeholder("createdAt") as unknown as Date,
          publishedSeq: sql.placeholder("publishedSeq") as unknown as number,
          pseudonym: authorNumber(),
        })
        .where(eq(a.id, sql.placeholder("id")))
        .returning({ pseudonym: a.pseudonym })
        .prepare("argument_place"),
    ),
    // A new argument, numbered as it is stored. It has not been edited: its edit time is left to
    // its default.
    newArgument: once(() =>
      db
        .insert(a)
        .values(wholeRow(a, { omitted: ["editedAt"], computed: { pseudonym: authorNumber() } }))
        .returning({ pseudonym: a.pseudonym })
        .prepare("argument_new"),
    ),
    newCitation: once(() =>
      db.insert(t.citations).values(wholeRow(t.citations)).prepare("citation_new"),
    ),
    // Where one citation stands in its document's current version: a new version of a document
    // cited across a big debate sets thousands.
    citationAnchor: once(() => {
      const c = t.citations;
      // set() binds a placeholder as any value, through its column's encoder; its types leave
      // placeholders out.
      const bound = <T>(name: string) => sql.placeholder(name) as unknown as T;
      return db
        .update(c)
        .set({
          anchorStatus: bound("anchorStatus"),
          anchorConfidence: bound("anchorConfidence"),
          anchorVersionId: bound("anchorVersionId"),
          anchorStart: bound("anchorStart"),
          anchorEnd: bound("anchorEnd"),
        })
        .where(
          and(
            eq(c.argumentId, sql.placeholder("argumentId")),
            eq(c.position, sql.placeholder("position")),
          ),
        )
        .prepare("citation_anchor");
    }),
    // What the views of arguments read with them, by the arguments' ids (`idsValue`).
    citationsOf: once(() =>
      db
        .select()
        .from(t.citations)
        .where(oneOfIds(dialect, t.citations.argumentId))
        .orderBy(asc(t.citations.argumentId), asc(t.citations.position))
        .prepare("citations_of"),
    ),
    ratingsOf: once(() =>
      db
        .select()
        .from(t.ratings)
        .where(oneOfIds(dialect, t.ratings.argumentId))
        .prepare("ratings_of"),
    ),
    agreementsOf: once(() =>
      db
        .select()
        .from(t.agreements)
        .where(oneOfIds(dialect, t.agreements.argumentId))
        .prepare("agreements_of"),
    ),
    /** The motion's lock, taking its next seq: the row as it stands with that seq. */
    lockNextSeq: once(() =>
      db
        .update(t.motions)
        .set({ lastSeq: sql`${t.motions.lastSeq} + 1` })
        .where(eq(t.motions.id, sql.placeholder("id")))
        .returning()
        .prepare("motion_lock_next_seq"),
    ),
    giveBackSeq: once(() =>
      db
        .update(t.motions)
        .set({ lastSeq: sql`${t.motions.lastSeq} - 1` })
        .where(eq(t.motions.id, sql.placeholder("id")))
        .prepare("motion_give_back_seq"),
    ),
  };
}

export type HotQueries = ReturnType<typeof hotQueries>;
