import {
  and,
  asc,
  type Column,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  inArray,
  isNotNull,
  isNull,
  lte,
  max,
  ne,
  or,
  type SQL,
  sql,
  type Table,
} from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { type StoredEvent, upgradeEvent } from "../lib/eventLog";
import { EVENT_VERSIONS, type MotionEventType } from "../lib/protocol";
import type * as pgSchema from "./pg/schema";
import type { Dialect, MotionRules, Repos } from "./store";

/**
 * The queries, written once for both dialects. Drizzle's query builders have the same shape on
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
 * A row under its columns' names, as PostgreSQL's jsonb_populate_record reads it: for a
 * function that stores the row itself.
 */
function asColumns(table: Table, row: object) {
  const columns = getTableColumns(table);
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [columns[key]?.name ?? key, value]),
  );
}

/** The event types whose data carries a whole argument, its author's name included. */
const carryingArguments: MotionEventType[] = [
  "argument.posted",
  "argument.submitted",
  "argument.approved",
  "argument.restored",
];

/**
 * Runs a statement as the last of its transaction, which it commits: sent with COMMIT in one
 * message, or alone when the transaction has written nothing before it (the PostgreSQL Store's
 * transactions give one, db/pg/transaction.ts). Its rows.
 */
export type CommitWith = (statement: SQL) => Promise<Record<string, unknown>[]>;

