import { and, asc, count, desc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Repos } from "../store";
import type { RepoContext } from "./context";

/** What a person follows, is told of, and has read. */
export const followingRepos = ({
  db,
  t,
  hot,
}: RepoContext): Pick<Repos, "follows" | "notifications" | "readStates"> => ({
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
            .where(and(eq(t.notifications.motionId, motionId), inArray(t.notifications.seq, seqs)))
            .orderBy(asc(t.notifications.seq), asc(t.notifications.id)),
    // By the motion's index, then its argument: withdrawals and hidings are rare.
    ofArgument: (motionId, argumentId) =>
      db
        .select()
        .from(t.notifications)
        .where(
          and(eq(t.notifications.motionId, motionId), eq(t.notifications.argumentId, argumentId)),
        ),
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
            .where(and(eq(t.readStates.userId, userId), inArray(t.readStates.motionId, motionIds))),
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
});
