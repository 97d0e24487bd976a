import { describe, expect, it } from "vitest";
import type { Store } from "../../db/store";
import { editArgument, withdrawArgument } from "../../server/domain/debate/changeArgument";
import { castVote, rateArgument } from "../../server/domain/debate/judge";
import {
  changeSettings,
  hideArgument,
  lockMotion,
  pinArgument,
  restoreArgument,
  spotlightArgument,
} from "../../server/domain/debate/moderate";
import { moderationLog } from "../../server/domain/debate/moderationLog";
import { postArgument } from "../../server/domain/debate/postArgument";
import { getMotion } from "../../server/domain/debate/queries";
import type { Actor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { person } from "../support/people";
import { dialects } from "../support/stores";

const trade = "Trade moved inland by rail.";
const code = (o: { ok: boolean; error?: { code: string } }) => (o.ok ? "ok" : o.error?.code);
const id = () => crypto.randomUUID();

async function room(store: Store) {
  const d = await debate(store, "private");
  const moderator = actorOf(await d.member("Mona Moderator", "moderator"));
  const student = actorOf(await d.member("Sam Student", "participant"));
  const outsider = actorOf(await person(store, "Olli Outsider"));
  const post = async (who: Actor, change = {}) => {
    const outcome = await postArgument(
      store,
      who,
      argumentInput(d.motionId, d.cite(trade), change),
    );
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value.argument.id;
  };
  const view = async (who: Actor) => {
    const outcome = await getMotion(store, who, d.motionId);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value;
  };
  return { d, moderator, student, outsider, post, view };
}

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`a moderator's commands, on ${dialect.name}`, () => {
    it("only owners and moderators moderate; outsiders find nothing", async () => {
      const db = await dialect.open();
      try {
        const { d, moderator, student, outsider } = await room(db.store);
        const settings = { motionId: d.motionId, settings: { evidenceRequired: false } };
        expect(code(await changeSettings(db.store, student, { ...settings, clientId: id() }))).toBe(
          "forbidden",
        );
        expect(
          code(await changeSettings(db.store, outsider, { ...settings, clientId: id() })),
        ).toBe("not_found");
        const changed = await changeSettings(db.store, moderator, { ...settings, clientId: id() });
        expect(changed.ok && changed.value.settings).toMatchObject({ evidenceRequired: false });
        expect((await db.store.motions.get(d.motionId))?.settings.evidenceRequired).toBe(false);
      } finally {
        await db.dispose();
      }
    });

    it("a locked motion takes no posts or votes until it is unlocked", async () => {
      const db = await dialect.open();
      try {
        const { d, moderator, student, post } = await room(db.store);
        expect(
          code(
            await lockMotion(db.store, moderator, {
              motionId: d.motionId,
              clientId: id(),
              locked: true,
            }),
          ),
        ).toBe("ok");
        const refused = await postArgument(
          db.store,
          student,
          argumentInput(d.motionId, d.cite(trade)),
        );
        expect(code(refused)).toBe("conflict");
        const vote = { motionId: d.motionId, clientId: id(), phase: "before", stance: "for" };
        expect(code(await castVote(db.store, student, vote))).toBe("conflict");
        expect(
          code(
            await lockMotion(db.store, moderator, {
              motionId: d.motionId,
              clientId: id(),
              locked: false,
            }),
          ),
        ).toBe("ok");
        expect(await post(student)).toBeTruthy();
      } finally {
        await db.dispose();
      }
    });

    it("a hidden argument is gone for participants, kept for moderators, and comes back when restored", async () => {
      const db = await dialect.open();
      try {
        const { d, moderator, student, post, view } = await room(db.store);
        const argumentId = await post(student, { body: "An insult, not an argument." });
        const noReason = await hideArgument(db.store, moderator, {
          argumentId,
          clientId: id(),
          reason: " ",
        });
        expect(code(noReason)).toBe("invalid_input");
        const hidden = await hideArgument(db.store, moderator, {
          argumentId,
          clientId: id(),
          reason: "Personal attack",
        });
        expect(code(hidden)).toBe("ok");

        expect((await view(student)).arguments.map((a) => a.id)).not.toContain(argumentId);
        expect((await view(moderator)).arguments).toEqual([
          expect.objectContaining({
            id: argumentId,
            status: "hidden",
            body: "An insult, not an argument.",
          }),
        ]);
        const classmate = actorOf(await d.member("Cleo Classmate", "participant"));
        const rating = { argumentId, clientId: id(), score: 2 };
        expect(code(await rateArgument(db.store, classmate, rating))).toBe("not_found");

        expect(
          code(await restoreArgument(db.store, moderator, { argumentId, clientId: id() })),
        ).toBe("ok");
        expect((await view(student)).arguments).toEqual([
          expect.objectContaining({
            id: argumentId,
            status: "published",
            body: "An insult, not an argument.",
          }),
        ]);
      } finally {
        await db.dispose();
      }
    });

    it("a hidden argument with replies stays as an empty placeholder for participants", async () => {
      const db = await dialect.open();
      try {
        const { d, moderator, student, post, view } = await room(db.store);
        const parent = await post(student, { body: "Hide me." });
        await post(moderator, {
          parentId: parent,
          relation: "attacks",
          body: "A reply that stays.",
        });
        await hideArgument(db.store, moderator, {
          argumentId: parent,
          clientId: id(),
          reason: "Off topic",
        });
        const [placeholder] = (await view(student)).arguments;
        expect(placeholder).toMatchObject({
          id: parent,
          status: "hidden",
          body: "",
          citations: [],
        });
        expect(placeholder?.children.map((c) => c.body)).toEqual(["A reply that stays."]);
        expect(d.motionId).toBeTruthy();
      } finally {
        await db.dispose();
      }
    });

    it("P-LIVE-3: hiding, restoring and withdrawing log where the argument stands and whether it stays as a placeholder: a reply everyone sees hangs below it, at any depth", async () => {
      const db = await dialect.open();
      try {
        const { d, moderator, student, post } = await room(db.store);
        const classmate = actorOf(await d.member("Cleo Classmate", "participant"));
        const top = await post(student, { body: "Hide and restore me." });
        const quoted = d.cite(trade);
        const middle = await post(classmate, { parentId: top, relation: "attacks" });
        const below = await post(student, { parentId: middle, relation: "attacks" });
        // What a page that does not hold the argument hears, from the log as from the room.
        const logged = async (outcome: { ok: boolean; value?: { seq: number } }) => {
          if (!outcome.value) throw new Error("refused");
          const [event] = await db.store.events.after(d.motionId, outcome.value.seq - 1, 1);
          if (!event) throw new Error("nothing logged");
          return { type: event.type, ...(event.data as { place?: unknown; replied?: boolean }) };
        };
        const hiddenAndRestored = async () => {
          const hide = { argumentId: top, clientId: id(), reason: "Off topic" };
          const hidden = await logged(await hideArgument(db.store, moderator, hide));
          const restore = { argumentId: top, clientId: id() };
          const restored = await logged(await restoreArgument(db.store, moderator, restore));
          expect(hidden).toMatchObject({
            type: "argument.hidden",
            place: { above: [] },
            cited: [{ documentId: quoted.documentId, start: quoted.start, end: quoted.end }],
          });
          expect(restored).toMatchObject({ type: "argument.restored", place: { above: [] } });
          expect(restored.replied).toBe(hidden.replied);
          return restored.replied;
        };
        const withdraw = async (who: Actor, argumentId: string) =>
          logged(await withdrawArgument(db.store, who, { argumentId, clientId: id() }));
        expect(await hiddenAndRestored()).toBe(true);
        // Withdrawn, the middle reply stays a placeholder while the one below it is public.
        expect(await withdraw(classmate, middle)).toMatchObject({
          type: "argument.withdrawn",
          place: { above: [top], side: "against" },
          replied: true,
        });
        expect(await hiddenAndRestored()).toBe(true);
        expect(await withdraw(student, below)).toMatchObject({
          place: { above: [top, middle], side: "for" },
          replied: false,
        });
        expect(await hiddenAndRestored()).toBe(false);
      } finally {
        await db.dispose();
      }
    });

    it("P-LIVE-3: withdrawn with only an argument a moderator hid below it, an argument is logged as staying in moderators' threads alone, as their read keeps it", async () => {
      const db = await dialect.open();
      try {
        const { d, moderator, student, post, view } = await room(db.store);
        const classmate = actorOf(await d.member("Cleo Classmate", "participant"));
        const top = await post(student, { body: "Withdraw me." });
        const reply = await post(classmate, { parentId: top, relation: "attacks" });
        const hide = { argumentId: reply, clientId: id(), reason: "Spam" };
        await hideArgument(db.store, moderator, hide);
        const withdraw = { argumentId: top, clientId: id() };
        const withdrawn = await withdrawArgument(db.store, student, withdraw);
        if (!withdrawn.ok) throw new Error(withdrawn.error.message);
        const [event] = await db.store.events.after(d.motionId, withdrawn.value.seq - 1, 1);
        expect(event?.data).toMatchObject({ replied: false, repliedForModerators: true });
        const tops = async (who: Actor) => (await view(who)).arguments.map((a) => a.id);
        expect(await tops(moderator)).toEqual([top]);
        expect(await tops(classmate)).toEqual([]);
      } finally {
        await db.dispose();
      }
    });

    it("pins and spotlights arguments of the motion only, and the log says who did what and why", async () => {
      const db = await dialect.open();
      try {
        const { d, moderator, student, post, view } = await room(db.store);
        const argumentId = await post(student);
        await pinArgument(db.store, moderator, { argumentId, clientId: id(), pinned: true });
        await spotlightArgument(db.store, moderator, {
          motionId: d.motionId,
          clientId: id(),
          argumentId,
        });
        expect(await view(student)).toMatchObject({
          pinned: [argumentId],
          spotlightId: argumentId,
        });

        // A pin leads its side: a reply, which stays under what it answers, is not pinned.
        const reply = await post(student, { parentId: argumentId, relation: "supports" });
        const pinReply = await pinArgument(db.store, moderator, {
          argumentId: reply,
          clientId: id(),
          pinned: true,
        });
        expect(pinReply).toMatchObject({
          ok: false,
          error: { code: "conflict", message: expect.stringContaining("not a reply") },
        });
        expect((await view(student)).pinned).toEqual([argumentId]);

        const other = await room(db.store);
        const elsewhere = await other.post(other.student);
        const wrong = await spotlightArgument(db.store, moderator, {
          motionId: d.motionId,
          clientId: id(),
          argumentId: elsewhere,
        });
        expect(code(wrong)).toBe("not_found");
        await spotlightArgument(db.store, moderator, {
          motionId: d.motionId,
          clientId: id(),
          argumentId: null,
        });
        await pinArgument(db.store, moderator, { argumentId, clientId: id(), pinned: false });
        await hideArgument(db.store, moderator, {
          argumentId,
          clientId: id(),
          reason: "Duplicate",
        });
        expect(await view(student)).toMatchObject({ pinned: [], spotlightId: null });

        expect(code(await moderationLog(db.store, student, d.motionId))).toBe("forbidden");
        const log = await moderationLog(db.store, moderator, d.motionId);
        expect(log.ok && log.value.map((e) => [e.type, e.moderator.name])).toEqual([
          ["argument.pinned", "Mona Moderator"],
          ["argument.spotlighted", "Mona Moderator"],
          ["argument.spotlighted", "Mona Moderator"],
          ["argument.pinned", "Mona Moderator"],
          ["argument.hidden", "Mona Moderator"],
        ]);
        expect(log.ok && log.value.at(-1)?.data).toMatchObject({ reason: "Duplicate" });
      } finally {
        await db.dispose();
      }
    });
  });
}

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`a spotlit argument withdrawn, on ${dialect.name}`, () => {
    it("leaves the spotlight empty, as one hidden does", async () => {
      const db = await dialect.open();
      try {
        const { d, moderator, student, post, view } = await room(db.store);
        const argumentId = await post(student, { body: "On the screen." });
        await spotlightArgument(db.store, moderator, {
          motionId: d.motionId,
          clientId: id(),
          argumentId,
        });
        expect((await view(moderator)).spotlightId).toBe(argumentId);
        const withdrawn = await withdrawArgument(db.store, student, { argumentId, clientId: id() });
        expect(withdrawn.ok).toBe(true);
        expect((await view(moderator)).spotlightId).toBeNull();
        expect((await view(student)).spotlightId).toBeNull();
      } finally {
        await db.dispose();
      }
    });
  });
}

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`what a hidden argument may not do, on ${dialect.name}`, () => {
    it("cannot be edited, pinned, or stay in the spotlight; a participant cannot tell it exists", async () => {
      const db = await dialect.open();
      try {
        const { d, moderator, student, post, view } = await room(db.store);
        const argumentId = await post(student, { body: "First words." });
        await spotlightArgument(db.store, moderator, {
          motionId: d.motionId,
          clientId: id(),
          argumentId,
        });
        await hideArgument(db.store, moderator, { argumentId, clientId: id(), reason: "Rude" });
        expect((await view(moderator)).spotlightId).toBeNull();

        const edit = await editArgument(db.store, student, {
          argumentId,
          clientId: id(),
          body: "New words.",
        });
        expect(code(edit)).toBe("conflict");
        expect(
          code(
            await pinArgument(db.store, moderator, { argumentId, clientId: id(), pinned: true }),
          ),
        ).toBe("conflict");

        const classmate = actorOf(await d.member("Cleo", "participant"));
        const probe = { argumentId, clientId: id(), reason: "Curious" };
        const unknown = { ...probe, argumentId: crypto.randomUUID() };
        expect(await hideArgument(db.store, classmate, probe)).toEqual(
          await hideArgument(db.store, classmate, unknown),
        );
      } finally {
        await db.dispose();
      }
    });
  });
}
