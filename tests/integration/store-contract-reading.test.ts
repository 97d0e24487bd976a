import { describe, expect, it } from "vitest";
import type { NewEvent, NotificationRow } from "../../db/store";
import { contractStore, minute, newId } from "../support/storeRows";
import { dialects } from "../support/stores";

// The Store's contract for what members follow, are told and have read, and for each motion's
// event log: each method written through and read back, the same tests on each dialect.

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`the Store's reading and event log on ${dialect.name}`, () => {
    const { store, rows } = contractStore(dialect);

    /** A motion in a space of its own, and a member to read it. */
    const motionAndReader = async () => {
      const space = await rows.space();
      const { motion } = await rows.motion(space.id);
      const reader = await rows.member(space.id);
      return { space, motion, reader };
    };

    describe("follows", () => {
      it("put sets a member's state and get reads it back; a later put replaces it", async () => {
        const { motion, reader } = await motionAndReader();
        const follow = { userId: reader.id, motionId: motion.id };
        await rows.write((tx) =>
          tx.follows.put({ ...follow, state: "following", changedAt: minute(1) }),
        );
        expect(await store.follows.get(reader.id, motion.id)).toEqual({
          ...follow,
          state: "following",
          changedAt: minute(1),
        });
        await rows.write((tx) =>
          tx.follows.put({ ...follow, state: "muted", changedAt: minute(2) }),
        );
        expect(await store.follows.get(reader.id, motion.id)).toEqual({
          ...follow,
          state: "muted",
          changedAt: minute(2),
        });
        expect(await store.follows.get(reader.id, newId())).toBeUndefined();
      });

      it("put with keepExisting writes only for a member who has no state yet", async () => {
        const { space, motion, reader } = await motionAndReader();
        const newcomer = await rows.member(space.id);
        const chosen = { userId: reader.id, motionId: motion.id, state: "unfollowed" as const };
        await rows.write((tx) => tx.follows.put({ ...chosen, changedAt: minute(1) }));
        await rows.write(async (tx) => {
          for (const userId of [reader.id, newcomer.id]) {
            await tx.follows.put(
              { userId, motionId: motion.id, state: "following", changedAt: minute(5) },
              { keepExisting: true },
            );
          }
        });
        expect(await store.follows.get(reader.id, motion.id)).toEqual({
          ...chosen,
          changedAt: minute(1),
        });
        expect(await store.follows.get(newcomer.id, motion.id)).toEqual({
          userId: newcomer.id,
          motionId: motion.id,
          state: "following",
          changedAt: minute(5),
        });
      });

      it("ofMotion gives the states of the members asked, in one motion", async () => {
        const { space, motion, reader } = await motionAndReader();
        const other = await rows.member(space.id);
        const unasked = await rows.member(space.id);
        const { motion: elsewhere } = await rows.motion(space.id);
        const follow = (userId: string, motionId = motion.id) => ({
          userId,
          motionId,
          state: "following" as const,
          changedAt: minute(1),
        });
        await rows.write(async (tx) => {
          for (const row of [
            follow(reader.id),
            follow(unasked.id),
            follow(other.id, elsewhere.id),
          ]) {
            await tx.follows.put(row);
          }
        });
        expect(await store.follows.ofMotion(motion.id, [reader.id, other.id])).toEqual([
          follow(reader.id),
        ]);
        expect(await store.follows.ofMotion(motion.id, [])).toEqual([]);
      });
    });

    describe("notifications", () => {
      const notification = (
        userId: string,
        motionId: string,
        seq: number,
        at: number,
        change: Partial<NotificationRow> = {},
      ): NotificationRow => ({
        id: newId(),
        userId,
        type: "reply",
        motionId,
        argumentId: newId(),
        actorId: newId(),
        seq,
        at: minute(at),
        readAt: null,
        ...change,
      });
      const byId = (list: NotificationRow[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

      it("insert and ofEvents: the notifications one event caused, by the event's motion and seq", async () => {
        const { space, motion, reader } = await motionAndReader();
        const other = await rows.member(space.id);
        const { motion: elsewhere } = await rows.motion(space.id);
        const fromThree = [
          notification(reader.id, motion.id, 3, 1),
          notification(other.id, motion.id, 3, 1, { type: "mention", argumentId: null }),
        ];
        const fromFour = notification(reader.id, motion.id, 4, 2, { type: "motion_opened" });
        await rows.write((tx) =>
          tx.notifications.insert([
            ...fromThree,
            fromFour,
            notification(reader.id, elsewhere.id, 3, 1),
          ]),
        );
        await rows.write((tx) => tx.notifications.insert([]));
        expect(await store.notifications.ofEvents(motion.id, [3])).toEqual(byId(fromThree));
        expect(await store.notifications.ofEvents(motion.id, [4, 3])).toEqual([
          ...byId(fromThree),
          fromFour,
        ]);
        expect(await store.notifications.ofEvents(motion.id, [])).toEqual([]);
      });

      it("ofUser gives a member's notifications newest first, at most limit, or the unread alone", async () => {
        const { space, motion, reader } = await motionAndReader();
        const other = await rows.member(space.id);
        const oldest = notification(reader.id, motion.id, 1, 1, { readAt: minute(2) });
        const middle = notification(reader.id, motion.id, 2, 3);
        const newest = notification(reader.id, motion.id, 3, 5);
        await rows.write((tx) =>
          tx.notifications.insert([
            middle,
            oldest,
            newest,
            notification(other.id, motion.id, 3, 5),
          ]),
        );
        expect(await store.notifications.ofUser(reader.id, 10)).toEqual([newest, middle, oldest]);
        expect(await store.notifications.ofUser(reader.id, 2)).toEqual([newest, middle]);
        expect(await store.notifications.ofUser(reader.id, 10, true)).toEqual([newest, middle]);
        expect(await store.notifications.ofUser(newId(), 10)).toEqual([]);
      });

      it("markRead marks the member's own notifications read; others' ids do nothing", async () => {
        const { space, motion, reader } = await motionAndReader();
        const other = await rows.member(space.id);
        const first = notification(reader.id, motion.id, 1, 1);
        const second = notification(reader.id, motion.id, 2, 2);
        const third = notification(reader.id, motion.id, 3, 3);
        const theirs = notification(other.id, motion.id, 1, 1);
        await rows.write((tx) => tx.notifications.insert([first, second, third, theirs]));
        const unread = async (userId: string) =>
          (await store.notifications.ofUser(userId, 10, true)).map((n) => n.id).sort();

        await rows.write((tx) => tx.notifications.markRead(reader.id, [theirs.id], minute(9)));
        expect(await unread(other.id)).toEqual([theirs.id]);
        await rows.write((tx) => tx.notifications.markRead(reader.id, [], minute(9)));
        expect(await unread(reader.id)).toHaveLength(3);

        await rows.write((tx) => tx.notifications.markRead(reader.id, [second.id], minute(9)));
        expect(await unread(reader.id)).toEqual([first.id, third.id].sort());
        expect((await store.notifications.ofEvents(motion.id, [2]))[0]?.readAt).toEqual(minute(9));

        await rows.write((tx) => tx.notifications.markRead(reader.id, null, minute(10)));
        expect(await unread(reader.id)).toEqual([]);
        expect(await unread(other.id)).toEqual([theirs.id]);
      });
    });

    describe("readStates", () => {
      it("put keeps the higher lastSeq, so a late or repeated mark never moves reading back", async () => {
        const { motion, reader } = await motionAndReader();
        const mark = (lastSeq: number, at: number) =>
          rows.write((tx) =>
            tx.readStates.put({
              userId: reader.id,
              motionId: motion.id,
              lastSeq,
              readAt: minute(at),
            }),
          );
        expect(await store.readStates.get(reader.id, motion.id)).toBeUndefined();
        await mark(5, 1);
        expect(await store.readStates.get(reader.id, motion.id)).toEqual({
          userId: reader.id,
          motionId: motion.id,
          lastSeq: 5,
          readAt: minute(1),
        });
        await mark(3, 2);
        await mark(5, 3);
        expect((await store.readStates.get(reader.id, motion.id))?.lastSeq).toBe(5);
        await mark(8, 4);
        expect(await store.readStates.get(reader.id, motion.id)).toMatchObject({
          lastSeq: 8,
          readAt: minute(4),
        });
      });

      it("list gives the member's read states of the motions asked", async () => {
        const { space, motion, reader } = await motionAndReader();
        const { motion: unread } = await rows.motion(space.id);
        const { motion: unasked } = await rows.motion(space.id);
        const other = await rows.member(space.id);
        const state = (userId: string, motionId: string) => ({
          userId,
          motionId,
          lastSeq: 2,
          readAt: minute(1),
        });
        await rows.write(async (tx) => {
          await tx.readStates.put(state(reader.id, motion.id));
          await tx.readStates.put(state(reader.id, unasked.id));
          await tx.readStates.put(state(other.id, unread.id));
        });
        expect(await store.readStates.list(reader.id, [motion.id, unread.id])).toEqual([
          state(reader.id, motion.id),
        ]);
        expect(await store.readStates.list(reader.id, [])).toEqual([]);
      });

      it("unread counts others' published arguments made public after the member's lastSeq", async () => {
        const { space, motion: marked, reader } = await motionAndReader();
        const { motion: neverRead } = await rows.motion(space.id);
        const { motion: allRead } = await rows.motion(space.id);
        const post = (motionId: string, publishedSeq: number | null, change = {}) =>
          rows.argument(motionId, { publishedSeq, ...change });
        await post(marked.id, 2);
        await post(marked.id, 4);
        await post(marked.id, 6);
        await post(marked.id, 7, { authorId: reader.id });
        await post(marked.id, null, { status: "pending" });
        await post(marked.id, 8, { status: "hidden" });
        await post(neverRead.id, 1);
        await post(allRead.id, 1);
        await rows.write(async (tx) => {
          await tx.readStates.put({
            userId: reader.id,
            motionId: marked.id,
            lastSeq: 3,
            readAt: minute(1),
          });
          await tx.readStates.put({
            userId: reader.id,
            motionId: allRead.id,
            lastSeq: 1,
            readAt: minute(1),
          });
        });
        const counts = await store.readStates.unread(reader.id, [
          marked.id,
          neverRead.id,
          allRead.id,
        ]);
        expect(Object.fromEntries(counts)).toEqual({ [marked.id]: 2, [neverRead.id]: 1 });
        expect((await store.readStates.unread(reader.id, [])).size).toBe(0);
      });
    });

    describe("events", () => {
      const edited = (motionId: string, title: string): NewEvent => ({
        motionId,
        type: "motion.edited",
        data: { title, description: "" },
        actorId: "system",
        at: minute(1),
      });

      it("append gives each motion's events consecutive seqs from 1, counted on the motion", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        const { motion: other } = await rows.motion(space.id);
        const appended = await rows.write(async (tx) => [
          await tx.events.append(edited(motion.id, "One")),
          await tx.events.append(edited(other.id, "Elsewhere")),
          await tx.events.append({
            motionId: motion.id,
            type: "argument.pinned",
            data: { argumentId: "a1", pinned: true },
            actorId: "moderator",
            at: minute(2),
          }),
        ]);
        expect(appended).toEqual([
          { ...edited(motion.id, "One"), seq: 1 },
          { ...edited(other.id, "Elsewhere"), seq: 1 },
          {
            motionId: motion.id,
            seq: 2,
            type: "argument.pinned",
            data: { argumentId: "a1", pinned: true },
            actorId: "moderator",
            at: minute(2),
          },
        ]);
        expect(await store.events.after(motion.id, 0, 10)).toEqual([appended[0], appended[2]]);
        expect((await store.motions.get(motion.id))?.lastSeq).toBe(2);
      });

      it("append's seqs stay gap-free and unique under concurrency and after a rollback", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        await expect(
          rows.write(async (tx) => {
            await tx.events.append(edited(motion.id, "Rolled back"));
            throw new Error("the command failed");
          }),
        ).rejects.toThrow("the command failed");
        await expect(
          rows.write((tx) => tx.events.append(edited(newId(), "Nowhere"))),
        ).rejects.toThrow();
        const appended = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            rows.write((tx) => tx.events.append(edited(motion.id, `Title ${i}`))),
          ),
        );
        const seqs = Array.from({ length: 12 }, (_, i) => i + 1);
        expect(appended.map((e) => e.seq).sort((a, b) => a - b)).toEqual(seqs);
        expect((await store.events.after(motion.id, 0, 100)).map((e) => e.seq)).toEqual(seqs);
      });

      it("after gives the events past a seq, in order, at most limit", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        await rows.write(async (tx) => {
          for (const title of ["A", "B", "C", "D", "E"])
            await tx.events.append(edited(motion.id, title));
        });
        const after = await store.events.after(motion.id, 2, 2);
        expect(after.map((e) => [e.seq, e.type === "motion.edited" && e.data.title])).toEqual([
          [3, "C"],
          [4, "D"],
        ]);
        expect(await store.events.after(motion.id, 5, 10)).toEqual([]);
        expect(await store.events.after(newId(), 0, 10)).toEqual([]);
      });

      it("minutesActive counts the distinct clock minutes each actor logged events in, or one actor's", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        const { motion: other } = await rows.motion(space.id);
        const by = (motionId: string, actorId: string, at: Date): NewEvent => ({
          ...edited(motionId, actorId),
          actorId,
          at,
        });
        const later = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);
        await rows.write(async (tx) => {
          await tx.events.append(by(motion.id, "ana", minute(3)));
          // The same clock minute, 59.5 s on: not a minute more.
          await tx.events.append(by(motion.id, "ana", later(minute(3), 59.5)));
          await tx.events.append(by(motion.id, "ben", minute(4)));
          await tx.events.append(by(other.id, "ana", minute(5)));
          // The next clock minute, though less than a minute after the last.
          await tx.events.append(by(motion.id, "ana", later(minute(3), 60)));
          await tx.events.append(by(motion.id, "ana", minute(6)));
        });
        expect(await store.events.minutesActive(motion.id)).toEqual([
          { actorId: "ana", minutes: 3 },
          { actorId: "ben", minutes: 1 },
        ]);
        expect(await store.events.minutesActive(motion.id, "ana")).toEqual([
          { actorId: "ana", minutes: 3 },
        ]);
        expect(await store.events.minutesActive(motion.id, "cy")).toEqual([]);
      });

      it("ofTypes gives a motion's events of the types asked, in order", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        await rows.write(async (tx) => {
          await tx.events.append(edited(motion.id, "A"));
          await tx.events.append({
            motionId: motion.id,
            type: "motion.status",
            data: { status: "closed", previous: "open" },
            actorId: "moderator",
            at: minute(3),
          });
          await tx.events.append(edited(motion.id, "B"));
        });
        const titles = await store.events.ofTypes(motion.id, ["motion.edited"]);
        expect(titles.map((e) => [e.seq, e.data.title])).toEqual([
          [1, "A"],
          [3, "B"],
        ]);
        const both = await store.events.ofTypes(motion.id, ["motion.status", "motion.edited"]);
        expect(both.map((e) => e.seq)).toEqual([1, 2, 3]);
        expect(await store.events.ofTypes(motion.id, ["argument.posted"])).toEqual([]);
      });
    });
  });
}