export function createRepos(
  db: QueryDb,
  t: Tables,
  dialect: Dialect,
  commitWith?: CommitWith,
): Repos {
  /**
   * `(columns) > (values)` (or another operator), the key of a page compared as a row: both
   * databases then walk an index from the key on, where the same test spelled with OR makes
   * PostgreSQL read the rows before the key again for every page.
   */
  const rowCompared = (columns: Column[], operator: ">" | ">=", values: unknown[]) =>
    sql`(${sql.join(columns, sql`, `)}) ${sql.raw(operator)} (${sql.join(
      values.map((value, i) => sql.param(value, columns[i])),
      sql`, `,
    )})`;
  /** The motion's arguments after `after` in their order (oldest first, then by id), or all. */
  const argumentsAfter = (motionId: string, after?: { createdAt: Date; id: string } | null) => {
    const a = t.debateArguments;
    return and(
      eq(a.motionId, motionId),
      after ? rowCompared([a.createdAt, a.id], ">", [after.createdAt, after.id]) : undefined,
    );
  };
  /** Stances on arguments, with their arguments' columns to choose them by. */
  const agreementsWhere = (where: ReturnType<typeof and>) =>
    db
      .select(getTableColumns(t.agreements))
      .from(t.agreements)
      .innerJoin(t.debateArguments, eq(t.debateArguments.id, t.agreements.argumentId))
      .where(where);
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
  const hot = {
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
  const repos: Repos = {
    spaces: {
      get: async (id) => (await db.select().from(t.spaces).where(eq(t.spaces.id, id)))[0],
      bySlug: async (slug) => (await db.select().from(t.spaces).where(eq(t.spaces.slug, slug)))[0],
      byJoinCode: async (code) =>
        (await db.select().from(t.spaces).where(eq(t.spaces.joinCode, code)))[0],
      listReadable: async (userId) => {
        const rows = await db
          .select({ space: t.spaces, role: t.memberships.role })
          .from(t.spaces)
          .leftJoin(
            t.memberships,
            and(eq(t.memberships.spaceId, t.spaces.id), eq(t.memberships.userId, userId ?? "")),
          )
          .where(or(eq(t.spaces.visibility, "public"), isNotNull(t.memberships.userId)))
          .orderBy(asc(t.spaces.createdAt), asc(t.spaces.name));
        return rows.map(({ space, role }) => ({ space, role: role ?? null }));
      },
      insert: async (row) => {
        await db.insert(t.spaces).values(row);
      },
      setJoinCode: async (id, code) => {
        await db.update(t.spaces).set({ joinCode: code }).where(eq(t.spaces.id, id));
      },
      lock: async (id) => {
        await db
          .update(t.spaces)
          .set({ id: sql`${t.spaces.id}` })
          .where(eq(t.spaces.id, id));
      },
    },
    users: {
      get: async (id) => (await db.select().from(t.users).where(eq(t.users.id, id)))[0],
      byEmail: async (email) =>
        (await db.select().from(t.users).where(eq(t.users.email, email)))[0],
      insert: async (row) => {
        await db.insert(t.users).values(row);
      },
      update: async (id, change) => {
        await db.update(t.users).set(change).where(eq(t.users.id, id));
      },
    },
    memberships: {
      get: async (spaceId, userId) =>
        (
          await db
            .select()
            .from(t.memberships)
            .where(and(eq(t.memberships.spaceId, spaceId), eq(t.memberships.userId, userId)))
        )[0],
      list: async (spaceId) => {
        const rows = await db
          .select({
            membership: t.memberships,
            name: t.users.name,
            passwordHash: t.users.passwordHash,
            guestSpaceId: t.users.guestSpaceId,
            sample: t.users.sample,
          })
          .from(t.memberships)
          .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
          .where(eq(t.memberships.spaceId, spaceId))
          .orderBy(asc(t.memberships.joinedAt), asc(t.users.name));
        return rows.map((row) => ({
          ...row.membership,
          name: row.name,
          // Without a password, someone admitted by a code (or a sample author) is a guest; an
          // account that signs in with the institution's provider is not.
          guest: row.passwordHash === null && (row.guestSpaceId !== null || row.sample),
        }));
      },
      insert: async (row) => {
        // A second join of the same person (a double click) keeps the first membership.
        await db.insert(t.memberships).values(row).onConflictDoNothing();
      },
      setRole: async (spaceId, userId, role) => {
        await db
          .update(t.memberships)
          .set({ role })
          .where(and(eq(t.memberships.spaceId, spaceId), eq(t.memberships.userId, userId)));
      },
      setMuted: async (spaceId, userId, muted) => {
        await db
          .update(t.memberships)
          .set({ muted })
          .where(and(eq(t.memberships.spaceId, spaceId), eq(t.memberships.userId, userId)));
      },
      remove: async (spaceId, userId) => {
        await db
          .delete(t.memberships)
          .where(and(eq(t.memberships.spaceId, spaceId), eq(t.memberships.userId, userId)));
      },
    },
    providerAccounts: {
      userOf: async (provider, providerAccountId) => {
        const [row] = await db
          .select({ userId: t.accounts.userId })
          .from(t.accounts)
          .where(
            and(
              eq(t.accounts.provider, provider),
              eq(t.accounts.providerAccountId, providerAccountId),
            ),
          );
        return row?.userId;
      },
      insert: async (row) => {
        await db.insert(t.accounts).values(row);
      },
      providersOf: async (userId) => {
        const rows = await db
          .select({ provider: t.accounts.provider })
          .from(t.accounts)
          .where(eq(t.accounts.userId, userId));
        return [...new Set(rows.map((row) => row.provider))];
      },
    },
    sessions: {
      insert: async (row) => {
        await db.insert(t.sessions).values(row);
      },
      get: async (sessionId) =>
        (await db.select().from(t.sessions).where(eq(t.sessions.sessionToken, sessionId)))[0],
      liveUser: async (sessionId, now) => {
        const rows = await db
          .select({ user: t.users })
          .from(t.sessions)
          .innerJoin(t.users, eq(t.users.id, t.sessions.userId))
          .where(and(eq(t.sessions.sessionToken, sessionId), gt(t.sessions.expires, now)));
        return rows[0]?.user;
      },
      countLive: async (userId, now) => {
        const [row] = await db
          .select({ live: count() })
          .from(t.sessions)
          .where(and(eq(t.sessions.userId, userId), gt(t.sessions.expires, now)));
        return Number(row?.live ?? 0);
      },
      remove: async (userId, sessionId) => {
        const ended = await db
          .delete(t.sessions)
          .where(and(eq(t.sessions.userId, userId), eq(t.sessions.sessionToken, sessionId)))
          .returning({ id: t.sessions.sessionToken });
        return ended.map((row) => row.id);
      },
      removeAll: async (userId) => {
        const ended = await db
          .delete(t.sessions)
          .where(eq(t.sessions.userId, userId))
          .returning({ id: t.sessions.sessionToken });
        return ended.map((row) => row.id);
      },
      removeExpired: async (now) => {
        await db.delete(t.sessions).where(lte(t.sessions.expires, now));
      },
    },
    passwordResets: {
      insert: async (row) => {
        await db.insert(t.passwordResets).values(row);
      },
      use: async (tokenHash, now) => {
        const used = await db
          .delete(t.passwordResets)
          .where(eq(t.passwordResets.tokenHash, tokenHash))
          .returning();
        const [row] = used;
        return row && row.expiresAt > now ? row.userId : undefined;
      },
      isLive: async (tokenHash, now) => {
        const rows = await db
          .select({ tokenHash: t.passwordResets.tokenHash })
          .from(t.passwordResets)
          .where(
            and(eq(t.passwordResets.tokenHash, tokenHash), gt(t.passwordResets.expiresAt, now)),
          );
        return rows.length > 0;
      },
      removeAll: async (userId) => {
        await db.delete(t.passwordResets).where(eq(t.passwordResets.userId, userId));
      },
      removeExpired: async (now) => {
        await db.delete(t.passwordResets).where(lte(t.passwordResets.expiresAt, now));
      },
    },
    signInThrottle: {
      lock: async (keys, now) => {
        const fresh = keys.map((key) => ({
          key,
          failures: 0,
          firstFailureAt: now,
          blockedUntil: null,
        }));
        await db.insert(t.signInThrottle).values(fresh).onConflictDoNothing();
        await db
          .update(t.signInThrottle)
          .set({ key: sql`${t.signInThrottle.key}` })
          .where(inArray(t.signInThrottle.key, keys));
      },
      get: async (keys) =>
        keys.length === 0
          ? []
          : db.select().from(t.signInThrottle).where(inArray(t.signInThrottle.key, keys)),
      put: async (row) => {
        await db
          .insert(t.signInThrottle)
          .values(row)
          .onConflictDoUpdate({ target: t.signInThrottle.key, set: row });
      },
      clear: async (key) => {
        await db.delete(t.signInThrottle).where(eq(t.signInThrottle.key, key));
      },
    },
    documents: {
      get: async (id) => (await db.select().from(t.documents).where(eq(t.documents.id, id)))[0],
      list: async (spaceIds) =>
        spaceIds.length === 0
          ? []
          : db
              .select()
              .from(t.documents)
              .where(inArray(t.documents.spaceId, spaceIds))
              .orderBy(asc(t.documents.createdAt), asc(t.documents.title)),
      insert: async (row) => {
        await db.insert(t.documents).values(row);
      },
      copyIn: async (spaceId, sourceId) =>
        (
          await db
            .select()
            .from(t.documents)
            .where(and(eq(t.documents.spaceId, spaceId), eq(t.documents.copiedFrom, sourceId)))
        )[0],
      lock: async (id) => {
        await db
          .update(t.documents)
          .set({ id: sql`${t.documents.id}` })
          .where(eq(t.documents.id, id));
      },
      byIds: async (ids) => {
        if (ids.length === 0) return [];
        // Most posts cite one document: that read is built once.
        if (ids.length === 1) return hot.document().execute({ id: ids[0] });
        return db
          .select()
          .from(t.documents)
          .where(inArray(t.documents.id, ids))
          .orderBy(asc(t.documents.id));
      },
      setCurrentVersion: async (documentId, versionId) => {
        await db
          .update(t.documents)
          .set({ currentVersionId: versionId })
          .where(eq(t.documents.id, documentId));
      },
      version: async (id) => {
        const { raw: _file, ...columns } = getTableColumns(t.documentVersions);
        return (
          await db.select(columns).from(t.documentVersions).where(eq(t.documentVersions.id, id))
        )[0];
      },
      versionFile: async (id) => {
        const [row] = await db
          .select({ raw: t.documentVersions.raw })
          .from(t.documentVersions)
          .where(eq(t.documentVersions.id, id));
        return row ? new Uint8Array(row.raw) : undefined;
      },
      insertVersion: async (row, blocks) => {
        await db.insert(t.documentVersions).values(row);
        if (blocks.length > 0) await db.insert(t.blocks).values(blocks);
      },
      blocks: (versionId) =>
        db
          .select()
          .from(t.blocks)
          .where(eq(t.blocks.versionId, versionId))
          .orderBy(asc(t.blocks.position)),
      blockCounts: async (versionIds) => {
        if (versionIds.length === 0) return new Map();
        const rows = await db
          .select({ versionId: t.blocks.versionId, blocks: count() })
          .from(t.blocks)
          .where(inArray(t.blocks.versionId, versionIds))
          .groupBy(t.blocks.versionId);
        return new Map(rows.map((row) => [row.versionId, Number(row.blocks)]));
      },
    },
    motions: {
      get: async (id) => (await db.select().from(t.motions).where(eq(t.motions.id, id)))[0],
      withPlace: async (id, userId) => {
        const [row] = await hot.motionWithPlace().execute({ id, userId: userId ?? "" });
        return row && { ...row, membership: row.membership ?? undefined };
      },
      lock: async (id) => {
        // An update that changes nothing still takes the row lock, in both dialects' syntax, and
        // answers the row as it stands once the lock is held.
        const [row] = await hot.motionLock().execute({ id });
        return row;
      },
      update: async (id, change) => {
        await db.update(t.motions).set(change).where(eq(t.motions.id, id));
      },
      list: async (spaceIds) =>
        spaceIds.length === 0
          ? []
          : db
              .select()
              .from(t.motions)
              .where(inArray(t.motions.spaceId, spaceIds))
              .orderBy(asc(t.motions.createdAt), asc(t.motions.title)),
      insert: async (row, sources) => {
        await db.insert(t.motions).values(row);
        if (sources.length > 0) await db.insert(t.motionSources).values(sources);
      },
      sources: async (motionIds) =>
        motionIds.length === 0
          ? []
          : db
              .select()
              .from(t.motionSources)
              .where(inArray(t.motionSources.motionId, motionIds))
              .orderBy(asc(t.motionSources.motionId), asc(t.motionSources.position)),
      withSampleDebate: async (motionIds) => {
        if (motionIds.length === 0) return [];
        const a = t.debateArguments;
        const rows = await db
          .select({ motionId: a.motionId })
          .from(a)
          .innerJoin(t.users, eq(t.users.id, a.authorId))
          .where(and(inArray(a.motionId, motionIds), eq(t.users.sample, true)))
          .groupBy(a.motionId);
        return rows.map((row) => row.motionId);
      },
      sourcesInDocument: (documentId) =>
        db
          .select()
          .from(t.motionSources)
          .where(eq(t.motionSources.documentId, documentId))
          .orderBy(asc(t.motionSources.start), asc(t.motionSources.end)),
      arguments: (motionId, page) => {
        const query = db
          .select()
          .from(t.debateArguments)
          .where(argumentsAfter(motionId, page?.after))
          .orderBy(asc(t.debateArguments.createdAt), asc(t.debateArguments.id));
        return page ? query.limit(page.limit) : query;
      },
      argumentShapes: (motionId, page) => {
        const { body: _, rejectionReason: __, ...shape } = getTableColumns(t.debateArguments);
        const query = db
          .select(shape)
          .from(t.debateArguments)
          .where(argumentsAfter(motionId, page?.after))
          .orderBy(asc(t.debateArguments.createdAt), asc(t.debateArguments.id));
        return page ? query.limit(page.limit) : query;
      },
      citedSpans: (motionId, page) => {
        const c = t.citations;
        const a = t.debateArguments;
        const after = page?.after;
        const query = db
          .select({
            postedAt: a.createdAt,
            argumentId: c.argumentId,
            position: c.position,
            documentId: c.documentId,
            anchorVersionId: c.anchorVersionId,
            anchorStart: c.anchorStart,
            anchorEnd: c.anchorEnd,
          })
          .from(c)
          .innerJoin(a, eq(a.id, c.argumentId))
          .where(
            and(
              eq(a.motionId, motionId),
              ne(c.anchorStatus, "detached"),
              // The argument's part of the key walks arguments_motion_posted_idx; the whole key
              // then leaves out the citations of its argument already read.
              after
                ? and(
                    rowCompared([a.createdAt, a.id], ">=", [after.postedAt, after.argumentId]),
                    rowCompared([a.createdAt, a.id, c.position], ">", [
                      after.postedAt,
                      after.argumentId,
                      after.position,
                    ]),
                  )
                : undefined,
            ),
          )
          .orderBy(asc(a.createdAt), asc(a.id), asc(c.position));
        return page ? query.limit(page.limit) : query;
      },
      newArgumentIds: async (motionId, readerId, afterSeq) =>
        (
          await db
            .select({ id: t.debateArguments.id })
            .from(t.debateArguments)
            .where(
              and(
                eq(t.debateArguments.motionId, motionId),
                eq(t.debateArguments.status, "published"),
                ne(t.debateArguments.authorId, readerId),
                gt(t.debateArguments.publishedSeq, afterSeq),
              ),
            )
            .orderBy(asc(t.debateArguments.createdAt), asc(t.debateArguments.id))
        ).map((row) => row.id),
      setSourceAnchor: async (motionId, position, anchor) => {
        await db
          .update(t.motionSources)
          .set(anchor)
          .where(
            and(eq(t.motionSources.motionId, motionId), eq(t.motionSources.position, position)),
          );
      },
    },
    arguments: {
      get: async (id) => (await hot.argument().execute({ id }))[0],
      byIds: async (ids) =>
        ids.length === 0
          ? []
          : db.select().from(t.debateArguments).where(inArray(t.debateArguments.id, ids)),
      repliesTo: async (motionId, parentIds) =>
        parentIds.length === 0
          ? []
          : db
              .select({ id: t.debateArguments.id, status: t.debateArguments.status })
              .from(t.debateArguments)
              .where(
                and(
                  eq(t.debateArguments.motionId, motionId),
                  inArray(t.debateArguments.parentId, parentIds),
                ),
              ),
      insert: async (row, citations) => {
        await db.insert(t.debateArguments).values(row);
        if (citations.length > 0) await db.insert(t.citations).values(citations);
      },
      update: async (id, change) => {
        await db.update(t.debateArguments).set(change).where(eq(t.debateArguments.id, id));
      },
      place: async ({ id, motionId, authorId }, { createdAt, publishedSeq }) => {
        const [placed] = await hot
          .placeArgument()
          .execute({ id, motionId, authorId, createdAt, publishedSeq });
        return placed?.pseudonym ?? 0;
      },
      revisions: (argumentId) =>
        db
          .select()
          .from(t.argumentRevisions)
          .where(eq(t.argumentRevisions.argumentId, argumentId))
          .orderBy(asc(t.argumentRevisions.revision)),
      addRevision: async (row) => {
        await db.insert(t.argumentRevisions).values(row);
      },
      citations: async (argumentIds) =>
        argumentIds.length === 0
          ? []
          : db
              .select()
              .from(t.citations)
              .where(inArray(t.citations.argumentId, argumentIds))
              .orderBy(asc(t.citations.argumentId), asc(t.citations.position)),
      setCitationAnchor: async (argumentId, position, anchor) => {
        await db
          .update(t.citations)
          .set(anchor)
          .where(and(eq(t.citations.argumentId, argumentId), eq(t.citations.position, position)));
      },
      citationsInDocument: async (documentId) => {
        const rows = await db
          .select({
            citation: t.citations,
            motionId: t.debateArguments.motionId,
            relation: t.debateArguments.relation,
            status: t.debateArguments.status,
          })
          .from(t.citations)
          .innerJoin(t.debateArguments, eq(t.debateArguments.id, t.citations.argumentId))
          .where(eq(t.citations.documentId, documentId))
          .orderBy(asc(t.citations.start), asc(t.citations.end));
        return rows.map(({ citation, ...argument }) => ({ ...citation, ...argument }));
      },
    },
    votes: {
      put: async (row) => {
        await db
          .insert(t.votes)
          .values(row)
          .onConflictDoUpdate({
            target: [t.votes.motionId, t.votes.userId, t.votes.phase],
            set: { stance: row.stance, castAt: row.castAt },
          });
      },
      list: (motionId) => db.select().from(t.votes).where(eq(t.votes.motionId, motionId)),
    },
    agreements: {
      put: async (row) => {
        await db
          .insert(t.agreements)
          .values(row)
          .onConflictDoUpdate({
            target: [t.agreements.argumentId, t.agreements.userId],
            set: { stance: row.stance, judgedAt: row.judgedAt },
          });
      },
      list: async (argumentIds) =>
        argumentIds.length === 0
          ? []
          : db.select().from(t.agreements).where(inArray(t.agreements.argumentId, argumentIds)),
      ofMotion: async (motionId) =>
        agreementsWhere(
          and(eq(t.debateArguments.motionId, motionId), eq(t.debateArguments.status, "published")),
        ),
      ofPerson: async (motionId, userId) =>
        agreementsWhere(
          and(eq(t.debateArguments.motionId, motionId), eq(t.agreements.userId, userId)),
        ),
    },
    grades: {
      rubrics: async (motionIds) =>
        motionIds.length === 0
          ? []
          : db.select().from(t.rubrics).where(inArray(t.rubrics.motionId, motionIds)),
      putRubric: async (row) => {
        const { motionId: _, ...change } = row;
        await db
          .insert(t.rubrics)
          .values(row)
          .onConflictDoUpdate({ target: t.rubrics.motionId, set: change });
      },
      marks: async (motionIds) =>
        motionIds.length === 0
          ? []
          : db.select().from(t.gradeMarks).where(inArray(t.gradeMarks.motionId, motionIds)),
      putMark: async (row) => {
        const { motionId: _, userId: __, ...change } = row;
        await db
          .insert(t.gradeMarks)
          .values(row)
          .onConflictDoUpdate({
            target: [t.gradeMarks.motionId, t.gradeMarks.userId],
            set: change,
          });
      },
    },
    ratings: {
      put: async (row) => {
        await db
          .insert(t.ratings)
          .values(row)
          .onConflictDoUpdate({
            target: [t.ratings.argumentId, t.ratings.userId],
            set: { score: row.score, ratedAt: row.ratedAt },
          });
      },
      list: async (argumentIds) =>
        argumentIds.length === 0
          ? []
          : db.select().from(t.ratings).where(inArray(t.ratings.argumentId, argumentIds)),
      strongest: (motionId, limit, offset) => {
        const total = sql<number>`cast(sum(${t.ratings.score}) as integer)`.mapWith(Number);
        const rated = sql<number>`cast(count(*) as integer)`.mapWith(Number);
        // The mean in hundredths, rounded half up, in whole numbers (the same in both dialects).
        const hundredths = sql`(sum(${t.ratings.score}) * 200 + count(*)) / (2 * count(*))`;
        return db
          .select({ argumentId: t.ratings.argumentId, total, count: rated })
          .from(t.ratings)
          .innerJoin(t.debateArguments, eq(t.debateArguments.id, t.ratings.argumentId))
          .where(
            and(
              eq(t.debateArguments.motionId, motionId),
              eq(t.debateArguments.status, "published"),
            ),
          )
          .groupBy(t.ratings.argumentId)
          .orderBy(desc(hundredths), desc(count()), asc(t.ratings.argumentId))
          .limit(limit)
          .offset(offset);
      },
    },
    events: {
      append: async (event) => {
        // The increment takes the motion's row lock in PostgreSQL (SQLite has one writer), so
        // concurrent commands on one motion get distinct, consecutive seqs.
        if (dialect === "postgres") {
          // In one statement: the lock is held to the commit, and each round trip lengthens it.
          const e = t.events;
          const { rows } = await db.execute<{ seq: number }>(sql`
            with next as (
              update ${t.motions} set "last_seq" = "last_seq" + 1
              where ${t.motions.id} = ${event.motionId} returning "last_seq"
            )
            insert into ${e} ("motion_id", "seq", "type", "data", "actor_id", "at", "version")
            select ${event.motionId}, "last_seq", ${event.type}, ${sql.param(event.data, e.data)},
              ${event.actorId}, ${sql.param(event.at, e.at)}, ${EVENT_VERSIONS[event.type]}
            from next
            returning "seq"`);
          const [next] = rows;
          if (!next) throw new Error(`no motion ${event.motionId} to append an event to`);
          return { ...event, seq: Number(next.seq) };
        }
        const [motion] = await hot.nextSeq().execute({ id: event.motionId });
        if (!motion) throw new Error(`no motion ${event.motionId} to append an event to`);
        const stored = { ...event, seq: motion.seq };
        await hot.appendEvent().execute({ ...stored, version: EVENT_VERSIONS[event.type] });
        return stored;
      },
      appendPlaced: async (argument, citations, placing, event) => {
        const { published, motionAsRead, kept, follow, notifications } = placing;
        if (dialect === "postgres") {
          // One statement that writes the whole post and ends the transaction: the motion's lock
          // is held while the database runs it, never across a round trip
          // (db/pg/migrations/0021_posts_after_newest_argument.sql).
          const call = sql`select * from place_argument(
            ${JSON.stringify(asColumns(t.debateArguments, argument))}::jsonb,
            ${JSON.stringify(citations.map((row) => asColumns(t.citations, row)))}::jsonb,
            ${JSON.stringify(asColumns(t.follows, follow))}::jsonb,
            ${JSON.stringify(notifications.map((row) => asColumns(t.notifications, row)))}::jsonb,
            ${published}, ${motionAsRead.status}, ${motionAsRead.spaceId},
            ${JSON.stringify(motionAsRead.settings)}::jsonb,
            ${JSON.stringify(motionAsRead.session)}::jsonb,
            ${event.type}, ${JSON.stringify(event.data)}::jsonb, ${event.actorId},
            ${EVENT_VERSIONS[event.type]}, ${kept?.actorId ?? null}, ${kept?.clientId ?? null},
            ${new Date().toISOString()}::timestamptz)`;
          const [placed] = commitWith ? await commitWith(call) : (await db.execute(call)).rows;
          if (!placed) return undefined;
          return {
            seq: Number(placed.placed_seq),
            pseudonym: Number(placed.placed_pseudonym),
            at: new Date(String(placed.placed_at)),
          };
        }
        if (argument.editedAt !== null) throw new Error("a post stores a new argument, not edited");
        // SQLite has one writer: what the post read cannot have changed, and is checked alike.
        const documents = await repos.documents.byIds([
          ...new Set(citations.map((c) => c.documentId)),
        ]);
        const current = new Map(documents.map((d) => [d.id, d.currentVersionId]));
        if (citations.some((c) => current.get(c.documentId) !== c.versionId)) return undefined;
        const { motionId, parentId } = argument;
        if (parentId) {
          const parent = await repos.arguments.get(parentId);
          if (parent?.motionId !== motionId || parent.status !== "published") return undefined;
        }
        // SQLite has one writer: the lock is held from here to the commit.
        const [locked] = await hot.lockNextSeq().execute({ id: motionId });
        if (!locked) return undefined;
        if (!sameRules(locked, motionAsRead)) {
          await hot.giveBackSeq().execute({ id: motionId });
          return undefined;
        }
        const seq = locked.lastSeq;
        // Its time is now, or a millisecond after the motion's last event and its newest argument
        // (as on PostgreSQL): posts in one millisecond still sort as they were posted, after an
        // event stamped now, before the last of them, too.
        const [last] = await hot.eventAt().execute({ motionId, seq: seq - 1 });
        const [newest] = await hot.newestArgumentAt().execute({ motionId });
        const after = Math.max(last?.at.getTime() ?? 0, newest?.at?.getTime() ?? 0);
        const at = new Date(Math.max(Date.now(), after + 1));
        const [placed] = await hot
          .newArgument()
          .execute({ ...argument, createdAt: at, publishedSeq: published ? seq : null });
        const pseudonym = placed?.pseudonym ?? 0;
        for (const citation of citations) await hot.newCitation().execute(citation);
        const createdAt = at.toISOString();
        const data = { ...event.data, argument: { ...event.data.argument, pseudonym, createdAt } };
        const version = EVENT_VERSIONS[event.type];
        await hot.appendEvent().execute({ ...event, data, at, seq, version });
        if (kept)
          await repos.commands.save({ ...kept, result: { seq, argument: data.argument }, at });
        await repos.follows.put(follow, { keepExisting: true });
        await repos.notifications.insert(notifications.map((row) => ({ ...row, seq, at })));
        return { seq, pseudonym, at };
      },
      after: async (motionId, seq, limit) =>
        (
          await db
            .select()
            .from(t.events)
            .where(and(eq(t.events.motionId, motionId), gt(t.events.seq, seq)))
            .orderBy(asc(t.events.seq))
            .limit(limit)
        ).map(upgradeEvent),
      renameAuthor: async (motionId, authorId, name) => {
        const rows = await db
          .select({ seq: t.events.seq, data: t.events.data })
          .from(t.events)
          .where(and(eq(t.events.motionId, motionId), inArray(t.events.type, carryingArguments)));
        for (const row of rows) {
          const argument = row.data.argument as { author?: { id?: unknown } } | undefined;
          if (argument?.author?.id !== authorId) continue;
          const data = { ...row.data, argument: { ...argument, author: { id: authorId, name } } };
          await db
            .update(t.events)
            .set({ data })
            .where(and(eq(t.events.motionId, motionId), eq(t.events.seq, row.seq)));
        }
      },
      ofTypes: async <K extends MotionEventType>(motionId: string, types: readonly K[]) => {
        const rows = await db
          .select()
          .from(t.events)
          .where(and(eq(t.events.motionId, motionId), inArray(t.events.type, types)))
          .orderBy(asc(t.events.seq));
        const asked = new Set<MotionEventType>(types);
        return rows
          .map(upgradeEvent)
          .filter((e): e is Extract<StoredEvent, { type: K }> => asked.has(e.type));
      },
    },
    follows: {
      get: async (userId, motionId) =>
        (
          await db
            .select()
            .from(t.follows)
            .where(and(eq(t.follows.userId, userId), eq(t.follows.motionId, motionId)))
        )[0],
      put: async (row, { keepExisting = false } = {}) => {
        if (keepExisting) {
          await hot.keepFollow().execute(row);
          return;
        }
        await db
          .insert(t.follows)
          .values(row)
          .onConflictDoUpdate({
            target: [t.follows.userId, t.follows.motionId],
            set: { state: row.state, changedAt: row.changedAt },
          });
      },
      ofMotion: async (motionId, userIds) =>
        userIds.length === 0
          ? []
          : db
              .select()
              .from(t.follows)
              .where(and(eq(t.follows.motionId, motionId), inArray(t.follows.userId, userIds))),
    },
    people: {
      memberships: async (userId) => {
        const rows = await db
          .select({ membership: t.memberships, spaceName: t.spaces.name })
          .from(t.memberships)
          .innerJoin(t.spaces, eq(t.spaces.id, t.memberships.spaceId))
          .where(eq(t.memberships.userId, userId))
          .orderBy(asc(t.memberships.joinedAt), asc(t.spaces.id));
        return rows.map((row) => ({ ...row.membership, spaceName: row.spaceName }));
      },
      arguments: (userId) =>
        db
          .select()
          .from(t.debateArguments)
          .where(eq(t.debateArguments.authorId, userId))
          .orderBy(asc(t.debateArguments.createdAt), asc(t.debateArguments.id)),
      votes: (userId) =>
        db
          .select()
          .from(t.votes)
          .where(eq(t.votes.userId, userId))
          .orderBy(asc(t.votes.castAt), asc(t.votes.motionId)),
      ratings: (userId) =>
        db
          .select()
          .from(t.ratings)
          .where(eq(t.ratings.userId, userId))
          .orderBy(asc(t.ratings.ratedAt), asc(t.ratings.argumentId)),
      agreements: (userId) =>
        db
          .select()
          .from(t.agreements)
          .where(eq(t.agreements.userId, userId))
          .orderBy(asc(t.agreements.judgedAt), asc(t.agreements.argumentId)),
      notifications: (userId) =>
        db
          .select()
          .from(t.notifications)
          .where(eq(t.notifications.userId, userId))
          .orderBy(asc(t.notifications.at), asc(t.notifications.seq), asc(t.notifications.id)),
      eraseInbox: async (userId) => {
        await db.delete(t.notifications).where(eq(t.notifications.userId, userId));
        await db.delete(t.follows).where(eq(t.follows.userId, userId));
        await db.delete(t.readStates).where(eq(t.readStates.userId, userId));
      },
      unlinkProviders: async (userId) => {
        await db.delete(t.accounts).where(eq(t.accounts.userId, userId));
      },
      renameAuthor: async (userId, name) => {
        const changed = await db
          .update(t.debateArguments)
          .set({ authorName: name })
          .where(eq(t.debateArguments.authorId, userId))
          .returning({
            motionId: t.debateArguments.motionId,
            status: t.debateArguments.status,
            publishedSeq: t.debateArguments.publishedSeq,
          });
        const motions = new Map<string, boolean>();
        for (const { motionId, status, publishedSeq } of changed) {
          // Hidden, it was published first; withdrawn, it may have been withdrawn while pending.
          const seen = publishedSeq !== null || status === "published" || status === "hidden";
          motions.set(motionId, (motions.get(motionId) ?? false) || seen);
        }
        return [...motions]
          .map(([motionId, wasPublic]) => ({ motionId, wasPublic }))
          .sort((a, b) => a.motionId.localeCompare(b.motionId));
      },
    },
    notifications: {
      insert: async (rows) => {
        if (rows.length > 0) await db.insert(t.notifications).values(rows);
      },
      ofEvents: async (motionId, seqs) =>
        seqs.length === 0
          ? []
          : db
              .select()
              .from(t.notifications)
              .where(
                and(eq(t.notifications.motionId, motionId), inArray(t.notifications.seq, seqs)),
              )
              .orderBy(asc(t.notifications.seq), asc(t.notifications.id)),
      ofUser: (userId, limit, unreadOnly = false) =>
        db
          .select()
          .from(t.notifications)
          .where(
            and(
              eq(t.notifications.userId, userId),
              unreadOnly ? isNull(t.notifications.readAt) : undefined,
            ),
          )
          .orderBy(desc(t.notifications.at), desc(t.notifications.seq), desc(t.notifications.id))
          .limit(limit),
      markRead: async (userId, ids, at) => {
        if (ids?.length === 0) return;
        await db
          .update(t.notifications)
          .set({ readAt: at })
          .where(
            and(
              eq(t.notifications.userId, userId),
              isNull(t.notifications.readAt),
              ids ? inArray(t.notifications.id, ids) : undefined,
            ),
          );
      },
    },
    commands: {
      find: async (actorId, clientId) => (await hot.command().execute({ actorId, clientId }))[0],
      save: async (row) => {
        await hot.saveCommand().execute(row);
      },
    },
    readStates: {
      get: async (userId, motionId) =>
        (
          await db
            .select()
            .from(t.readStates)
            .where(and(eq(t.readStates.userId, userId), eq(t.readStates.motionId, motionId)))
        )[0],
      put: async (row) => {
        // The stored row is named by its table in the update; the proposed one is `excluded`.
        const kept = sql`case when excluded.last_seq > "read_states"."last_seq" then excluded.last_seq else "read_states"."last_seq" end`;
        await db
          .insert(t.readStates)
          .values(row)
          .onConflictDoUpdate({
            target: [t.readStates.userId, t.readStates.motionId],
            set: { lastSeq: kept, readAt: row.readAt },
          });
      },
      list: async (userId, motionIds) =>
        motionIds.length === 0
          ? []
          : db
              .select()
              .from(t.readStates)
              .where(
                and(eq(t.readStates.userId, userId), inArray(t.readStates.motionId, motionIds)),
              ),
      unread: async (userId, motionIds) => {
        if (motionIds.length === 0) return new Map();
        const a = t.debateArguments;
        const rows = await db
          .select({ motionId: a.motionId, unread: count() })
          .from(a)
          .leftJoin(
            t.readStates,
            and(eq(t.readStates.motionId, a.motionId), eq(t.readStates.userId, userId)),
          )
          .where(
            and(
              inArray(a.motionId, motionIds),
              eq(a.status, "published"),
              ne(a.authorId, userId),
              gt(a.publishedSeq, sql`coalesce(${t.readStates.lastSeq}, 0)`),
            ),
          )
          .groupBy(a.motionId);
        return new Map(rows.map((row) => [row.motionId, Number(row.unread)]));
      },
    },
  };
  return repos;
}

/** Whether a motion's rules for posts are as they were read. */
function sameRules(now: MotionRules, before: MotionRules) {
  const rules = (m: MotionRules) => JSON.stringify([m.status, m.spaceId, m.settings, m.session]);
  return rules(now) === rules(before);
}
