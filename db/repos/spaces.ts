import { and, asc, eq, isNotNull, or, sql } from "drizzle-orm";
import type { Repos } from "../store";
import type { RepoContext } from "./context";

/** Spaces and their members. */
export const spaceRepos = ({ db, t }: RepoContext): Pick<Repos, "spaces" | "memberships"> => ({
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
});
