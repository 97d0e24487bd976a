import { describe, expect, it } from "vitest";
import { POST as postVersion } from "../../app/api/documents/[id]/versions/route";
import { GET as listCitations } from "../../app/api/spaces/[id]/citations/route";
import type { Store } from "../../db/store";
import { defaultMotionSettings } from "../../lib/debate";
import { applyEvents, flattenTree, liveFrom } from "../../lib/live";
import { postArgument } from "../../server/domain/debate/postArgument";
import { eventsSince, getArgument, getMotion } from "../../server/domain/debate/queries";
import { motionResult } from "../../server/domain/debate/results";
import { argumentShapesOf } from "../../server/domain/debate/shapeCache";
import { addVersion } from "../../server/domain/library/addVersion";
import { citationsToReview, reviewCitation } from "../../server/domain/library/reviewCitations";
import { actorOf, argumentInput, debate, everyStanding } from "../support/debate";
import { sampleText } from "../support/fixtures";
import { type Person, person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { dialects, sqliteTestStore } from "../support/stores";

const id = () => crypto.randomUUID();
const code = (o: { ok: boolean; error?: { code: string } }) => (o.ok ? "ok" : o.error?.code);

// The sample document, revised: a new opening paragraph pushes the motion's source down, the
// harbour sentence is reworded, and the sentence about the rail line's cost is gone.
const revised =
  "Preface\n\nThis report was revised after the inquiry.\n\n1. Findings\n\nThe harbour was shut every winter. Trade moved inland by rail.";

async function citedDebate(store: Store) {
  const d = await debate(store, "private");
  const teacher = actorOf(await d.member("Tess Teacher", "moderator"));
  const student = actorOf(await d.member("Sam Student", "participant"));
  const cite = async (quote: string, body: string) => {
    const posted = await postArgument(
      store,
      student,
      argumentInput(d.motionId, d.cite(quote), { body }),
    );
    if (!posted.ok) throw new Error(posted.error.message);
    return posted.value.argument.id;
  };
  const harbour = await cite("The harbour was closed in winter.", "Winter closed the port.");
  const cost = await cite("Nobody expected the rail line to pay for itself.", "It never paid.");
  const again = await cite("Nobody expected the rail line to pay for itself.", "Still unpaid.");
  return { d, teacher, student, harbour, cost, again };
}

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`a document's new version, on ${dialect.name}`, () => {
    it("keeps the old version and re-anchors every source and citation to the new one", async () => {
      const db = await dialect.open();
      try {
        const { d, teacher, student, harbour, cost } = await citedDebate(db.store);
        expect(
          code(
            await addVersion(db.store, student, {
              clientId: id(),
              documentId: d.documentId,
              text: revised,
            }),
          ),
        ).toBe("forbidden");
        const outsider = actorOf(await person(db.store, "Olli Outsider"));
        expect(
          code(
            await addVersion(db.store, outsider, {
              clientId: id(),
              documentId: d.documentId,
              text: revised,
            }),
          ),
        ).toBe("not_found");
        expect(
          code(
            await addVersion(db.store, teacher, {
              clientId: id(),
              documentId: d.documentId,
              text: " ",
            }),
          ),
        ).toBe("invalid_input");

        const added = await addVersion(db.store, teacher, {
          clientId: id(),
          documentId: d.documentId,
          text: revised,
        });
        if (!added.ok) throw new Error(added.error.message);
        expect(added.value.number).toBe(2);
        expect((await db.store.documents.version(d.versionId))?.text).toBe(sampleText);
        const current = (await db.store.documents.version(added.value.versionId))?.text ?? "";

        // The motion's source followed the move.
        const motion = await getMotion(db.store, student, d.motionId);
        const source = motion.ok ? motion.value.sources[0] : undefined;
        expect(source?.anchor).toMatchObject({ status: "moved", confidence: 1 });
        expect(current.slice(source?.anchor.start ?? 0, source?.anchor.end ?? 0)).toBe(
          "Trade moved inland by rail.",
        );
        // Made on version 1, read there still.
        expect(source).toMatchObject({
          versionId: d.versionId,
          exact: "Trade moved inland by rail.",
        });

        const reworded = await getArgument(db.store, student, harbour);
        const near = reworded.ok ? reworded.value.citations[0] : undefined;
        expect(near?.anchor.status).toBe("fuzzy");
        expect(near?.anchor.confidence).toBeGreaterThanOrEqual(0.6);
        expect(near?.anchor.confidence).toBeLessThan(1);
        expect(current.slice(near?.anchor.start ?? 0, near?.anchor.end ?? 0)).toBe(
          "The harbour was shut every winter.",
        );
        const gone = await getArgument(db.store, student, cost);
        expect(gone.ok && gone.value.citations[0]?.anchor).toEqual({
          status: "orphaned",
          confidence: 0,
          versionId: null,
          start: null,
          end: null,
        });
        const log = await eventsSince(db.store, student, { motionId: d.motionId });
        expect(log.ok && log.value.events.at(-1)).toMatchObject({
          type: "evidence.reanchored",
          data: { documentId: d.documentId, versionId: added.value.versionId },
        });

        // The same text again adds nothing: no version 3, no event.
        const lastSeq = (await db.store.motions.get(d.motionId))?.lastSeq;
        expect(
          await addVersion(db.store, teacher, {
            clientId: id(),
            documentId: d.documentId,
            text: revised,
          }),
        ).toEqual({
          ok: false,
          error: {
            code: "conflict",
            message: "The text is the same as version 2, the current one: nothing was added.",
          },
        });
        expect((await db.store.documents.get(d.documentId))?.currentVersionId).toBe(
          added.value.versionId,
        );
        expect((await db.store.motions.get(d.motionId))?.lastSeq).toBe(lastSeq);
      } finally {
        await db.dispose();
      }
    });

    it("a pending post's author hears where its evidence stands; nobody else learns of it", async () => {
      const db = await dialect.open();
      try {
        const { d, teacher, student } = await citedDebate(db.store);
        const motion = await db.store.motions.get(d.motionId);
        const settings = { ...(motion?.settings ?? defaultMotionSettings), approvalRequired: true };
        await db.store.transaction((tx) => tx.motions.update(d.motionId, { settings }));
        const classmate = actorOf(await d.member("Cleo Classmate", "participant"));
        const waiting = await postArgument(
          db.store,
          classmate,
          argumentInput(d.motionId, d.cite("Trade moved inland by rail."), { body: "Unseen yet." }),
        );
        const waitingId = waiting.ok ? waiting.value.argument.id : "";
        expect(waiting.ok && waiting.value.argument.status).toBe("pending");
        await addVersion(db.store, teacher, {
          clientId: id(),
          documentId: d.documentId,
          text: revised,
        });

        const forAuthor = await eventsSince(db.store, classmate, { motionId: d.motionId });
        const own = forAuthor.ok ? forAuthor.value.events.at(-1) : undefined;
        expect(own).toMatchObject({
          type: "evidence.reanchored",
          data: { arguments: [{ argumentId: waitingId }] },
        });
        const forOthers = await eventsSince(db.store, student, { motionId: d.motionId });
        expect(forOthers.ok && forOthers.value.events.at(-1)).toMatchObject({ type: "private" });
        expect(JSON.stringify(forOthers)).not.toContain(waitingId);
      } finally {
        await db.dispose();
      }
    });

    it("P-LIVE-6: a new version moving the passages of more than 100 published arguments of a motion lists none and calls its pages to read it again; at 100 it lists them", async () => {
      const db = await dialect.open();
      try {
        const d = await debate(db.store, "private");
        const teacher = actorOf(await d.member("Tess Teacher", "moderator"));
        const student = actorOf(await d.member("Sam Student", "participant"));
        const post = (body: string) =>
          postArgument(
            db.store,
            student,
            argumentInput(d.motionId, d.cite("Trade moved inland by rail."), { body }),
          );
        for (let i = 0; i < 100; i++) expect(code(await post(`Rail ${i}.`))).toBe("ok");
        // Each version adds a paragraph at the end: every passage stays where it was, in it.
        let text = sampleText;
        const newVersion = async () => {
          text = `${text}\n\nA note added in version ${text.length}.`;
          const added = await addVersion(db.store, teacher, {
            clientId: id(),
            documentId: d.documentId,
            text,
          });
          if (!added.ok) throw new Error(added.error.message);
          const log = await eventsSince(db.store, student, { motionId: d.motionId });
          const last = log.ok ? log.value.events.at(-1) : undefined;
          if (last?.type !== "evidence.reanchored") throw new Error("no evidence.reanchored");
          return { versionId: added.value.versionId, event: last };
        };

        const hundred = await newVersion();
        expect(hundred.event.data.arguments).toHaveLength(100);
        expect(hundred.event.data.readAgain).toBeUndefined();

        expect(code(await post("Rail 100."))).toBe("ok");
        const many = await newVersion();
        expect(many.event.data).toMatchObject({
          documentId: d.documentId,
          versionId: many.versionId,
          arguments: [],
          readAgain: true,
        });
        // The motion's source still moves with the event.
        expect(many.event.data.sources.map((s) => s.passage.anchor.versionId)).toEqual([
          many.versionId,
        ]);
        expect(JSON.stringify(many.event).length).toBeLessThan(2_000);
        // What a page reads again has every citation in the new version.
        const page = await getMotion(db.store, student, d.motionId);
        const anchors = page.ok
          ? flattenTree(page.value.arguments).flatMap((a) => a.citations.map((c) => c.anchor))
          : [];
        expect(anchors).toHaveLength(101);
        expect(new Set(anchors.map((anchor) => anchor.versionId))).toEqual(
          new Set([many.versionId]),
        );
      } finally {
        await db.dispose();
      }
    });

    it("P-LIVE-4: a page holding part of the debate, read before a new version and the reviews, counts the cited passages as a page read after them", async () => {
      const db = await dialect.open();
      try {
        const { d, teacher, student, harbour, cost, again } = await citedDebate(db.store);
        const post = async (change: Parameters<typeof argumentInput>[2]) => {
          const quote = "Trade moved inland by rail.";
          const input = argumentInput(d.motionId, d.cite(quote), change);
          const posted = await postArgument(db.store, student, input);
          if (!posted.ok) throw new Error(posted.error.message);
          return posted.value.argument.id;
        };
        // Against the motion, from its thread: it attacks an argument for it.
        const reply = await post({ parentId: harbour, relation: "attacks", body: "Ice is rare." });
        // Newer arguments, past what a page holds at first: it holds none of those above.
        for (let i = 0; i < 60; i++) await post({ body: `Rail ${i}.` });
        const reader = actorOf(await d.member("Rea Reader", "participant"));
        const read = async () => {
          const view = await getMotion(db.store, reader, d.motionId, { summary: true });
          if (!view.ok) throw new Error(view.error.message);
          return view.value;
        };
        const before = await read();
        const held = new Set(flattenTree(before.arguments).map((a) => a.id));
        expect([harbour, cost, again, reply].filter((a) => held.has(a))).toEqual([]);
        expect(before.partial).toBeDefined();

        await addVersion(db.store, teacher, {
          clientId: id(),
          documentId: d.documentId,
          text: revised,
        });
        // Read between the new version and the reviews: the page after them goes on from it,
        // with the reviewed arguments' citations read again, not the whole debate.
        await read();
        const shapesNow = async () => {
          const motion = await db.store.motions.get(d.motionId);
          if (!motion) throw new Error("the motion is gone");
          return argumentShapesOf(db.store, motion);
        };
        const newest = (await shapesNow()).at(-1);
        const review = async (input: Record<string, unknown>) => {
          const reviewed = await reviewCitation(db.store, teacher, {
            clientId: id(),
            position: 0,
            ...input,
          });
          if (!reviewed.ok) throw new Error(reviewed.error.message);
        };
        await review({ argumentId: harbour, action: "accept" });
        await review({ argumentId: cost, action: "detach" });
        await review({ argumentId: again, action: "repick", quote: "Trade moved inland by rail." });

        const log = await eventsSince(db.store, reader, {
          motionId: d.motionId,
          sinceSeq: before.seq,
        });
        if (!log.ok) throw new Error(log.error.message);
        const live = applyEvents(liveFrom(before), log.value.events).state;
        const after = await read();
        expect((await shapesNow()).at(-1)).toBe(newest);
        expect(after.partial?.cited).not.toEqual(before.partial?.cited);
        expect(live.partial?.cited).toEqual(after.partial?.cited);
      } finally {
        await db.dispose();
      }
    });

    it("a moderator settles what re-anchoring could not: accept, pick another passage, or detach", async () => {
      const db = await dialect.open();
      try {
        const { d, teacher, student, harbour, cost, again } = await citedDebate(db.store);
        await addVersion(db.store, teacher, {
          clientId: id(),
          documentId: d.documentId,
          text: revised,
        });
        expect(code(await citationsToReview(db.store, student, d.spaceId))).toBe("forbidden");
        const queue = await citationsToReview(db.store, teacher, d.spaceId);
        expect(queue.ok && queue.value.items.map((c) => [c.argumentId, c.status, c.found])).toEqual(
          expect.arrayContaining([
            [harbour, "fuzzy", "The harbour was shut every winter."],
            [cost, "orphaned", null],
          ]),
        );

        const review = (input: Record<string, unknown>) =>
          reviewCitation(db.store, teacher, { clientId: id(), position: 0, ...input });
        expect(code(await review({ argumentId: cost, action: "accept" }))).toBe("conflict");
        expect(
          code(
            await reviewCitation(db.store, student, {
              clientId: id(),
              position: 0,
              argumentId: harbour,
              action: "accept",
            }),
          ),
        ).toBe("forbidden");
        expect(code(await review({ argumentId: harbour, action: "accept" }))).toBe("ok");
        expect(
          code(await review({ argumentId: cost, action: "repick", quote: "no such words" })),
        ).toBe("invalid_citation");
        expect(code(await review({ argumentId: cost, action: "detach" }))).toBe("ok");

        const accepted = await getArgument(db.store, student, harbour);
        expect(accepted.ok && accepted.value.citations[0]?.anchor).toMatchObject({
          status: "moved",
          confidence: 1,
        });
        const detached = await getArgument(db.store, student, cost);
        expect(detached.ok && detached.value).toMatchObject({
          citations: [],
          detached: ["Nobody expected the rail line to pay for itself."],
        });
        // Another passage instead: words of the current version, found there once.
        const repicked = await review({
          argumentId: again,
          action: "repick",
          quote: "Trade moved inland by rail.",
        });
        expect(code(repicked)).toBe("ok");
        const moved = await getArgument(db.store, student, again);
        expect(moved.ok && moved.value.citations[0]?.anchor).toMatchObject({
          status: "moved",
          confidence: 1,
          text: "Trade moved inland by rail.",
        });
        // The results quote each most cited passage as the document now says it there.
        const results = await motionResult(db.store, teacher, d.motionId);
        const cited = results.ok
          ? [...results.value.citedPassages.against, ...results.value.citedPassages.for]
          : [];
        expect(cited.length).toBeGreaterThan(0);
        for (const passage of cited) {
          expect(passage.exact).toBe(revised.slice(passage.start ?? 0, passage.end ?? 0));
        }
        expect(cited.map((passage) => passage.exact)).toContain("Trade moved inland by rail.");
        const settled = await citationsToReview(db.store, teacher, d.spaceId);
        expect(settled.ok && settled.value).toEqual({ total: 0, items: [], nextCursor: null });
        // Settled citations are reviewed no more: sound evidence is its author's.
        expect(code(await review({ argumentId: harbour, action: "detach" }))).toBe("conflict");

        // The same text again as a third version: what the moderator settled stays settled.
        await addVersion(db.store, teacher, {
          clientId: id(),
          documentId: d.documentId,
          text: revised,
        });
        const after = await citationsToReview(db.store, teacher, d.spaceId);
        expect(after.ok && after.value).toEqual({ total: 0, items: [], nextCursor: null });
        const stillThere = await getArgument(db.store, student, again);
        expect(stillThere.ok && stillThere.value.citations[0]?.anchor).toMatchObject({
          status: "moved",
          text: "Trade moved inland by rail.",
        });
      } finally {
        await db.dispose();
      }
    });

    it("lists the citations to review a page at a time, fuzzy before orphaned, and resumes past a settled one", async () => {
      const db = await dialect.open();
      try {
        const { d, teacher, student } = await citedDebate(db.store);
        for (const body of ["Shut each winter.", "No ships in winter.", "The quay froze."]) {
          const posted = await postArgument(
            db.store,
            student,
            argumentInput(d.motionId, d.cite("The harbour was closed in winter."), { body }),
          );
          expect(posted.ok).toBe(true);
        }
        await addVersion(db.store, teacher, {
          clientId: id(),
          documentId: d.documentId,
          text: revised,
        });
        // As a query string gives them.
        const queue = (query: Record<string, string>) =>
          citationsToReview(db.store, teacher, d.spaceId, query);
        const first = await queue({ limit: "2" });
        if (!first.ok) throw new Error(first.error.message);
        expect(first.value.total).toBe(6);
        expect(first.value.items.map((item) => item.status)).toEqual(["fuzzy", "fuzzy"]);
        // Settling one already listed moves nothing the next pages list.
        const [settled] = first.value.items;
        expect(
          code(
            await reviewCitation(db.store, teacher, {
              clientId: id(),
              argumentId: settled?.argumentId,
              position: settled?.position,
              action: "accept",
            }),
          ),
        ).toBe("ok");
        const listed = [...first.value.items];
        const totals = [];
        // A page at a time, so that one resumes in each state; a queue that never ends stops.
        for (let cursor = first.value.nextCursor; cursor && totals.length < 10; ) {
          const page = await queue({ limit: "1", cursor });
          if (!page.ok) throw new Error(page.error.message);
          listed.push(...page.value.items);
          totals.push(page.value.total);
          cursor = page.value.nextCursor;
        }
        expect(totals).toEqual([5, 5, 5, 5]);
        expect(listed.map((item) => item.status)).toEqual([
          "fuzzy",
          "fuzzy",
          "fuzzy",
          "fuzzy",
          "orphaned",
          "orphaned",
        ]);
        expect(new Set(listed.map((item) => `${item.argumentId}/${item.position}`)).size).toBe(6);
        const whole = await queue({ limit: "100" });
        expect(whole.ok && whole.value).toMatchObject({ total: 5, nextCursor: null });
        expect(whole.ok && whole.value.items).toEqual(
          listed.filter((item) => item.argumentId !== settled?.argumentId),
        );

        expect(code(await queue({ cursor: "not-a-cursor" }))).toBe("invalid_input");
        expect(code(await queue({ limit: "0" }))).toBe("invalid_input");
        expect(code(await queue({ limit: "101" }))).toBe("invalid_input");
      } finally {
        await db.dispose();
      }
    });
  });
}

