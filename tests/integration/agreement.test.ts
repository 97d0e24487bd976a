import { describe, expect, it } from "vitest";
import { PUT as agreementRoute } from "../../app/api/arguments/[id]/agreement/route";
import { GET as motionRoute } from "../../app/api/motions/[id]/route";
import type { Store } from "../../db/store";
import type { AgreementStance } from "../../lib/debate";
import { judgingDeck } from "../../server/domain/debate/deck";
import { agreeWithArgument, castVote } from "../../server/domain/debate/judge";
import { changeSettings } from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { eventsSince, getMotion } from "../../server/domain/debate/queries";
import { whoAgreed } from "../../server/domain/debate/whoAgreed";
import { muteMember } from "../../server/domain/spaces/members";
import { type Actor, anonymousActor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import { person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { dialects, sqliteTestStore } from "../support/stores";

const trade = "Trade moved inland by rail.";
const id = () => crypto.randomUUID();
const code = (o: { ok: boolean; error?: { code: string } }) => (o.ok ? "ok" : o.error?.code);

/** A seminar with one published argument by Ada, and the people who judge it. */
async function seminar(store: Store, visibility: "public" | "private" = "private") {
  const d = await debate(store, visibility);
  const [moderator, ada, ben, cleo, otto] = await Promise.all([
    d.member("Mona Moderator", "moderator"),
    d.member("Ada", "participant"),
    d.member("Ben", "participant"),
    d.member("Cleo", "participant"),
    d.member("Otto Observer", "observer"),
  ]);
  const as = {
    moderator: actorOf(moderator),
    ada: actorOf(ada),
    ben: actorOf(ben),
    cleo: actorOf(cleo),
    otto: actorOf(otto),
  };
  const posted = await must(postArgument(store, as.ada, argumentInput(d.motionId, d.cite(trade))));
  const argumentId = posted.argument.id;
  const agree = (who: Actor, stance: AgreementStance, on = argumentId) =>
    agreeWithArgument(store, who, { argumentId: on, clientId: id(), stance });
  return { d, people: { moderator, ada, ben, cleo, otto }, as, argumentId, agree };
}

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`agreeing with arguments, on ${dialect.name}`, () => {
    it("P-AGREE-1: participants agree, disagree or pass, and change their minds; the counts follow", async () => {
      const db = await dialect.open();
      try {
        const { d, as, argumentId, agree } = await seminar(db.store);
        expect(await agree(as.ben, "agree")).toMatchObject({
          ok: true,
          value: { argumentId, stance: "agree", agreement: { agree: 1, disagree: 0, pass: 0 } },
        });
        await must(agree(as.cleo, "pass"));
        await must(agree(as.ada, "agree"));
        const changed = await must(agree(as.ben, "disagree"));
        expect(changed.agreement).toEqual({ agree: 1, disagree: 1, pass: 1 });

        // The same stance again changes nothing and logs nothing (P-NOOP-1).
        const again = await must(agree(as.ben, "disagree"));
        expect(again.seq).toBe(changed.seq);
        expect((await db.store.motions.get(d.motionId))?.lastSeq).toBe(changed.seq);

        const view = await must(getMotion(db.store, as.ben, d.motionId));
        expect(view.arguments[0]?.agreement).toEqual({ agree: 1, disagree: 1, pass: 1 });
        expect(view.mine.agreements).toEqual({ [argumentId]: "disagree" });
        expect(view.can.agree).toBe(true);
        const observersView = await must(getMotion(db.store, as.otto, d.motionId));
        expect(observersView.mine.agreements).toEqual({});
        expect(observersView.can.agree).toBe(false);
      } finally {
        await db.dispose();
      }
    });

    it("P-AGREE-1: observers, visitors and outsiders may not; muted members may; only published arguments", async () => {
      const db = await dialect.open();
      try {
        const { d, people, as, argumentId, agree } = await seminar(db.store);
        expect(await agree(as.otto, "agree")).toMatchObject({
          ok: false,
          error: { code: "forbidden" },
        });
        const outsider = actorOf(await person(db.store, "Olli Outsider"));
        expect(code(await agree(outsider, "agree"))).toBe("not_found");
        expect(code(await agree(as.ben, "agree", id()))).toBe("not_found");
        expect(
          code(await agreeWithArgument(db.store, as.ben, { argumentId, stance: "maybe" })),
        ).toBe("invalid_input");

        await must(
          muteMember(db.store, as.moderator, {
            spaceId: d.spaceId,
            userId: people.cleo.id,
            muted: true,
          }),
        );
        expect(code(await agree(as.cleo, "disagree"))).toBe("ok");
        expect(code(await agree(as.moderator, "agree"))).toBe("ok");

        await must(
          changeSettings(db.store, as.moderator, {
            motionId: d.motionId,
            clientId: id(),
            settings: { approvalRequired: true },
          }),
        );
        const pending = await must(
          postArgument(db.store, as.ben, argumentInput(d.motionId, d.cite(trade))),
        );
        expect(code(await agree(as.cleo, "agree", pending.argument.id))).toBe("not_found");
        expect(code(await agree(as.moderator, "agree", pending.argument.id))).toBe("conflict");
        expect(await db.store.agreements.list([pending.argument.id])).toEqual([]);

        const open = await seminar(db.store, "public");
        expect(code(await agree(anonymousActor, "agree", open.argumentId))).toBe("unauthenticated");
      } finally {
        await db.dispose();
      }
    });

    it("deals the arguments a participant has not judged, the other side's newest first", async () => {
      const db = await dialect.open();
      try {
        const { d, as, argumentId, agree } = await seminar(db.store);
        const post = async (who: Actor, relation: "for" | "against") =>
          (
            await must(
              postArgument(db.store, who, argumentInput(d.motionId, d.cite(trade), { relation })),
            )
          ).argument.id;
        const against1 = await post(as.cleo, "against");
        const for2 = await post(as.cleo, "for");
        const against2 = await post(as.moderator, "against");
        const own = await post(as.ben, "against");
        await must(
          castVote(db.store, as.ben, {
            motionId: d.motionId,
            clientId: id(),
            phase: "before",
            stance: "for",
          }),
        );
        const deck = await must(judgingDeck(db.store, as.ben, d.motionId));
        expect(deck).toMatchObject({
          canJudge: true,
          otherSide: "against",
          judged: 0,
          total: 4,
          otherSideLeft: 2,
        });
        expect(deck.cards.map((c) => c.id)).toEqual([against2, against1, for2, argumentId]);
        expect(deck.cards.map((c) => c.id)).not.toContain(own);
        expect(deck.cards[0]).toMatchObject({ side: "against", quotes: [trade] });
        expect(JSON.stringify(deck)).not.toContain(as.moderator.id);

        await must(agree(as.ben, "pass", against2));
        const next = await must(judgingDeck(db.store, as.ben, d.motionId));
        expect(next).toMatchObject({ judged: 1, otherSideLeft: 1 });
        expect(next.cards.map((c) => c.id)).toEqual([against1, for2, argumentId]);

        const observers = await must(judgingDeck(db.store, as.otto, d.motionId));
        expect(observers).toMatchObject({ canJudge: false, cards: [] });
      } finally {
        await db.dispose();
      }
    });

    it("P-AGREE-2: moderators of a motion that is not anonymous see who agreed; nobody else does", async () => {
      const db = await dialect.open();
      try {
        const { d, as, argumentId, agree } = await seminar(db.store);
        await must(agree(as.ben, "agree"));
        await must(agree(as.cleo, "disagree"));
        expect(await must(whoAgreed(db.store, as.moderator, argumentId))).toEqual({
          argumentId,
          people: [
            { user: { id: as.ben.id, name: "Ben" }, stance: "agree" },
            { user: { id: as.cleo.id, name: "Cleo" }, stance: "disagree" },
          ],
        });
        expect(code(await whoAgreed(db.store, as.ben, argumentId))).toBe("forbidden");
        const outsider = actorOf(await person(db.store, "Olli Outsider"));
        expect(code(await whoAgreed(db.store, outsider, argumentId))).toBe("not_found");
        await must(
          changeSettings(db.store, as.moderator, {
            motionId: d.motionId,
            clientId: id(),
            settings: { anonymous: true },
          }),
        );
        expect(code(await whoAgreed(db.store, as.moderator, argumentId))).toBe("forbidden");
      } finally {
        await db.dispose();
      }
    });

    it("P-AGREE-2: the log tells the room the counts, never whose stance it was", async () => {
      const db = await dialect.open();
      try {
        const { d, as, agree } = await seminar(db.store);
        const { seq } = await must(agree(as.ben, "agree"));
        for (const reader of [as.cleo, as.moderator]) {
          const { events } = await must(
            eventsSince(db.store, reader, { motionId: d.motionId, sinceSeq: seq - 1 }),
          );
          const agreed = events.find((e) => e.seq === seq);
          expect(agreed).toMatchObject({ type: "argument.agreed", actor: "" });
          expect(JSON.stringify(agreed)).not.toContain(as.ben.id);
        }
      } finally {
        await db.dispose();
      }
    });
  });
}

