import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DELETED_MEMBER } from "../../lib/accounts";
import { selectorAt } from "../../lib/anchoring";
import { citedPassages } from "../../lib/debate";
import { flattenTree } from "../../lib/live";
import { sessionFromHeaders } from "../../server/auth/session";
import { deleteAccount } from "../../server/domain/accounts/deleteAccount";
import { argumentPage } from "../../server/domain/debate/argumentPages";
import { editArgument, withdrawArgument } from "../../server/domain/debate/changeArgument";
import { agreeWithArgument, castVote, rateArgument } from "../../server/domain/debate/judge";
import { changeMotionStatus } from "../../server/domain/debate/lifecycle";
import {
  approveArgument,
  changeSettings,
  hideArgument,
  lockMotion,
  pinArgument,
  rejectArgument,
  restoreArgument,
  spotlightArgument,
} from "../../server/domain/debate/moderate";
import { citedIn, SUMMARY } from "../../server/domain/debate/motionSummary";
import { postArgument } from "../../server/domain/debate/postArgument";
import { projectorView } from "../../server/domain/debate/projector";
import { getMotion, readableRows } from "../../server/domain/debate/queries";
import { argumentShapesOf, citedSpansOf, treeInTurns } from "../../server/domain/debate/shapeCache";
import { shapeOf, shapeTree } from "../../server/domain/debate/shapeTree";
import { addVersion } from "../../server/domain/library/addVersion";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import { type Person, testAuthSecret } from "../support/people";
import { dialects, type TestStore } from "../support/stores";