describe("the doors of versions and of the review, asked by each standing", () => {
  const expected: Record<string, number> = {
    "a visitor without a session": 404,
    "a signed-in outsider": 404,
    "a guest of another space": 404,
    "an observer": 403,
    "a participant": 403,
    "a moderator": 200,
    "an owner": 200,
  };
  it.each(Object.entries(expected))(
    "%s: POST /api/documents/:id/versions and GET /api/spaces/:id/citations answer %i",
    async (who, status) => {
      const db = await sqliteTestStore();
      try {
        const space = await debate(db.store, "private");
        const elsewhere = await debate(db.store, "private");
        const people: Record<string, Person | undefined> = await everyStanding(
          db.store,
          space,
          elsewhere,
        );
        setTestRuntime(db.store);
        const headers: Record<string, string> = { "content-type": "application/json" };
        const cookie = people[who]?.cookie;
        if (cookie) headers.cookie = cookie;
        const version = await postVersion(
          new Request(`http://localhost/api/documents/${space.documentId}/versions`, {
            method: "POST",
            headers,
            body: JSON.stringify({ text: revised }),
          }),
          { params: Promise.resolve({ id: space.documentId }) },
        );
        expect(version.status).toBe(status === 200 ? 201 : status);
        const versions = (await db.store.documents.get(space.documentId))?.currentVersionId;
        expect(versions === space.versionId).toBe(status !== 200);
        const queue = await listCitations(
          new Request(`http://localhost/api/spaces/${space.spaceId}/citations?limit=5`, {
            headers,
          }),
          { params: Promise.resolve({ id: space.spaceId }) },
        );
        expect(queue.status).toBe(status);
        if (status === 200) {
          expect(await queue.json()).toEqual({ total: 0, items: [], nextCursor: null });
        }
      } finally {
        await db.dispose();
      }
    },
  );
});
