import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { argumentPage } from "../../server/domain/debate/argumentPages";
import { withdrawArgument } from "../../server/domain/debate/changeArgument";
import { agreeWithArgument, castVote, rateArgument } from "../../server/domain/debate/judge";
import { postArgument } from "../../server/domain/debate/postArgument";
import { projectorView } from "../../server/domain/debate/projector";
import { getMotion } from "../../server/domain/debate/queries";
import { argumentShapesOf, citedSpansOf } from "../../server/domain/debate/shapeCache";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import type { Person } from "../support/people";
import { dialects, type TestStore } from "../support/stores";

// What the pages read of all of a motion's arguments is kept while its log has not moved on, moved
// on over events that change little of it (votes, agreements, ratings), and read on after posts
// from where it ended: a class voting, rating and posting does not make the next reader of a big
// debate read it all again. Any other event among them has it read whole.
for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`a motion's kept reading on ${dialect.name}`, () => {
    let db: TestStore;
    let d: Awaited<ReturnType<typeof debate>>;
    let ana: Person;
    let ben: Person;
    let voters: Person[];
    const posted: string[] = [];

    const post = async (who: Person, body: string) => {
      const { argument } = await must(
        postArgument(
          db.store,
          actorOf(who),
          argumentInput(d.motionId, d.cite("Trade moved inland by rail."), { body }),
        ),
      );
      posted.push(argument.id);
      return argument.id;
    };
    const vote = (who: Person, stance: "for" | "against") =>
      must(
        castVote(db.store, actorOf(who), {
          motionId: d.motionId,
          clientId: crypto.randomUUID(),
          phase: "before",
          stance,
        }),
      );
    const rate = (who: Person, argumentId: string, score: number) =>
      must(
        rateArgument(db.store, actorOf(who), {
          argumentId,
          score,
          clientId: crypto.randomUUID(),
        }),
      );
    /** The kept shapes of the motion's arguments, as a reader arriving now reads them. */
    const shapesNow = async () => {
      const motion = await db.store.motions.get(d.motionId);
      if (!motion) throw new Error("the motion is gone");
      return { motion, seq: motion.lastSeq, shapes: await argumentShapesOf(db.store, motion) };
    };
    const pageIds = async (who: Person) => {
      const view = await must(getMotion(db.store, actorOf(who), d.motionId));
      return view.arguments.map((argument) => argument.id);
    };

    beforeAll(async () => {
      db = await dialect.open();
      d = await debate(db.store, "private");
      ana = await d.member("Ana", "participant");
      ben = await d.member("Ben", "participant");
      voters = [];
      for (let i = 0; i < 3; i++) voters.push(await d.member(`Voter ${i}`, "participant"));
      for (let i = 0; i < 4; i++) await post(i % 2 ? ana : ben, `For ${i}.`);
    });
    afterAll(() => db.dispose());

    it("is moved on over votes and agreements, and the page shows them", async () => {
      const before = await shapesNow();
      await vote(ana, "for");
      await must(
        agreeWithArgument(db.store, actorOf(ana), {
          argumentId: posted[0] as string,
          clientId: crypto.randomUUID(),
          stance: "agree",
        }),
      );
      await vote(ben, "against");
      const after = await shapesNow();
      expect(after.seq).toBe(before.seq + 3);
      expect(after.shapes).toBe(before.shapes);
      const view = await must(getMotion(db.store, actorOf(ana), d.motionId));
      expect(view.arguments.map((argument) => argument.id).sort()).toEqual([...posted].sort());
      expect(view.votes.before).toMatchObject({ for: 1, against: 1 });
    });

    it("reads on after posts from where it ended, as a whole reading would read", async () => {
      const before = await shapesNow();
      const cited = await citedSpansOf(db.store, before.motion);
      await vote(voters[0] as Person, "for");
      const first = await post(ben, "Posted between two votes.");
      await vote(voters[1] as Person, "against");
      // Something else read at this seq, not the arguments: the next reading reads on all the same.
      await must(projectorView(db.store, actorOf(ana), d.motionId));
      const second = await post(ana, "Posted after them.");
      const after = await shapesNow();
      expect(after.shapes).not.toBe(before.shapes);
      expect(after.shapes[0]).toBe(before.shapes[0]);
      expect(after.shapes.map((shape) => shape.id)).toEqual(
        expect.arrayContaining([first, second]),
      );
      expect(after.shapes).toEqual(await db.store.motions.argumentShapes(d.motionId));
      const citedAfter = await citedSpansOf(db.store, after.motion);
      expect(citedAfter[0]).toBe(cited[0]);
      expect(citedAfter).toEqual(await db.store.motions.citedSpans(d.motionId));
      expect(await pageIds(ana)).toEqual(expect.arrayContaining([first, second]));
    });

    it("is read whole again when a withdrawal is among the events", async () => {
      const before = await shapesNow();
      const late = await post(ben, "Posted, then taken back.");
      await must(
        withdrawArgument(db.store, actorOf(ben), {
          argumentId: late,
          clientId: crypto.randomUUID(),
        }),
      );
      const after = await shapesNow();
      expect(after.shapes[0]).not.toBe(before.shapes[0]);
      expect(after.shapes).toEqual(await db.store.motions.argumentShapes(d.motionId));
      expect(await pageIds(ana)).not.toContain(late);
    });

    it("is moved on over ratings, and the room's strongest follow them", async () => {
      const [first, second] = posted as [string, string];
      const before = await shapesNow();
      await rate(voters[0] as Person, second, 2);
      await vote(voters[2] as Person, "for");
      const rated = await must(projectorView(db.store, actorOf(ana), d.motionId));
      expect(rated.strongest.for).toEqual([second]);
      await rate(voters[0] as Person, first, 4);
      await vote(voters[2] as Person, "against");
      const rerated = await must(projectorView(db.store, actorOf(ana), d.motionId));
      expect(rerated.strongest.for).toEqual([first, second]);
      const after = await shapesNow();
      expect(after.seq).toBe(before.seq + 4);
      expect(after.shapes).toBe(before.shapes);
      const order = await must(
        argumentPage(db.store, actorOf(ana), d.motionId, {
          side: "for",
          order: "strength",
          limit: 2,
        }),
      );
      expect(order.arguments.map((argument) => argument.id)).toEqual([first, second]);
    });

    it("is read again past 50 events, whatever they are", async () => {
      const before = await shapesNow();
      for (let i = 0; i < 51; i++) await vote(ana, i % 2 ? "for" : "against");
      const after = await shapesNow();
      expect(after.seq).toBe(before.seq + 51);
      expect(after.shapes).not.toBe(before.shapes);
      expect(after.shapes).toEqual(before.shapes);
    });

    it("reads on to a post made in the millisecond of the posts it kept, which sorts after them", async () => {
      // The server's clock held still: posts in one millisecond are stamped a millisecond apart,
      // and a vote is stamped now, before the last of them; the post after it still sorts last.
      vi.useFakeTimers({ toFake: ["Date"] });
      try {
        vi.setSystemTime(Date.now() + 60_000);
        for (let i = 0; i < 3; i++) await post(ana, `Posted in one millisecond, ${i}.`);
        const before = await shapesNow();
        const cited = await citedSpansOf(db.store, before.motion);
        await vote(voters[1] as Person, "for");
        const late = await post(ben, "Posted after the vote, in the same millisecond.");
        const after = await shapesNow();
        expect(after.shapes.at(-1)?.id).toBe(late);
        expect(after.shapes[0]).toBe(before.shapes[0]);
        expect(after.shapes).toEqual(await db.store.motions.argumentShapes(d.motionId));
        const citedAfter = await citedSpansOf(db.store, after.motion);
        expect(citedAfter[0]).toBe(cited[0]);
        expect(citedAfter.map((span) => span.argumentId)).toContain(late);
        expect(citedAfter).toEqual(await db.store.motions.citedSpans(d.motionId));
      } finally {
        vi.useRealTimers();
      }
    });
  });
}
