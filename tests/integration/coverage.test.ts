import { describe, expect, it } from "vitest";
import { GET as coverageRoute } from "../../app/api/documents/[id]/coverage/route";
import type { Store } from "../../db/store";
import { defaultMotionSettings } from "../../lib/debate";
import { createMotion } from "../../server/domain/debate/createMotion";
import { hideArgument, restoreArgument } from "../../server/domain/debate/moderate";
import { postArgument } from "../../server/domain/debate/postArgument";
import { addVersion } from "../../server/domain/library/addVersion";
import { documentCoverage, uncitedPassages } from "../../server/domain/library/coverage";
import { documentPassages } from "../../server/domain/library/passages";
import { type Actor, systemActor } from "../../server/policy";
import { actorOf, argumentInput, debate } from "../support/debate";
import { must } from "../support/outcome";
import { person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { dialects } from "../support/stores";

const id = () => crypto.randomUUID();
const harbour = "The harbour was closed in winter.";
const trade = "Trade moved inland by rail.";
const doubt = "Nobody expected the rail line to pay for itself.";

/**
 * The sample document's blocks are a heading, the harbour-and-trade paragraph and the
 * paragraph of doubt. Aida argues for, citing the harbour; Bek against, citing the doubt; Dana
 * attacks Aida (so argues against) citing the trade sentence, and supports Bek citing both.
 */
async function citedDebate(store: Store) {
  const d = await debate(store, "private");
  const moderator = actorOf(await d.member("Mona Moderator", "moderator"));
  const aida = actorOf(await d.member("Aida", "participant"));
  const bek = actorOf(await d.member("Bek", "participant"));
  const dana = actorOf(await d.member("Dana", "participant"));
  const post = async (who: Actor, quotes: string[], change = {}) =>
    (
      await must(
        postArgument(store, who, {
          ...argumentInput(d.motionId, d.cite(quotes[0] as string), change),
          citations: quotes.map(d.cite),
        }),
      )
    ).argument.id;
  const aidaFor = await post(aida, [harbour], { relation: "for" });
  const bekAgainst = await post(bek, [doubt], { relation: "against" });
  const attack = await post(dana, [trade], { parentId: aidaFor, relation: "attacks" });
  const support = await post(dana, [trade, doubt], { parentId: bekAgainst, relation: "supports" });
  const coverage = async (who: Actor) =>
    (await must(documentCoverage(store, who, d.documentId))).map((b) => [b.for, b.against]);
  const uncited = async (who: Actor, motionId = d.motionId) =>
    (await must(uncitedPassages(store, who, motionId))).map((p) => p.text);
  return { d, moderator, aida, bek, dana, post, support, attack, coverage, uncited };
}

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`evidence coverage, on ${dialect.name}`, () => {
    it("counts each paragraph's citations for and against, a reply taking its side from its parent", async () => {
      const db = await dialect.open();
      try {
        const { d, aida, moderator, coverage } = await citedDebate(db.store);
        // Heading; harbour (for) + trade twice (both replies argue against); doubt twice, against.
        const expected = [
          [0, 0],
          [1, 2],
          [0, 2],
        ];
        expect(await coverage(aida)).toEqual(expected);
        expect(await coverage(moderator)).toEqual(expected);
        const blocks = await must(documentCoverage(db.store, aida, d.documentId));
        expect(d.text.slice(blocks[1]?.start, blocks[1]?.end)).toBe(`${harbour} ${trade}`);
      } finally {
        await db.dispose();
      }
    });

    it("leaves out hidden and pending arguments, and a reader who may not read the space learns nothing", async () => {
      const db = await dialect.open();
      try {
        const { d, aida, moderator, dana, support, post, coverage } = await citedDebate(db.store);
        await must(
          hideArgument(db.store, moderator, {
            argumentId: support,
            clientId: id(),
            reason: "Off topic",
          }),
        );
        const motion = await db.store.motions.get(d.motionId);
        const settings = { ...(motion?.settings ?? defaultMotionSettings), approvalRequired: true };
        await db.store.transaction((tx) => tx.motions.update(d.motionId, { settings }));
        await post(dana, [harbour], { relation: "against" });

        const expected = [
          [0, 0],
          [1, 1],
          [0, 1],
        ];
        expect(await coverage(aida)).toEqual(expected);
        // Moderators read hidden and pending posts, but neither stands in the debate.
        expect(await coverage(moderator)).toEqual(expected);

        const outsider = actorOf(await person(db.store, "Olli Outsider"));
        const refused = await documentCoverage(db.store, outsider, d.documentId);
        expect(refused.ok ? "ok" : refused.error.code).toBe("not_found");
      } finally {
        await db.dispose();
      }
    });

    it("the document's marks count each cited passage for and against as the motion's page does, hidden, pending and draft arguments left out", async () => {
      const db = await dialect.open();
      try {
        const { d, aida, moderator, dana, support, post } = await citedDebate(db.store);
        const title = (await db.store.motions.get(d.motionId))?.title;
        const marks = async (who: Actor) =>
          (await documentPassages(db.store, who, d.documentId))
            .filter((mark) => mark.id.startsWith("cited-"))
            .map((mark) => [d.text.slice(mark.start, mark.end), mark.label]);
        const cited = (label: string) => `${label}, in “${title}”`;
        expect(await marks(aida)).toEqual([
          [harbour, cited("Cited 1 time for the motion")],
          [trade, cited("Cited 2 times against the motion")],
          [doubt, cited("Cited 2 times against the motion")],
        ]);
        // Read again after a hiding and a post waiting for approval: neither counts, for anyone.
        await must(
          hideArgument(db.store, moderator, { argumentId: support, clientId: id(), reason: "Off" }),
        );
        const motion = await db.store.motions.get(d.motionId);
        const settings = { ...(motion?.settings ?? defaultMotionSettings), approvalRequired: true };
        await db.store.transaction((tx) => tx.motions.update(d.motionId, { settings }));
        await post(dana, [harbour], { relation: "against" });
        const after = [
          [harbour, cited("Cited 1 time for the motion")],
          [trade, cited("Cited 1 time against the motion")],
          [doubt, cited("Cited 1 time against the motion")],
        ];
        expect(await marks(aida)).toEqual(after);
        expect(await marks(moderator)).toEqual(after);
        // Back in draft, the motion is its moderators' alone.
        await db.store.transaction((tx) => tx.motions.update(d.motionId, { status: "draft" }));
        expect(await marks(aida)).toEqual([]);
        expect(await marks(moderator)).toEqual(after);
      } finally {
        await db.dispose();
      }
    });

    it("a participant does not count the arguments of a motion back in draft; its moderators do", async () => {
      const db = await dialect.open();
      try {
        const { d, aida, moderator, coverage, uncited } = await citedDebate(db.store);
        await db.store.transaction((tx) => tx.motions.update(d.motionId, { status: "draft" }));
        expect(await coverage(aida)).toEqual([
          [0, 0],
          [0, 0],
          [0, 0],
        ]);
        expect(await coverage(moderator)).toEqual([
          [0, 0],
          [1, 2],
          [0, 2],
        ]);
        const hidden = await uncitedPassages(db.store, aida, d.motionId);
        expect(hidden.ok ? "ok" : hidden.error.code).toBe("not_found");
        expect(await uncited(moderator)).toEqual([]);
      } finally {
        await db.dispose();
      }
    });

    it("after a new version of the document, the counts follow the citations to where they stand now", async () => {
      const db = await dialect.open();
      try {
        const { d, aida, moderator, coverage } = await citedDebate(db.store);
        await must(
          addVersion(db.store, moderator, {
            clientId: id(),
            documentId: d.documentId,
            text: "Preface\n\nThis report was revised after the inquiry.\n\n1. Findings\n\nThe harbour was shut every winter. Trade moved inland by rail.",
          }),
        );
        // The harbour quote is found reworded, the trade sentence moved; the doubt is gone.
        expect(await coverage(aida)).toEqual([
          [0, 0],
          [0, 0],
          [0, 0],
          [1, 2],
        ]);
      } finally {
        await db.dispose();
      }
    });

    it("lists the paragraphs of a motion's sources no argument cites yet, and none once all are", async () => {
      const db = await dialect.open();
      try {
        const { d, aida, bek, moderator, post, uncited } = await citedDebate(db.store);
        const start = d.text.indexOf(harbour);
        const end = d.text.indexOf(doubt) + doubt.length;
        const wide = await must(
          createMotion(db.store, systemActor, {
            clientId: id(),
            spaceId: d.spaceId,
            title: "The report tells the whole story",
            status: "open",
            settings: { evidenceRequired: true },
            sources: [d.cite(d.text.slice(start, end))],
          }),
        );
        // Cut into its two paragraphs; the first motion's citations count for the first only.
        expect(await uncited(aida, wide.motionId)).toEqual([`${harbour} ${trade}`, doubt]);
        expect(await uncited(aida)).toEqual([]);

        await post(bek, [doubt], { relation: "against" });
        expect(await uncited(aida, wide.motionId)).toEqual([`${harbour} ${trade}`, doubt]);
        const onWide = await postArgument(db.store, bek, {
          ...argumentInput(wide.motionId, d.cite(doubt)),
          relation: "against",
        });
        if (!onWide.ok) throw new Error(onWide.error.message);
        expect(await uncited(aida, wide.motionId)).toEqual([`${harbour} ${trade}`]);
        // A hidden argument cites nothing for the room; restored, it cites again.
        const change = { argumentId: onWide.value.argument.id, clientId: id() };
        await must(hideArgument(db.store, moderator, { ...change, reason: "Off topic" }));
        expect(await uncited(aida, wide.motionId)).toEqual([`${harbour} ${trade}`, doubt]);
        await must(restoreArgument(db.store, moderator, { ...change, clientId: id() }));
        expect(await uncited(aida, wide.motionId)).toEqual([`${harbour} ${trade}`]);
        await postArgument(db.store, aida, argumentInput(wide.motionId, d.cite(trade)));
        expect(await uncited(aida, wide.motionId)).toEqual([]);
      } finally {
        await db.dispose();
      }
    });

    it("GET /api/documents/:id/coverage answers a reader the counts, and an outsider not_found", async () => {
      const db = await dialect.open();
      try {
        const { d } = await citedDebate(db.store);
        setTestRuntime(db.store);
        const ask = (cookie: string) =>
          coverageRoute(
            new Request(`http://localhost/api/documents/${d.documentId}/coverage`, {
              headers: { cookie },
            }),
            { params: Promise.resolve({ id: d.documentId }) },
          );
        const reader = await d.member("Rhea Reader", "observer");
        const answer = await ask(reader.cookie);
        expect(answer.status).toBe(200);
        expect(((await answer.json()) as { for: number; against: number }[])[1]).toMatchObject({
          for: 1,
          against: 2,
        });
        const outsider = await person(db.store, "Olli Outsider");
        expect((await ask(outsider.cookie)).status).toBe(404);
      } finally {
        await db.dispose();
      }
    });
  });
}
