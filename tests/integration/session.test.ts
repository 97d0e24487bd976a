import { describe, expect, it, vi } from "vitest";
import type { Store } from "../../db/store";
import type { PhaseAction, SessionState } from "../../lib/session";
import { editArgument, withdrawArgument } from "../../server/domain/debate/changeArgument";
import { castVote } from "../../server/domain/debate/judge";
import {
  approveArgument,
  changeSettings,
  hideArgument,
  pinArgument,
  rejectArgument,
} from "../../server/domain/debate/moderate";
import { moderationLog } from "../../server/domain/debate/moderationLog";
import { postArgument } from "../../server/domain/debate/postArgument";
import { eventsSince, getArgument, getMotion } from "../../server/domain/debate/queries";
import { assignSide, runPhase, setTimer } from "../../server/domain/debate/session";
import { muteMember } from "../../server/domain/spaces/members";
import type { Actor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { dialects } from "../support/stores";

const trade = "Trade moved inland by rail.";
const id = () => crypto.randomUUID();
const code = (o: { ok: boolean; error?: { code: string } }) => (o.ok ? "ok" : o.error?.code);

async function classroom(store: Store) {
  const d = await debate(store, "private");
  const teacher = await d.member("Tess Teacher", "moderator");
  const ada = await d.member("Ada Lovelace", "participant");
  const ben = await d.member("Ben Okafor", "participant");
  const [moderator, first, second] = [teacher, ada, ben].map(actorOf) as [Actor, Actor, Actor];
  const settings = (change: Record<string, unknown>) =>
    changeSettings(store, moderator, { motionId: d.motionId, clientId: id(), settings: change });
  const phase = async (action: PhaseAction, seconds?: number) => {
    const outcome = await runPhase(store, moderator, {
      motionId: d.motionId,
      clientId: id(),
      action,
      seconds,
    });
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value.session as SessionState;
  };
  const post = (who: Actor, change = {}) =>
    postArgument(store, who, argumentInput(d.motionId, d.cite(trade), change));
  const vote = (who: Actor, phase: "before" | "after") =>
    castVote(store, who, { motionId: d.motionId, clientId: id(), phase, stance: "for" });
  const view = async (who: Actor) => {
    const outcome = await getMotion(store, who, d.motionId);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value;
  };
  return { d, ada, moderator, first, second, settings, phase, post, vote, view };
}

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`moderated sessions, on ${dialect.name}`, () => {
    it("P-PHASE-1: a structured debate allows each vote and post only in its phase, with wrong_phase", async () => {
      const db = await dialect.open();
      try {
        const { d, ada, moderator, first, second, settings, phase, post, vote } = await classroom(
          db.store,
        );
        // Free discussion has no phases to run.
        const free = await runPhase(db.store, moderator, {
          motionId: d.motionId,
          clientId: id(),
          action: "start",
        });
        expect(free).toMatchObject({ ok: false, error: { code: "conflict" } });
        expect(code(await settings({ format: "oxford" }))).toBe("ok");

        expect(await post(first)).toMatchObject({
          ok: false,
          error: { code: "wrong_phase", message: "The debate has not started yet." },
        });
        expect(code(await vote(first, "before"))).toBe("wrong_phase");

        expect((await phase("start")).phase).toBe("opening-vote");
        expect(code(await vote(first, "before"))).toBe("ok");
        expect(await vote(first, "after")).toMatchObject({
          ok: false,
          error: { code: "wrong_phase", message: expect.stringContaining("final vote") },
        });
        expect(code(await post(first))).toBe("wrong_phase");

        expect((await phase("advance")).phase).toBe("opening-statements");
        expect(code(await vote(second, "before"))).toBe("wrong_phase");
        const side = (userId: string, value: "for" | "against" | null) =>
          assignSide(db.store, moderator, {
            motionId: d.motionId,
            clientId: id(),
            userId,
            side: value,
          });
        expect(code(await side(ada.id, "for"))).toBe("ok");
        expect(await post(second)).toMatchObject({
          ok: false,
          error: { code: "wrong_phase", message: expect.stringContaining("assigned speakers") },
        });
        expect(code(await post(first, { relation: "against" }))).toBe("wrong_phase");
        const opening = await post(first);
        expect(code(opening)).toBe("ok");
        const reply = await post(second, {
          parentId: opening.ok ? opening.value.argument.id : null,
          relation: "attacks",
        });
        expect(code(reply)).toBe("ok");
        // The moderator runs the room and is not held to the speakers' turns.
        expect(code(await post(moderator))).toBe("ok");

        expect((await phase("advance")).phase).toBe("open-floor");
        expect(code(await post(second, { relation: "against" }))).toBe("ok");
        expect((await phase("advance")).phase).toBe("rebuttals");
        expect((await phase("advance")).phase).toBe("closing-statements");
        expect(code(await post(second))).toBe("wrong_phase");
        expect((await phase("advance")).phase).toBe("final-vote");
        expect(code(await vote(second, "after"))).toBe("ok");
        expect(code(await vote(second, "before"))).toBe("wrong_phase");
        expect(code(await post(first))).toBe("wrong_phase");
        const ended = await phase("advance");
        expect(ended).toMatchObject({ phase: null, clock: "ended" });
        expect(await post(first)).toMatchObject({
          ok: false,
          error: { code: "wrong_phase", message: "The debate is over: it takes no more posts." },
        });
        expect(code(await vote(first, "after"))).toBe("wrong_phase");
        const log = await moderationLog(db.store, moderator, d.motionId);
        expect(log.ok && log.value.filter((e) => e.type === "session.phase")).toHaveLength(7);
      } finally {
        await db.dispose();
      }
    });

    it("P-TIMER-2: the clock is a deadline kept by the server: pause, resume, extend and set", async () => {
      const db = await dialect.open();
      // The server's clock, held still and moved by the test: every deadline is exact.
      vi.useFakeTimers({ toFake: ["Date"] });
      try {
        const { d, moderator, settings, phase } = await classroom(db.store);
        await settings({ format: "oxford" });
        const startedAt = Date.parse("2026-03-02T09:00:00Z");
        vi.setSystemTime(startedAt);
        const started = await phase("start", 90);
        expect(started.endsAt).toBe(new Date(startedAt + 90_000).toISOString());
        expect((await db.store.motions.get(d.motionId))?.session).toEqual(started);

        vi.setSystemTime(startedAt + 4_000);
        const paused = await phase("pause");
        expect(paused).toMatchObject({ clock: "paused", endsAt: null, remainingMs: 86_000 });
        const extended = await phase("extend", 30);
        expect(extended.remainingMs).toBe(116_000);
        // A paused clock keeps what was left, however long the pause.
        const resumedAt = startedAt + 60_000;
        vi.setSystemTime(resumedAt);
        const resumed = await phase("resume");
        expect(resumed).toMatchObject({
          clock: "running",
          endsAt: new Date(resumedAt + 116_000).toISOString(),
        });
        expect(
          code(
            await runPhase(db.store, moderator, {
              motionId: d.motionId,
              clientId: id(),
              action: "start",
            }),
          ),
        ).toBe("conflict");

        const set = await setTimer(db.store, moderator, {
          motionId: d.motionId,
          clientId: id(),
          seconds: 10,
        });
        const setSession = set.ok ? (set.value.session as SessionState) : null;
        expect(setSession?.endsAt).toBe(new Date(resumedAt + 10_000).toISOString());
        const overlong = await setTimer(db.store, moderator, {
          motionId: d.motionId,
          clientId: id(),
          seconds: 99_999,
        });
        expect(overlong).toMatchObject({ ok: false, error: { code: "invalid_input" } });
        // A new format starts the session over.
        await settings({ format: "free" });
        expect((await db.store.motions.get(d.motionId))?.session.clock).toBe("waiting");
      } finally {
        vi.useRealTimers();
        await db.dispose();
      }
    });

    it("P-TIMER-3: the moderator's phase lengths, set before the start, time each phase that has none given", async () => {
      const db = await dialect.open();
      vi.useFakeTimers({ toFake: ["Date"] });
      try {
        const { d, settings, phase } = await classroom(db.store);
        await settings({ format: "oxford" });
        const tooShort = await settings({ phaseSeconds: { "opening-vote": 5 } });
        expect(tooShort).toMatchObject({ ok: false, error: { code: "invalid_input" } });
        expect((await db.store.motions.get(d.motionId))?.settings.phaseSeconds).toBeUndefined();

        const lengths = { "opening-vote": 45, "opening-statements": 600 };
        expect(code(await settings({ phaseSeconds: lengths }))).toBe("ok");
        expect((await db.store.motions.get(d.motionId))?.settings.phaseSeconds).toEqual(lengths);
        const secondsLeft = (session: SessionState) =>
          (Date.parse(session.endsAt ?? "") - Date.now()) / 1000;
        expect(secondsLeft(await phase("start"))).toBe(45);
        expect(secondsLeft(await phase("advance"))).toBe(600);
        // A phase the moderator left alone runs its default length: the open floor, 15 minutes.
        expect(secondsLeft(await phase("advance"))).toBe(900);
      } finally {
        vi.useRealTimers();
        await db.dispose();
      }
    });

    it("P-MOD-3: a pending post is its author's and the moderators' until approved; a rejection tells only its author why", async () => {
      const db = await dialect.open();
      try {
        const { d, moderator, first, second, settings, post, view } = await classroom(db.store);
        await settings({ approvalRequired: true });
        const sent = await post(first, { body: "Rail beat the harbour." });
        if (!sent.ok) throw new Error(sent.error.message);
        const argumentId = sent.value.argument.id;
        expect(sent.value.argument.status).toBe("pending");

        expect((await view(second)).arguments).toEqual([]);
        expect(await getArgument(db.store, second, argumentId)).toMatchObject({
          ok: false,
          error: { code: "not_found" },
        });
        expect((await view(first)).arguments).toEqual([
          expect.objectContaining({ id: argumentId, status: "pending" }),
        ]);
        expect((await view(moderator)).arguments).toEqual([
          expect.objectContaining({ id: argumentId, status: "pending" }),
        ]);
        const replay = await eventsSince(db.store, second, { motionId: d.motionId });
        const replayed = replay.ok ? replay.value.events : [];
        expect(JSON.stringify(replayed)).not.toContain("Rail beat the harbour.");
        expect(replayed.at(-1)).toMatchObject({ type: "private", data: {}, actor: "" });
        // A moderator's own post needs nobody's approval.
        const moderators = await post(moderator, { body: "The teacher's framing." });
        expect(moderators.ok && moderators.value.argument.status).toBe("published");

        const participantTries = await approveArgument(db.store, second, {
          argumentId,
          clientId: id(),
        });
        expect(code(participantTries)).toBe("not_found");
        expect(
          code(await approveArgument(db.store, moderator, { argumentId, clientId: id() })),
        ).toBe("ok");
        expect((await view(second)).arguments.map((a) => a.body)).toContain(
          "Rail beat the harbour.",
        );
        expect(
          code(await approveArgument(db.store, moderator, { argumentId, clientId: id() })),
        ).toBe("conflict");

        const offTopic = await post(first, { body: "Off topic." });
        const offTopicId = offTopic.ok ? offTopic.value.argument.id : "";
        const rejected = await rejectArgument(db.store, moderator, {
          argumentId: offTopicId,
          clientId: id(),
          reason: "Stay with the rail line",
        });
        expect(code(rejected)).toBe("ok");
        expect((await view(first)).arguments).toContainEqual(
          expect.objectContaining({
            id: offTopicId,
            status: "rejected",
            rejectionReason: "Stay with the rail line",
          }),
        );
        expect(JSON.stringify(await view(second))).not.toContain("Off topic.");
        expect(JSON.stringify(await view(second))).not.toContain("Stay with the rail line");
      } finally {
        await db.dispose();
      }
    });

    it("P-ANON-1: in an anonymous motion participants see each other as stable pseudonyms; moderators see names", async () => {
      const db = await dialect.open();
      try {
        const { d, moderator, first, second, settings, post, view } = await classroom(db.store);
        const one = await post(first, { body: "First point." });
        const two = await post(first, { body: "Second point." });
        const three = await post(second, { body: "Ben's point." });
        expect(code(await settings({ anonymous: true, format: "oxford" }))).toBe("ok");
        // Who speaks for which side would name the speakers: each learns only their own.
        const speaks = await assignSide(db.store, moderator, {
          motionId: d.motionId,
          clientId: id(),
          userId: first.id,
          side: "for",
        });
        expect(code(speaks)).toBe("ok");
        expect((await view(first)).session.sides).toEqual({ [first.id]: "for" });
        expect((await view(moderator)).session.sides).toEqual({ [first.id]: "for" });

        const seenByBen = await view(second);
        expect(seenByBen.session.sides).toEqual({});
        const authors = new Map(seenByBen.arguments.map((a) => [a.body, a.author]));
        expect(authors.get("First point.")).toEqual({ id: "participant-1", name: "Participant 1" });
        expect(authors.get("Second point.")).toEqual({
          id: "participant-1",
          name: "Participant 1",
        });
        // Their own arguments stay theirs, so they can edit and withdraw them.
        expect(authors.get("Ben's point.")).toEqual({ id: second.id, name: "Ben Okafor" });
        const received = JSON.stringify([
          seenByBen,
          await eventsSince(db.store, second, { motionId: d.motionId }),
          await getArgument(db.store, second, one.ok ? one.value.argument.id : ""),
        ]);
        expect(received).not.toContain("Ada Lovelace");
        expect(received).not.toContain(first.id);
        expect(received).not.toContain("Tess Teacher");

        const seenByTeacher = JSON.stringify(await view(moderator));
        expect(seenByTeacher).toContain("Ada Lovelace");
        expect(seenByTeacher).toContain("Ben Okafor");
        expect(two.ok && three.ok).toBe(true);
      } finally {
        await db.dispose();
      }
    });

    it("a muted member reads and votes but does not post; only moderators mute, never a moderator", async () => {
      const db = await dialect.open();
      try {
        const { d, ada, moderator, first, second, post, vote } = await classroom(db.store);
        const mute = (who: Actor, userId: string, muted: boolean) =>
          muteMember(db.store, who, { spaceId: d.spaceId, userId, muted });
        expect(code(await mute(second, ada.id, true))).toBe("forbidden");
        expect(code(await mute(moderator, moderator.id, true))).toBe("conflict");
        expect(code(await mute(moderator, ada.id, true))).toBe("ok");
        expect(await post(first)).toMatchObject({
          ok: false,
          error: { code: "forbidden", message: expect.stringContaining("muted") },
        });
        expect(code(await vote(first, "before"))).toBe("ok");
        expect(code(await post(second))).toBe("ok");
        expect(code(await mute(moderator, ada.id, false))).toBe("ok");
        expect(code(await post(first))).toBe("ok");
      } finally {
        await db.dispose();
      }
    });

    it("what never went public stays so: withdrawn drafts, drafts before approval, words hidden since", async () => {
      const db = await dialect.open();
      try {
        const { d, moderator, first, second, settings, post, view } = await classroom(db.store);
        await settings({ approvalRequired: true });
        const posted = await post(first, { body: "First draft, unseen." });
        const draftId = posted.ok ? posted.value.argument.id : "";
        const edit = (body: string, argumentId = draftId) =>
          editArgument(db.store, first, { argumentId, clientId: id(), body });
        expect(code(await edit("Second draft, still unseen."))).toBe("ok");
        // The author and the moderators read it; nobody else learns it exists.
        expect(code(await getArgument(db.store, first, draftId))).toBe("ok");
        expect(code(await getArgument(db.store, moderator, draftId))).toBe("ok");
        expect(code(await getArgument(db.store, second, draftId))).toBe("not_found");
        const unpin = { argumentId: draftId, clientId: id(), pinned: false };
        expect(code(await pinArgument(db.store, moderator, unpin))).toBe("conflict");

        // Approved, its history shows others only what was said in public.
        await approveArgument(db.store, moderator, { argumentId: draftId, clientId: id() });
        expect(code(await edit("Third wording, in public."))).toBe("ok");
        const read = await getArgument(db.store, second, draftId);
        expect(read.ok && read.value.history.map((h) => h.body)).toEqual([
          "Second draft, still unseen.",
        ]);
        expect(JSON.stringify(read)).not.toContain("First draft");
        const own = await getArgument(db.store, first, draftId);
        expect(own.ok && own.value.history).toHaveLength(2);

        // Hidden after approval: a replay carries its words to nobody but the moderators.
        await hideArgument(db.store, moderator, {
          argumentId: draftId,
          clientId: id(),
          reason: "No",
        });
        const replay = await eventsSince(db.store, second, { motionId: d.motionId });
        expect(JSON.stringify(replay)).not.toContain("wording");
        const withdrawHidden = await withdrawArgument(db.store, first, {
          argumentId: draftId,
          clientId: id(),
        });
        expect(code(withdrawHidden)).toBe("conflict");
        const seenHidden = await getArgument(db.store, moderator, draftId);
        expect(seenHidden.ok && seenHidden.value.body).toBe("Third wording, in public.");

        // Withdrawn while pending, a post is gone for everyone else, reason and all.
        const second_ = await post(first, { body: "Rejected then withdrawn." });
        const rejectedId = second_.ok ? second_.value.argument.id : "";
        await rejectArgument(db.store, moderator, {
          argumentId: rejectedId,
          clientId: id(),
          reason: "Private reason",
        });
        const withdrawn = await withdrawArgument(db.store, first, {
          argumentId: rejectedId,
          clientId: id(),
        });
        expect(code(withdrawn)).toBe("ok");
        expect(code(await getArgument(db.store, second, rejectedId))).toBe("not_found");
        expect(JSON.stringify(await view(first))).not.toContain("Rejected then withdrawn.");
        expect(JSON.stringify(await view(second))).not.toContain("Private reason");
      } finally {
        await db.dispose();
      }
    });

    it("in one millisecond, a draft replaced before the approval stays unseen and a wording replaced after it shows", async () => {
      const db = await dialect.open();
      // The server's clock held still: the edits and the approval between them share a time.
      vi.useFakeTimers({ toFake: ["Date"] });
      try {
        const { moderator, first, second, settings, post } = await classroom(db.store);
        await settings({ approvalRequired: true });
        const posted = await post(first, { body: "Draft nobody else saw." });
        const draftId = posted.ok ? posted.value.argument.id : "";
        const edit = { argumentId: draftId, clientId: id(), body: "Wording sent for approval." };
        expect(code(await editArgument(db.store, first, edit))).toBe("ok");
        await approveArgument(db.store, moderator, { argumentId: draftId, clientId: id() });
        const later = { argumentId: draftId, clientId: id(), body: "Wording after approval." };
        expect(code(await editArgument(db.store, first, later))).toBe("ok");
        const read = await getArgument(db.store, second, draftId);
        expect(read.ok && read.value.history.map((h) => h.body)).toEqual([
          "Wording sent for approval.",
        ]);
        expect(JSON.stringify(read)).not.toContain("Draft nobody else saw.");
        const own = await getArgument(db.store, first, draftId);
        expect(own.ok && own.value.history.map((h) => h.body)).toEqual([
          "Draft nobody else saw.",
          "Wording sent for approval.",
        ]);
      } finally {
        vi.useRealTimers();
        await db.dispose();
      }
    });

    it("a speaker rewrites a statement only while its phase lasts; only participants are speakers", async () => {
      const db = await dialect.open();
      try {
        const { d, ada, moderator, first, settings, phase, post } = await classroom(db.store);
        await settings({ format: "oxford" });
        const observer = await d.member("Otto Observer", "observer");
        const assign = (userId: string) =>
          assignSide(db.store, moderator, {
            motionId: d.motionId,
            clientId: id(),
            userId,
            side: "for",
          });
        expect(code(await assign(observer.id))).toBe("conflict");
        expect(code(await assign(moderator.id))).toBe("conflict");
        expect(code(await assign(ada.id))).toBe("ok");
        await phase("start");
        await phase("advance");
        const statement = await post(first);
        const argumentId = statement.ok ? statement.value.argument.id : "";
        const edit = () =>
          editArgument(db.store, first, { argumentId, clientId: id(), body: "Rewritten." });
        expect(code(await edit())).toBe("ok");
        for (let i = 0; i < 4; i++) await phase("advance");
        expect(await edit()).toMatchObject({ ok: false, error: { code: "wrong_phase" } });
      } finally {
        await db.dispose();
      }
    });
  });
}
