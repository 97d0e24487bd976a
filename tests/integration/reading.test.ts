import { describe, expect, it } from "vitest";
import type { Store } from "../../db/store";
import { approveArgument, changeSettings, hideArgument } from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { listSpaceMotions } from "../../server/domain/debate/queries";
import { markAllRead, markRead } from "../../server/domain/reading/markRead";
import { readingOf } from "../../server/domain/reading/queries";
import { type Actor, anonymousActor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { motionOn } from "../support/fixtures";
import { person } from "../support/people";
import { startRealtime } from "../support/realtime";
import { dialects } from "../support/stores";

const trade = "Trade moved inland by rail.";
const code = (o: { ok: boolean; error?: { code: string } }) => (o.ok ? "ok" : o.error?.code);
const id = () => crypto.randomUUID();

async function room(store: Store, visibility: "public" | "private" = "private") {
  const d = await debate(store, visibility);
  const moderator = actorOf(await d.member("Mona Moderator", "moderator"));
  const a = await d.member("Ada Reader", "participant");
  const b = await d.member("Ben Poster", "participant");
  const post = async (who: Actor, change = {}) => {
    const outcome = await postArgument(
      store,
      who,
      argumentInput(d.motionId, d.cite(trade), change),
    );
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value;
  };
  /** What the space's motion list says is new to `who`, per motion id. */
  const unread = async (who: Actor) => {
    const listed = await listSpaceMotions(store, who, d.spaceId);
    if (!listed.ok) throw new Error(listed.error.message);
    return Object.fromEntries(listed.value.map((m) => [m.id, m.unread]));
  };
  const latest = async () => (await store.motions.get(d.motionId))?.lastSeq ?? -1;
  return { d, moderator, a, b, A: actorOf(a), B: actorOf(b), post, unread, latest };
}

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`read state and unread counts, on ${dialect.name}`, () => {
    it("P-READ-1: a post is new to every other member until they read it, never to its author", async () => {
      const db = await dialect.open();
      try {
        const { d, moderator, A, B, post, unread, latest } = await room(db.store);
        await post(B);
        await post(B);
        expect((await unread(A))[d.motionId]).toBe(2);
        expect((await unread(B))[d.motionId]).toBe(0);

        const marked = await markRead(db.store, A, { motionId: d.motionId, seq: await latest() });
        expect(marked).toMatchObject({ ok: true, value: { lastSeq: await latest() } });
        expect((await unread(A))[d.motionId]).toBe(0);
        await post(B);
        expect((await unread(A))[d.motionId]).toBe(1);
        const reading = await readingOf(db.store, A, d.motionId);
        expect(reading.ok && reading.value?.newIds).toHaveLength(1);
        expect((await unread(moderator))[d.motionId]).toBe(3);
      } finally {
        await db.dispose();
      }
    });

    it("P-READ-1: hidden and pending posts are never counted; an approved one counts from its approval", async () => {
      const db = await dialect.open();
      try {
        const { d, moderator, A, B, post, unread, latest } = await room(db.store);
        await post(B);
        const hiddenLater = await post(B);
        await hideArgument(db.store, moderator, {
          argumentId: hiddenLater.argument.id,
          clientId: id(),
          reason: "Off topic",
        });
        expect((await unread(A))[d.motionId]).toBe(1);

        await changeSettings(db.store, moderator, {
          motionId: d.motionId,
          clientId: id(),
          settings: { approvalRequired: true },
        });
        const waiting = await post(B);
        expect(waiting.argument.status).toBe("pending");
        expect((await unread(A))[d.motionId]).toBe(1);

        // A reads everything before the approval: the approved post is still new to them.
        await markRead(db.store, A, { motionId: d.motionId, seq: await latest() });
        expect((await unread(A))[d.motionId]).toBe(0);
        await approveArgument(db.store, moderator, {
          argumentId: waiting.argument.id,
          clientId: id(),
        });
        expect((await unread(A))[d.motionId]).toBe(1);
        const reading = await readingOf(db.store, A, d.motionId);
        expect(reading.ok && reading.value?.newIds).toEqual([waiting.argument.id]);
      } finally {
        await db.dispose();
      }
    });

    it("P-READ-1: reading only moves forward, and never past the motion's latest event", async () => {
      const db = await dialect.open();
      try {
        const { d, A, B, post, unread, latest } = await room(db.store);
        const first = await post(B);
        await post(B);
        const now = await latest();
        await markRead(db.store, A, { motionId: d.motionId, seq: now });
        const behind = await markRead(db.store, A, { motionId: d.motionId, seq: first.seq });
        expect(behind).toMatchObject({ ok: true, value: { lastSeq: now } });
        expect((await unread(A))[d.motionId]).toBe(0);
        const ahead = await markRead(db.store, A, { motionId: d.motionId, seq: now + 1 });
        expect(code(ahead)).toBe("invalid_input");
        expect(code(await markRead(db.store, A, { motionId: d.motionId }))).toBe("invalid_input");
      } finally {
        await db.dispose();
      }
    });

    it("mark all read clears every motion of the space for the reader alone", async () => {
      const db = await dialect.open();
      try {
        const { d, A, B, post, unread } = await room(db.store);
        const second = await motionOn(db.store, d.spaceId, d.documentId, d.text);
        await post(B);
        await postArgument(db.store, B, argumentInput(second, d.cite(trade)));
        expect(await unread(A)).toEqual({ [d.motionId]: 1, [second]: 1 });
        const all = await markAllRead(db.store, A, { spaceId: d.spaceId });
        expect(all.ok && all.value.motions).toHaveLength(2);
        expect(await unread(A)).toEqual({ [d.motionId]: 0, [second]: 0 });
        const carl = actorOf(await d.member("Carl Later", "participant"));
        expect(await unread(carl)).toEqual({ [d.motionId]: 1, [second]: 1 });
      } finally {
        await db.dispose();
      }
    });

    it("a visitor has no read state; an outsider cannot mark a private motion", async () => {
      const db = await dialect.open();
      try {
        const open = await room(db.store, "public");
        await open.post(open.B);
        expect(await open.unread(anonymousActor)).toEqual({ [open.d.motionId]: null });
        expect(
          code(await markRead(db.store, anonymousActor, { motionId: open.d.motionId, seq: 1 })),
        ).toBe("unauthenticated");
        expect(code(await markAllRead(db.store, anonymousActor, { spaceId: open.d.spaceId }))).toBe(
          "unauthenticated",
        );
        const reading = await readingOf(db.store, anonymousActor, open.d.motionId);
        expect(reading).toMatchObject({ ok: true, value: null });

        const closed = await room(db.store, "private");
        const outsider = actorOf(await person(db.store, "Olli Outsider"));
        const mark = { motionId: closed.d.motionId, seq: 0 };
        expect(code(await markRead(db.store, outsider, mark))).toBe("not_found");
        expect(code(await markRead(db.store, anonymousActor, mark))).toBe("not_found");
        expect(code(await markAllRead(db.store, outsider, { spaceId: closed.d.spaceId }))).toBe(
          "not_found",
        );
      } finally {
        await db.dispose();
      }
    });

    it("P-READ-2: a reader away while others post comes back to the right count, and motion:read clears it", async () => {
      const db = await dialect.open();
      const server = await startRealtime(db.store);
      try {
        const { d, a, b, A, B, unread } = await room(db.store);
        const poster = await server.client(b);
        const first = await poster.emitWithAck(
          "argument:post",
          argumentInput(d.motionId, d.cite(trade)),
        );
        if (!first.ok) throw new Error(first.error.message);

        const reader = await server.client(a);
        const joined = await reader.emitWithAck("motion:join", {
          motionId: d.motionId,
          sinceSeq: 0,
        });
        if (!joined.ok) throw new Error(joined.error.message);
        const read = await reader.emitWithAck("motion:read", {
          motionId: d.motionId,
          seq: joined.seq,
        });
        expect(read).toEqual({ ok: true, motionId: d.motionId, lastSeq: joined.seq });
        reader.disconnect();

        for (const body of ["While you were away.", "And one more."]) {
          const posted = await poster.emitWithAck(
            "argument:post",
            argumentInput(d.motionId, d.cite(trade), { body }),
          );
          if (!posted.ok) throw new Error(posted.error.message);
        }

        const back = await server.client(a);
        const replay = await back.emitWithAck("motion:join", {
          motionId: d.motionId,
          sinceSeq: joined.seq,
        });
        if (!replay.ok) throw new Error(replay.error.message);
        expect(replay.events.filter((e) => e.type === "argument.posted")).toHaveLength(2);
        expect((await unread(A))[d.motionId]).toBe(2);
        expect((await unread(B))[d.motionId]).toBe(0);

        const caughtUp = await back.emitWithAck("motion:read", {
          motionId: d.motionId,
          seq: replay.seq,
        });
        expect(caughtUp).toEqual({ ok: true, motionId: d.motionId, lastSeq: replay.seq });
        expect((await unread(A))[d.motionId]).toBe(0);

        const visitor = await server.client();
        expect(
          code(await visitor.emitWithAck("motion:read", { motionId: d.motionId, seq: 0 })),
        ).toBe("not_found");
      } finally {
        await server.close();
        await db.dispose();
      }
    });
  });
}
