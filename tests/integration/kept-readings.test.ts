import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { citedPassages } from "../../lib/debate";
import { flattenTree } from "../../lib/live";
import { argumentPage } from "../../server/domain/debate/argumentPages";
import { withdrawArgument } from "../../server/domain/debate/changeArgument";
import { agreeWithArgument, castVote, rateArgument } from "../../server/domain/debate/judge";
import { changeMotionStatus } from "../../server/domain/debate/lifecycle";
import {
  changeSettings,
  lockMotion,
  pinArgument,
  spotlightArgument,
} from "../../server/domain/debate/moderate";
import { citedIn, SUMMARY } from "../../server/domain/debate/motionSummary";
import { postArgument } from "../../server/domain/debate/postArgument";
import { projectorView } from "../../server/domain/debate/projector";
import { getMotion, readableRows } from "../../server/domain/debate/queries";
import { argumentShapesOf, citedSpansOf, treeInTurns } from "../../server/domain/debate/shapeCache";
import { shapeOf, shapeTree } from "../../server/domain/debate/shapeTree";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import type { Person } from "../support/people";
import { dialects, type TestStore } from "../support/stores";

// What the pages read of all of a motion's arguments is kept while its log has not moved on, moved
// on over events that change little of it (votes, agreements, ratings, pins, the spotlight, the
// motion's settings and status), and read on after posts from where it ended: a class voting,
// rating and posting does not make the next reader of a big debate read it all again. Any other
// event among them has it read whole.
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
    /** The tree of the shapes as a participant reads it, and as a whole build makes it. */
    const treeNow = async () => {
      const { motion, shapes } = await shapesNow();
      const viewer = { id: actorOf(ana).id, moderates: false };
      const rows = readableRows(shapes, viewer);
      return {
        tree: await shapeTree(db.store, motion, viewer, rows),
        whole: await treeInTurns(rows.map(shapeOf)),
      };
    };
    /** The passages cited, counted from every stored citation. */
    const wholeCount = async () => {
      const spans = await db.store.motions.citedSpans(d.motionId);
      const shapes = await db.store.motions.argumentShapes(d.motionId);
      return citedPassages(
        shapes.map((shape) => ({
          ...shape,
          citations: spans
            .filter((span) => span.argumentId === shape.id)
            .map((span) => ({
              documentId: span.documentId,
              anchor: { start: span.anchorStart, end: span.anchorEnd },
            })),
        })),
      );
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

    it("reads on after posts from where it ended, and grows the tree by them, as a whole reading would read", async () => {
      const before = await shapesNow();
      const cited = await citedSpansOf(db.store, before.motion);
      const { tree } = await treeNow();
      await citedIn(db.store, before.motion);
      await vote(voters[0] as Person, "for");
      const first = await post(ben, "Posted between two votes.");
      // The passages counted at this seq, on top of those before: the next count goes on from it.
      const between = await shapesNow();
      expect(await citedIn(db.store, between.motion)).toEqual(await wholeCount());
      await vote(voters[1] as Person, "against");
      // Something else read at this seq, not the arguments: the next reading reads on all the same.
      await must(projectorView(db.store, actorOf(ana), d.motionId));
      const second = await post(ana, "Posted after them.");
      const { argument: reply } = await must(
        postArgument(
          db.store,
          actorOf(ben),
          argumentInput(d.motionId, d.cite("Trade moved inland by rail."), {
            parentId: posted[1] as string,
            relation: "attacks",
            body: "A reply to the second argument.",
          }),
        ),
      );
      const grown = await treeNow();
      expect(grown.tree).toEqual(grown.whole);
      expect(grown.tree[0]).toBe(tree[0]);
      expect(grown.tree[1]).not.toBe(tree[1]);
      expect(grown.tree[1]?.children.map((node) => node.id)).toContain(reply.id);
      expect(grown.tree.slice(-2).map((node) => node.id)).toEqual([first, second]);
      const after = await shapesNow();
      const counted = await citedIn(db.store, after.motion);
      expect(counted).toEqual(await wholeCount());
      expect(counted.map((passage) => passage.for + passage.against)).toEqual([posted.length + 1]);
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

    it("is moved on over pins, the spotlight, settings locks and status, and the page holds what they show", async () => {
      // More than the page holds of a debate: the oldest arguments are left out of it.
      for (let i = 0; i < SUMMARY.budget; i++) await post(i % 2 ? ana : ben, `Filler ${i}.`);
      const [oldest, nextOldest] = posted as [string, string];
      const mo = await d.member("Mo", "moderator");
      const moderate = (command: typeof pinArgument, input: object) =>
        must(command(db.store, actorOf(mo), { ...input, clientId: crypto.randomUUID() }));
      const held = async () => {
        const view = await must(getMotion(db.store, actorOf(ana), d.motionId, { summary: true }));
        expect(view.partial).toBeDefined();
        return flattenTree(view.arguments);
      };
      const heldIds = async () => (await held()).map((argument) => argument.id);
      expect(await heldIds()).not.toContain(oldest);
      const before = await shapesNow();

      await moderate(spotlightArgument, { motionId: d.motionId, argumentId: oldest });
      expect(await heldIds()).toContain(oldest);
      await moderate(pinArgument, { argumentId: nextOldest, pinned: true });
      expect(await heldIds()).toEqual(expect.arrayContaining([oldest, nextOldest]));
      await moderate(spotlightArgument, { motionId: d.motionId, argumentId: null });
      await moderate(pinArgument, { argumentId: nextOldest, pinned: false });
      const cleared = await heldIds();
      expect(cleared).not.toContain(oldest);
      expect(cleared).not.toContain(nextOldest);

      await moderate(changeSettings, { motionId: d.motionId, settings: { anonymous: true } });
      const bens = (await held()).filter((argument) => argument.author.id === ben.id);
      expect(bens).toEqual([]);
      await moderate(changeSettings, { motionId: d.motionId, settings: { anonymous: false } });
      await moderate(lockMotion, { motionId: d.motionId, locked: true });
      const locked = await must(getMotion(db.store, actorOf(ana), d.motionId, { summary: true }));
      expect(locked.status).toBe("closed");
      await moderate(lockMotion, { motionId: d.motionId, locked: false });
      await moderate(changeMotionStatus, { motionId: d.motionId, status: "closed" });
      await moderate(changeMotionStatus, { motionId: d.motionId, status: "open" });

      const after = await shapesNow();
      expect(after.seq).toBe(before.seq + 10);
      expect(after.shapes).toBe(before.shapes);
      expect((await held()).some((argument) => argument.author.id === ben.id)).toBe(true);
    });
  });
}