// What the pages read of all of a motion's arguments is kept while its log has not moved on, moved
// on over events that change little of it (votes, agreements, ratings, pins, the spotlight, the
// motion's settings and status, a document's new version), read on after posts from where it
// ended, and after an argument changed (edited, withdrawn, hidden, restored, approved, turned
// down, its author's account deleted) with that argument read again: a class voting, rating,
// posting and moderating does not make the next reader of a big debate read it all again. Any
// other event among them has it read whole.
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
    const postReply = async (who: Person, parentId: string, body: string) =>
      (
        await must(
          postArgument(
            db.store,
            actorOf(who),
            argumentInput(d.motionId, d.cite("Trade moved inland by rail."), {
              parentId,
              relation: "attacks",
              body,
            }),
          ),
        )
      ).argument;
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
    /** The tree of the shapes as a participant (or `viewer`) reads it, and as a whole build makes it. */
    const treeNow = async (viewer = { id: actorOf(ana).id, moderates: false }) => {
      const { motion, shapes } = await shapesNow();
      const rows = readableRows(shapes, viewer);
      return {
        tree: await shapeTree(db.store, motion, viewer, rows),
        whole: await treeInTurns(rows.map(shapeOf), { keepHidden: viewer.moderates }),
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
    type Viewer = { id: string; moderates: boolean };
    /** What a reader and a moderator read now, kept to compare what is read after events with. */
    const readNow = async (viewers: Record<"reader" | "moderator", Viewer>) => {
      const before = await shapesNow();
      const cited = await citedSpansOf(db.store, before.motion);
      const trees = {
        reader: await treeNow(viewers.reader),
        moderator: await treeNow(viewers.moderator),
      };
      await citedIn(db.store, before.motion);
      /** Each kept part as a whole reading makes it, the first thread and argument not read again. */
      const asWhole = async () => {
        const now = await shapesNow();
        expect(now.shapes).toEqual(await db.store.motions.argumentShapes(d.motionId));
        expect(now.shapes[0]).toBe(before.shapes[0]);
        for (const who of ["reader", "moderator"] as const) {
          const { tree, whole } = await treeNow(viewers[who]);
          expect(tree).toEqual(whole);
          expect(tree[0]).toBe(trees[who].tree[0]);
        }
        expect(await citedIn(db.store, now.motion)).toEqual(await wholeCount());
        expect(await citedSpansOf(db.store, now.motion)).toEqual(
          await db.store.motions.citedSpans(d.motionId),
        );
        return now;
      };
      return { before, cited, asWhole };
    };
    const pageIds = async (who: Person) => {
      const view = await must(getMotion(db.store, actorOf(who), d.motionId));
      return flattenTree(view.arguments).map((argument) => argument.id);
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
      const reply = await postReply(ben, posted[1] as string, "A reply to the second argument.");
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

    it("reads again only the arguments an edit, a withdrawal, a hiding, a restore, an approval or a rejection changes, and builds their threads again", async () => {
      const mo = await d.member("Moe", "moderator");
      const moderator = { id: actorOf(mo).id, moderates: true };
      const reader = { id: actorOf(voters[0] as Person).id, moderates: false };
      const moderate = (command: typeof hideArgument, input: object) =>
        must(command(db.store, actorOf(mo), { ...input, clientId: crypto.randomUUID() }));
      const change = (command: typeof withdrawArgument, who: Person, input: object) =>
        must(command(db.store, actorOf(who), { ...input, clientId: crypto.randomUUID() }));
      const top = await post(ben, "A thread of its own.");
      const reply = await postReply(ana, top, "A reply to the thread of its own.");
      const lone = await post(ana, "Posted, then taken back.");
      const { before, cited, asWhole } = await readNow({ reader, moderator });

      await change(editArgument, ben, { argumentId: top, body: "A thread of its own, edited." });
      await asWhole();
      const edited = await must(getMotion(db.store, actorOf(ana), d.motionId));
      expect(edited.arguments.find((argument) => argument.id === top)?.body).toBe(
        "A thread of its own, edited.",
      );
      await change(editArgument, ana, { argumentId: lone, body: "Posted, edited, taken back." });
      // Only the arguments are read at this seq: the trees go on from before the edit.
      await shapesNow();
      await change(withdrawArgument, ben, { argumentId: top });
      await asWhole();
      // A post and a withdrawal between two readers: the passages are counted all again.
      await post(ben, "Posted as another was taken back.");
      await change(withdrawArgument, ana, { argumentId: lone });
      await asWhole();
      // Withdrawn with a reply, it stays as a placeholder; without, it leaves the page.
      expect(await pageIds(ana)).toEqual(expect.arrayContaining([top]));
      expect(await pageIds(ana)).not.toContain(lone);
      await moderate(hideArgument, { argumentId: reply.id, reason: "Off topic" });
      await asWhole();
      expect(await pageIds(ana)).not.toContain(top);
      expect(await pageIds(ana)).not.toContain(reply.id);
      // A new version of the document moves a hidden argument's citation and logs nothing on a
      // motion that neither draws on the document nor cites it in public (reanchorDocument):
      // restored, the argument counts where its citation stands now.
      const harbour = "The harbour was closed in winter.";
      const start = d.text.indexOf(harbour);
      await db.store.transaction((tx) =>
        tx.arguments.setCitationAnchor(reply.id, 0, {
          anchorStatus: "moved",
          anchorConfidence: 1,
          anchorVersionId: d.versionId,
          anchorStart: start,
          anchorEnd: start + harbour.length,
        }),
      );
      await moderate(restoreArgument, { argumentId: reply.id });
      const restored = await asWhole();
      expect(await pageIds(ana)).toEqual(expect.arrayContaining([top, reply.id]));
      // None of these changed where a citation stands: what is kept of them is not read again.
      const citedNow = await citedSpansOf(db.store, restored.motion);
      expect(citedNow[0]).toBe(cited[0]);
      expect(citedNow).toEqual(await db.store.motions.citedSpans(d.motionId));

      await moderate(changeSettings, {
        motionId: d.motionId,
        settings: { approvalRequired: true },
      });
      const waiting = [];
      for (const body of ["Waiting, then approved.", "Waiting, then turned down."]) {
        const { argument } = await must(
          postArgument(
            db.store,
            actorOf(ana),
            argumentInput(d.motionId, d.cite("Trade moved inland by rail."), { body }),
          ),
        );
        expect(argument.status).toBe("pending");
        waiting.push(argument.id);
      }
      // Read while they wait: the citations kept hold theirs for when one is approved.
      await asWhole();
      const [approved, rejected] = waiting as [string, string];
      await moderate(approveArgument, { argumentId: approved });
      await moderate(rejectArgument, { argumentId: rejected, reason: "Not on the motion." });
      await moderate(changeSettings, {
        motionId: d.motionId,
        settings: { approvalRequired: false },
      });
      const after = await asWhole();
      expect(after.seq).toBe(before.seq + 13);
      expect(await pageIds(voters[0] as Person)).toContain(approved);
      expect(await pageIds(voters[0] as Person)).not.toContain(rejected);
      expect(await pageIds(ana)).toEqual(expect.arrayContaining([approved, rejected]));
    });

    it("counts a post once that was committed while the counts before it were being made", async () => {
      // Past 50 events the next reading is made whole, here for a reader who read the motion
      // before the post: what that reading counts holds the post already.
      const cleo = await d.member("Cleo", "participant");
      for (let i = 0; i < 51; i++) await vote(cleo, i % 2 ? "for" : "against");
      const read = await db.store.motions.get(d.motionId);
      if (!read) throw new Error("the motion is gone");
      await post(ben, "Committed while the counts were being made.");
      const early = await citedIn(db.store, read);
      expect(early).toEqual(await wholeCount());
      const now = await shapesNow();
      expect(now.seq).toBe(read.lastSeq + 1);
      expect(await citedIn(db.store, now.motion)).toEqual(early);
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

    it("keeps the arguments and their trees over a document's new version, reading its citations again, and reads again only the arguments of an account deleted", async () => {
      const mona = await d.member("Mona", "moderator");
      const reader = { id: actorOf(voters[1] as Person).id, moderates: false };
      const moderator = { id: actorOf(mona).id, moderates: true };
      const cy = await d.member("Cy", "participant");
      const dee = await d.member("Dee", "participant");
      const cost = "Nobody expected the rail line to pay for itself.";
      const citingCost = await must(
        postArgument(
          db.store,
          actorOf(cy),
          argumentInput(d.motionId, d.cite(cost), { body: "It never paid." }),
        ),
      );
      const moved = citingCost.argument.id;
      const deesOwn = await post(dee, "A thread of Dee's.");
      const deesReply = await postReply(
        dee,
        posted[1] as string,
        "Dee's reply to another's thread.",
      );
      const { before, asWhole } = await readNow({ reader, moderator });

      // Each new version puts a paragraph in at the top: every citation moves, each to where its
      // passage is in the new version. The arguments and their trees are kept, the citations
      // read again, whether what was kept of them was read at the last event (here a post, read
      // by its shapes alone) or before it.
      let text = d.text;
      const costAt = () => text.indexOf(cost);
      const newVersion = async () => {
        text = `A later note.\n\n${text}`;
        await must(
          addVersion(db.store, actorOf(mona), {
            clientId: crypto.randomUUID(),
            documentId: d.documentId,
            text,
          }),
        );
      };
      const citedAt = async () => {
        const view = await must(getMotion(db.store, actorOf(ana), d.motionId));
        return view.arguments.find((argument) => argument.id === moved)?.citations[0]?.anchor;
      };
      /** A post citing the passage where it is in the document's latest version. */
      const postNow = (body: string) => {
        const quote = "Trade moved inland by rail.";
        const start = text.indexOf(quote);
        const citation = {
          documentId: d.documentId,
          ...selectorAt(text, start, start + quote.length),
        };
        return must(
          postArgument(db.store, actorOf(ana), argumentInput(d.motionId, citation, { body })),
        );
      };
      await postNow("Posted before the first new version.");
      await newVersion();
      expect((await asWhole()).seq).toBe(before.seq + 2);
      expect((await citedAt())?.start).toBe(costAt());
      await postNow("Posted before the second new version.");
      await shapesNow();
      await newVersion();
      expect((await asWhole()).seq).toBe(before.seq + 4);
      expect((await citedAt())?.start).toBe(costAt());
      expect(costAt()).toBe(d.text.indexOf(cost) + 2 * "A later note.\n\n".length);

      // Signed in through an identity provider just now: the sign-in confirms the deletion.
      await db.store.transaction((tx) => tx.users.update(dee.id, { passwordHash: null }));
      const { sessionId } = await sessionFromHeaders(
        db.store,
        new Headers({ cookie: dee.cookie }),
        testAuthSecret,
      );
      await must(deleteAccount(db.store, actorOf(dee), { sessionId }));
      const deleted = await asWhole();
      expect(deleted.seq).toBe(before.seq + 5);
      const named = flattenTree(
        (await must(getMotion(db.store, actorOf(ana), d.motionId))).arguments,
      );
      for (const id of [deesOwn, deesReply.id]) {
        expect(named.find((argument) => argument.id === id)?.author.name).toBe(DELETED_MEMBER);
      }
    });
  });
}
