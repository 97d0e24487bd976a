import { and, asc, count, eq, gt, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Repos } from "../store";
import type { RepoContext } from "./context";

/**
 * People's accounts and how they sign in (users, the accounts of sign-in providers, sessions,
 * password resets, the throttle on failed sign-ins), and all of one person's own rows, for
 * their export and the deletion of their account.
 */
export const accountRepos = ({
  db,
  t,
}: RepoContext): Pick<
  Repos,
  "users" | "providerAccounts" | "sessions" | "passwordResets" | "signInThrottle" | "people"
> => ({
  users: {
    get: async (id) => (await db.select().from(t.users).where(eq(t.users.id, id)))[0],
    byEmail: async (email) => (await db.select().from(t.users).where(eq(t.users.email, email)))[0],
    insert: async (row) => {
      await db.insert(t.users).values(row);
    },
    update: async (id, change) => {
      await db.update(t.users).set(change).where(eq(t.users.id, id));
    },
    rename: async (id, name) => {
      const changed = await db
        .update(t.users)
        .set({ name })
        .where(and(eq(t.users.id, id), isNull(t.users.deletedAt)))
        .returning({ id: t.users.id });
      return changed.length === 1;
    },
    convertGuest: async (id, change) => {
      const changed = await db
        .update(t.users)
        .set({ ...change, guestSpaceId: null })
        .where(and(eq(t.users.id, id), isNotNull(t.users.guestSpaceId), isNull(t.users.email)))
        .returning({ id: t.users.id });
      return changed.length === 1;
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
        .where(and(eq(t.passwordResets.tokenHash, tokenHash), gt(t.passwordResets.expiresAt, now)));
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
});
