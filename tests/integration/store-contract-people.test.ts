import { describe, expect, it } from "vitest";
import { isRefusal, isUniqueViolation, type SpaceRow, type Store } from "../../db/store";
import { contractStore, minute, newId, spaceRow } from "../support/storeRows";
import { dialects } from "../support/stores";

// The Store's contract for spaces, people and their sessions, and for transactions themselves:
// each method written through and read back, the same tests on each dialect.

const byKey = <T extends { key: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.key.localeCompare(b.key));

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`the Store's people and transactions on ${dialect.name}`, () => {
    const { store, rows } = contractStore(dialect);

    it("dialect names the database the Store runs on", () => {
      expect(store.dialect).toBe(dialect.name);
    });

    describe("spaces", () => {
      it("get, bySlug and byJoinCode find a space by each of its keys", async () => {
        const space = await rows.space({ joinCode: `J${newId().slice(0, 8)}` });
        expect(await store.spaces.get(space.id)).toEqual(space);
        expect(await store.spaces.bySlug(space.slug)).toEqual(space);
        expect(await store.spaces.byJoinCode(space.joinCode ?? "")).toEqual(space);
        expect(await store.spaces.get(newId())).toBeUndefined();
        expect(await store.spaces.bySlug("no-such-space")).toBeUndefined();
        expect(await store.spaces.byJoinCode("NOSUCHCODE")).toBeUndefined();
      });

      it("setJoinCode replaces the code, and null switches joining by code off", async () => {
        const space = await rows.space({ joinCode: `A${newId().slice(0, 8)}` });
        const next = `B${newId().slice(0, 8)}`;
        await rows.write((tx) => tx.spaces.setJoinCode(space.id, next));
        expect(await store.spaces.byJoinCode(next)).toEqual({ ...space, joinCode: next });
        expect(await store.spaces.byJoinCode(space.joinCode ?? "")).toBeUndefined();
        await rows.write((tx) => tx.spaces.setJoinCode(space.id, null));
        expect((await store.spaces.get(space.id))?.joinCode).toBeNull();
        expect(await store.spaces.byJoinCode(next)).toBeUndefined();
      });

      it("listReadable gives public spaces to all and private ones to their members, with the role", async () => {
        const open = await rows.space({ visibility: "public", createdAt: minute(2), name: "B" });
        const mine = await rows.space({ visibility: "private", createdAt: minute(1) });
        const closed = await rows.space({ visibility: "private", createdAt: minute(2) });
        const earlier = await rows.space({ visibility: "public", createdAt: minute(2), name: "A" });
        const reader = await rows.member(mine.id, "moderator");
        const ours = (list: { space: SpaceRow }[]) =>
          list.filter(({ space }) => [open.id, mine.id, closed.id, earlier.id].includes(space.id));

        expect(ours(await store.spaces.listReadable(null))).toEqual([
          { space: earlier, role: null },
          { space: open, role: null },
        ]);
        expect(ours(await store.spaces.listReadable(reader.id))).toEqual([
          { space: mine, role: "moderator" },
          { space: earlier, role: null },
          { space: open, role: null },
        ]);
      });

      it("lock makes membership changes in one space run in turn", async () => {
        const space = await rows.space();
        const people = await Promise.all([1, 2, 3, 4].map(() => rows.user()));
        // Each joiner becomes the owner when it finds nobody there: only one may.
        await Promise.all(
          people.map((person) =>
            rows.write(async (tx) => {
              await tx.spaces.lock(space.id);
              const members = await tx.memberships.list(space.id);
              await tx.memberships.insert({
                spaceId: space.id,
                userId: person.id,
                role: members.length === 0 ? "owner" : "participant",
                joinedAt: minute(members.length),
              });
            }),
          ),
        );
        const roles = (await store.memberships.list(space.id)).map((m) => m.role);
        expect(roles).toEqual(["owner", "participant", "participant", "participant"]);
      });
    });

    describe("users", () => {
      it("insert, get and byEmail keep every column; Auth.js's own start empty, and nobody is a sample", async () => {
        const space = await rows.space();
        const user = await rows.user({ name: "Bek Guest", guestSpaceId: space.id });
        const stored = {
          ...user,
          emailVerified: null,
          image: null,
          sample: false,
          deletedAt: null,
        };
        expect(await store.users.get(user.id)).toEqual(stored);
        expect(await store.users.byEmail(user.email ?? "")).toEqual(stored);
        expect(await store.users.get(newId())).toBeUndefined();
        expect(await store.users.byEmail("nobody@example.test")).toBeUndefined();
      });

      it("update changes only the columns given", async () => {
        const user = await rows.user({ passwordHash: null });
        await rows.write((tx) =>
          tx.users.update(user.id, { name: "Ada Lovelace", passwordHash: "a-new-hash" }),
        );
        expect(await store.users.get(user.id)).toEqual({
          ...user,
          name: "Ada Lovelace",
          passwordHash: "a-new-hash",
          emailVerified: null,
          image: null,
          sample: false,
          deletedAt: null,
        });
      });
    });

    describe("people: what one person did, read and rewritten", () => {
      it("memberships name each space; arguments are the person's own, oldest first", async () => {
        const space = await rows.space({ name: "History 9B" });
        const ada = await rows.member(space.id, "moderator");
        const { motion } = await rows.motion(space.id);
        const later = await rows.argument(motion.id, { authorId: ada.id, createdAt: minute(5) });
        const first = await rows.argument(motion.id, { authorId: ada.id, createdAt: minute(1) });
        await rows.argument(motion.id, { authorName: "Ben" });
        expect(await store.people.memberships(ada.id)).toEqual([
          expect.objectContaining({
            spaceId: space.id,
            role: "moderator",
            spaceName: "History 9B",
          }),
        ]);
        expect((await store.people.arguments(ada.id)).map((a) => a.id)).toEqual([
          first.argument.id,
          later.argument.id,
        ]);
      });

      it("renameAuthor renames the person's arguments and no one else's, answering their motions and whether anything of theirs was public there", async () => {
        const space = await rows.space();
        const ada = await rows.user({ name: "Ada" });
        const { motion } = await rows.motion(space.id);
        const { motion: other } = await rows.motion(space.id);
        const { motion: third } = await rows.motion(space.id);
        const mine = await rows.argument(motion.id, { authorId: ada.id, authorName: "Ada" });
        const byAda = { authorId: ada.id, authorName: "Ada" };
        await rows.argument(other.id, { ...byAda, status: "pending" });
        await rows.argument(other.id, { ...byAda, status: "withdrawn" });
        await rows.argument(third.id, { ...byAda, status: "withdrawn", publishedSeq: 4 });
        const bens = await rows.argument(motion.id, { authorName: "Ben" });
        const renamed = await rows.write((tx) => tx.people.renameAuthor(ada.id, "Deleted member"));
        const expected = [
          { motionId: motion.id, wasPublic: true },
          { motionId: other.id, wasPublic: false },
          { motionId: third.id, wasPublic: true },
        ];
        expect(renamed).toEqual(expected.sort((a, b) => a.motionId.localeCompare(b.motionId)));
        expect((await store.arguments.get(mine.argument.id))?.authorName).toBe("Deleted member");
        expect((await store.arguments.get(bens.argument.id))?.authorName).toBe("Ben");
      });

      it("unlinkProviders removes the person's linked sign-ins and no one else's", async () => {
        const ada = await rows.user();
        const ben = await rows.user();
        for (const user of [ada, ben]) {
          await rows.write((tx) =>
            tx.providerAccounts.insert({
              userId: user.id,
              type: "oidc",
              provider: "school",
              providerAccountId: user.id,
            }),
          );
        }
        await rows.write((tx) => tx.people.unlinkProviders(ada.id));
        const byAccount = (id: string) => store.providerAccounts.userOf("school", id);
        expect(await byAccount(ada.id)).toBeUndefined();
        expect(await byAccount(ben.id)).toBe(ben.id);
      });
    });

    describe("memberships", () => {
      it("insert and get: a new member is not muted, and a second join keeps the first", async () => {
        const space = await rows.space();
        const user = await rows.user();
        const joined = {
          spaceId: space.id,
          userId: user.id,
          role: "observer" as const,
          joinedAt: minute(3),
        };
        await rows.write((tx) => tx.memberships.insert(joined));
        await rows.write((tx) =>
          tx.memberships.insert({ ...joined, role: "owner", joinedAt: minute(9) }),
        );
        expect(await store.memberships.get(space.id, user.id)).toEqual({ ...joined, muted: false });
        expect(await store.memberships.get(space.id, newId())).toBeUndefined();
      });

      it("list gives each member's name and whether they are a guest, earliest first", async () => {
        const space = await rows.space();
        const guest = await rows.user({
          name: "Bek Guest",
          passwordHash: null,
          email: null,
          guestSpaceId: space.id,
        });
        const owner = await rows.user({ name: "Cleo Owner" });
        await rows.write(async (tx) => {
          await tx.memberships.insert({
            spaceId: space.id,
            userId: guest.id,
            role: "participant",
            joinedAt: minute(5),
          });
          await tx.memberships.insert({
            spaceId: space.id,
            userId: owner.id,
            role: "owner",
            joinedAt: minute(1),
          });
        });
        expect(await store.memberships.list(space.id)).toEqual([
          {
            spaceId: space.id,
            userId: owner.id,
            role: "owner",
            joinedAt: minute(1),
            muted: false,
            name: "Cleo Owner",
            guest: false,
          },
          {
            spaceId: space.id,
            userId: guest.id,
            role: "participant",
            joinedAt: minute(5),
            muted: false,
            name: "Bek Guest",
            guest: true,
          },
        ]);
        expect(await store.memberships.list(newId())).toEqual([]);
      });

      it("setRole, setMuted and remove change one member and no other", async () => {
        const space = await rows.space();
        const changed = await rows.member(space.id, "participant");
        const other = await rows.member(space.id, "participant");
        await rows.write(async (tx) => {
          await tx.memberships.setRole(space.id, changed.id, "moderator");
          await tx.memberships.setMuted(space.id, changed.id, true);
        });
        expect(await store.memberships.get(space.id, changed.id)).toMatchObject({
          role: "moderator",
          muted: true,
        });
        expect(await store.memberships.get(space.id, other.id)).toMatchObject({
          role: "participant",
          muted: false,
        });
        await rows.write((tx) => tx.memberships.setMuted(space.id, changed.id, false));
        expect((await store.memberships.get(space.id, changed.id))?.muted).toBe(false);
        await rows.write((tx) => tx.memberships.remove(space.id, changed.id));
        expect(await store.memberships.get(space.id, changed.id)).toBeUndefined();
        expect((await store.memberships.list(space.id)).map((m) => m.userId)).toEqual([other.id]);
      });
    });

    describe("sessions", () => {
      const session = (userId: string, expires: Date) => ({
        sessionToken: newId(),
        userId,
        expires,
      });

      it("liveUser answers the user of a live session, never of an expired or ended one", async () => {
        const user = await rows.user();
        const live = session(user.id, minute(60));
        const expired = session(user.id, minute(30));
        const ended = session(user.id, minute(60));
        await rows.write(async (tx) => {
          for (const row of [live, expired, ended]) await tx.sessions.insert(row);
        });
        await rows.write((tx) => tx.sessions.remove(user.id, ended.sessionToken));
        const now = minute(30);
        expect(await store.sessions.liveUser(live.sessionToken, now)).toMatchObject({
          id: user.id,
          name: user.name,
        });
        expect(await store.sessions.liveUser(expired.sessionToken, now)).toBeUndefined();
        expect(await store.sessions.liveUser(ended.sessionToken, now)).toBeUndefined();
        expect(await store.sessions.liveUser(newId(), now)).toBeUndefined();
      });

      it("countLive counts the user's sessions that last beyond now", async () => {
        const user = await rows.user();
        const other = await rows.user();
        await rows.write(async (tx) => {
          await tx.sessions.insert(session(user.id, minute(10)));
          await tx.sessions.insert(session(user.id, minute(20)));
          await tx.sessions.insert(session(user.id, minute(30)));
          await tx.sessions.insert(session(other.id, minute(30)));
        });
        expect(await store.sessions.countLive(user.id, minute(0))).toBe(3);
        expect(await store.sessions.countLive(user.id, minute(20))).toBe(1);
        expect(await store.sessions.countLive(user.id, minute(30))).toBe(0);
        expect(await store.sessions.countLive(newId(), minute(0))).toBe(0);
      });

      it("remove ends only the user's own session and says which it ended", async () => {
        const user = await rows.user();
        const other = await rows.user();
        const mine = session(user.id, minute(60));
        const theirs = session(other.id, minute(60));
        await rows.write(async (tx) => {
          await tx.sessions.insert(mine);
          await tx.sessions.insert(theirs);
        });
        expect(await rows.write((tx) => tx.sessions.remove(user.id, theirs.sessionToken))).toEqual(
          [],
        );
        expect(await store.sessions.liveUser(theirs.sessionToken, minute(0))).toBeDefined();
        expect(await rows.write((tx) => tx.sessions.remove(user.id, mine.sessionToken))).toEqual([
          mine.sessionToken,
        ]);
        expect(await rows.write((tx) => tx.sessions.remove(user.id, mine.sessionToken))).toEqual(
          [],
        );
      });

      it("removeAll ends every session of the user and no one else's", async () => {
        const user = await rows.user();
        const other = await rows.user();
        const mine = [session(user.id, minute(60)), session(user.id, minute(5))];
        const theirs = session(other.id, minute(60));
        await rows.write(async (tx) => {
          for (const row of [...mine, theirs]) await tx.sessions.insert(row);
        });
        const ended = await rows.write((tx) => tx.sessions.removeAll(user.id));
        expect([...ended].sort()).toEqual(mine.map((s) => s.sessionToken).sort());
        expect(await store.sessions.countLive(user.id, minute(0))).toBe(0);
        expect(await store.sessions.countLive(other.id, minute(0))).toBe(1);
        expect(await rows.write((tx) => tx.sessions.removeAll(user.id))).toEqual([]);
      });

      it("removeExpired deletes the rows of sessions that ran out, and keeps the others", async () => {
        const user = await rows.user();
        const early = session(user.id, minute(10));
        const late = session(user.id, minute(40));
        await rows.write(async (tx) => {
          await tx.sessions.insert(early);
          await tx.sessions.insert(late);
        });
        await rows.write((tx) => tx.sessions.removeExpired(minute(20)));
        // Seen from before either ran out, only the row of the later one is still there.
        expect(await store.sessions.liveUser(early.sessionToken, minute(0))).toBeUndefined();
        expect(await store.sessions.liveUser(late.sessionToken, minute(0))).toBeDefined();
        expect(await store.sessions.countLive(user.id, minute(0))).toBe(1);
      });
    });

    describe("passwordResets", () => {
      const reset = (userId: string, expiresAt: Date) => ({
        tokenHash: newId(),
        userId,
        expiresAt,
      });

      it("use answers a live link's user once, and a link that ran out never", async () => {
        const user = await rows.user();
        const live = reset(user.id, minute(60));
        const stale = reset(user.id, minute(10));
        await rows.write(async (tx) => {
          await tx.passwordResets.insert(live);
          await tx.passwordResets.insert(stale);
        });
        expect(await store.passwordResets.isLive(live.tokenHash, minute(30))).toBe(true);
        expect(await store.passwordResets.isLive(stale.tokenHash, minute(30))).toBe(false);
        expect(await rows.write((tx) => tx.passwordResets.use(stale.tokenHash, minute(30)))).toBe(
          undefined,
        );
        expect(await rows.write((tx) => tx.passwordResets.use(live.tokenHash, minute(30)))).toBe(
          user.id,
        );
        expect(await rows.write((tx) => tx.passwordResets.use(live.tokenHash, minute(30)))).toBe(
          undefined,
        );
        expect(await store.passwordResets.isLive(live.tokenHash, minute(30))).toBe(false);
      });

      it("removeAll forgets one user's links and no one else's; removeExpired those that ran out", async () => {
        const [ada, bo] = [await rows.user(), await rows.user()];
        const [adaLink, boLink, boOld] = [
          reset(ada.id, minute(60)),
          reset(bo.id, minute(60)),
          reset(bo.id, minute(5)),
        ];
        await rows.write(async (tx) => {
          for (const link of [adaLink, boLink, boOld]) await tx.passwordResets.insert(link);
        });
        await rows.write((tx) => tx.passwordResets.removeAll(ada.id));
        expect(await store.passwordResets.isLive(adaLink.tokenHash, minute(0))).toBe(false);
        expect(await store.passwordResets.isLive(boLink.tokenHash, minute(0))).toBe(true);
        await rows.write((tx) => tx.passwordResets.removeExpired(minute(30)));
        // Gone, not merely stale: even a clock turned back finds no row.
        expect(await store.passwordResets.isLive(boOld.tokenHash, minute(0))).toBe(false);
        expect(await store.passwordResets.isLive(boLink.tokenHash, minute(0))).toBe(true);
      });
    });

    describe("signInThrottle", () => {
      const throttle = (key: string, failures: number, blockedUntil: Date | null = null) => ({
        key,
        failures,
        firstFailureAt: minute(0),
        blockedUntil,
      });

      it("put stores and overwrites a key's row; get answers the keys that have one; clear forgets one", async () => {
        const email = `email:${newId()}`;
        const address = `address:${newId()}`;
        await rows.write(async (tx) => {
          await tx.signInThrottle.put(throttle(email, 1));
          await tx.signInThrottle.put(throttle(address, 2));
        });
        await rows.write((tx) => tx.signInThrottle.put(throttle(email, 5, minute(15))));
        expect(byKey(await store.signInThrottle.get([email, address, `email:${newId()}`]))).toEqual(
          byKey([throttle(email, 5, minute(15)), throttle(address, 2)]),
        );
        expect(await store.signInThrottle.get([])).toEqual([]);
        await rows.write((tx) => tx.signInThrottle.clear(email));
        expect(await store.signInThrottle.get([email, address])).toEqual([throttle(address, 2)]);
      });

      it("lock makes a fresh row for a new key, keeps an existing one, and runs guesses in turn", async () => {
        const known = `email:${newId()}`;
        const fresh = `address:${newId()}`;
        await rows.write((tx) => tx.signInThrottle.put(throttle(known, 3)));
        await rows.write((tx) => tx.signInThrottle.lock([known, fresh], minute(7)));
        expect(byKey(await store.signInThrottle.get([known, fresh]))).toEqual(
          byKey([throttle(known, 3), { ...throttle(fresh, 0), firstFailureAt: minute(7) }]),
        );
        // Five failed guesses at once each count: none reads a count another is changing.
        await Promise.all(
          [1, 2, 3, 4, 5].map(() =>
            rows.write(async (tx) => {
              await tx.signInThrottle.lock([known], minute(8));
              const [row] = await tx.signInThrottle.get([known]);
              if (row) await tx.signInThrottle.put({ ...row, failures: row.failures + 1 });
            }),
          ),
        );
        expect((await store.signInThrottle.get([known]))[0]?.failures).toBe(8);
      });
    });

    describe("commands", () => {
      it("save keeps a command's result, which find answers for that actor and client id alone", async () => {
        const actorId = newId();
        const row = {
          actorId,
          clientId: "post-1",
          result: { ok: true, value: { argumentId: newId(), seq: 4 }, events: [] },
          at: minute(3),
        };
        await rows.write((tx) => tx.commands.save(row));
        expect(await store.commands.find(actorId, "post-1")).toEqual(row);
        expect(await store.commands.find(actorId, "post-2")).toBeUndefined();
        expect(await store.commands.find(newId(), "post-1")).toBeUndefined();
        const again = await rows.write((tx) => tx.commands.save(row)).catch((e: unknown) => e);
        expect(isUniqueViolation(again)).toBe(true);
      });
    });

    describe("transaction", () => {
      it("commits what its work wrote and answers what the work returned, seen outside only after", async () => {
        const space = spaceRow();
        let inside: SpaceRow | undefined;
        let outside: SpaceRow | undefined;
        const answer = await store.transaction(async (tx) => {
          await tx.spaces.insert(space);
          inside = await tx.spaces.get(space.id);
          outside = await store.spaces.get(space.id);
          return { ok: true, value: space.id };
        });
        expect(answer).toEqual({ ok: true, value: space.id });
        expect(inside).toEqual(space);
        expect(outside).toBeUndefined();
        expect(await store.spaces.get(space.id)).toEqual(space);
      });

      it("keeps nothing its work wrote when the work throws, and rethrows", async () => {
        const space = spaceRow();
        const failure = new Error("the work failed");
        await expect(
          store.transaction(async (tx) => {
            await tx.spaces.insert(space);
            await tx.users.insert({
              id: newId(),
              name: "Never kept",
              email: `${space.id}@example.test`,
              passwordHash: null,
              guestSpaceId: space.id,
              createdAt: minute(0),
            });
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect(await store.spaces.get(space.id)).toBeUndefined();
        expect(await store.users.byEmail(`${space.id}@example.test`)).toBeUndefined();
        // The store goes on working after a rollback.
        const next = await rows.space();
        expect(await store.spaces.get(next.id)).toEqual(next);
      });

      it("keeps nothing its work wrote when the work returns a refusal, and answers the refusal", async () => {
        const space = spaceRow();
        const refusal = { ok: false, error: { code: "forbidden", message: "Not yours." } };
        const answer = await store.transaction(async (tx) => {
          await tx.spaces.insert(space);
          return refusal;
        });
        expect(answer).toEqual(refusal);
        expect(await store.spaces.get(space.id)).toBeUndefined();
        expect([isRefusal(refusal), isRefusal({ ok: true }), isRefusal(null)]).toEqual([
          true,
          false,
          false,
        ]);
      });

      it("isUniqueViolation tells a taken key from other failed writes", async () => {
        const space = await rows.space();
        const user = await rows.user();
        const failure = (work: Parameters<Store["transaction"]>[0]) =>
          store.transaction(work).then(
            () => undefined,
            (error: unknown) => error,
          );
        const takenEmail = await failure((tx) =>
          tx.users.insert({ ...user, id: newId(), name: "Same email" }),
        );
        const takenId = await failure((tx) => tx.spaces.insert({ ...space, slug: newId() }));
        const unknownSpace = await failure((tx) =>
          tx.memberships.insert({
            spaceId: newId(),
            userId: user.id,
            role: "participant",
            joinedAt: minute(0),
          }),
        );
        expect(isUniqueViolation(takenEmail)).toBe(true);
        expect(isUniqueViolation(takenId)).toBe(true);
        expect(unknownSpace).toBeInstanceOf(Error);
        expect(isUniqueViolation(unknownSpace)).toBe(false);
        expect(isUniqueViolation(new Error("unique"))).toBe(false);
      });
    });
  });
}