describe("agreement over REST", () => {
  it("PUT /api/arguments/:id/agreement takes a stance; GET /api/motions/:id shows the counts and one's own", async () => {
    const db = await sqliteTestStore();
    setTestRuntime(db.store);
    try {
      const { d, people, argumentId } = await seminar(db.store);
      const put = (cookie: string | undefined, body: unknown) =>
        agreementRoute(
          new Request(`http://localhost/api/arguments/${argumentId}/agreement`, {
            method: "PUT",
            headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
            body: JSON.stringify(body),
          }),
          { params: Promise.resolve({ id: argumentId }) },
        );
      const answer = await put(people.ben.cookie, { clientId: id(), stance: "agree" });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({
        stance: "agree",
        agreement: { agree: 1, disagree: 0, pass: 0 },
      });
      expect((await put(people.ben.cookie, { stance: "perhaps" })).status).toBe(400);
      expect((await put(people.otto.cookie, { stance: "agree" })).status).toBe(403);
      expect((await put(undefined, { stance: "agree" })).status).toBe(404);

      const motion = await motionRoute(
        new Request(`http://localhost/api/motions/${d.motionId}`, {
          headers: { cookie: people.ben.cookie },
        }),
        { params: Promise.resolve({ id: d.motionId }) },
      );
      const body = await motion.json();
      expect(body.arguments[0].agreement).toEqual({ agree: 1, disagree: 0, pass: 0 });
      expect(body.mine.agreements).toEqual({ [argumentId]: "agree" });
    } finally {
      await db.dispose();
    }
  });
});
