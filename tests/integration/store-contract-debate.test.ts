import { describe, expect, it } from "vitest";
import type { AnchorColumns, CitationRow, SearchHit, SearchScope, Store } from "../../db/store";
import { SNIPPET_END, SNIPPET_START } from "../../lib/search";
import { initialSession } from "../../lib/session";
import { contractStore, libraryText, minute, newId, passage } from "../support/storeRows";
import { dialects } from "../support/stores";

// The Store's contract for the library, motions, arguments, votes, ratings and search: each
// method written through and read back, the same tests on each dialect.

const moved = (versionId: string): AnchorColumns => ({
  anchorStatus: "moved",
  anchorConfidence: 0.5,
  anchorVersionId: versionId,
  anchorStart: 40,
  anchorEnd: 67,
});

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`the Store's debates on ${dialect.name}`, () => {
    const { store, rows } = contractStore(dialect);

    /** A new version of a document with one block, not yet its current one. */
    const newVersion = (documentId: string, number: number, text = "A later text.") => {
      const id = newId();
      return {
        version: {
          id,
          documentId,
          number,
          fileName: null,
          mediaType: "text/markdown",
          raw: Buffer.from([0, 255, number]),
          rawHash: `raw-${number}`,
          text,
          contentHash: `content-${number}`,
          createdAt: minute(number),
        },
        blocks: [
          { versionId: id, position: 0, kind: "paragraph" as const, level: null, start: 0, end: 4 },
        ],
      };
    };

    describe("documents", () => {
      it("insert, get and list: the documents of the spaces asked, oldest first, then by title", async () => {
        const space = await rows.space();
        const other = await rows.space();
        const late = await rows.document(space.id, libraryText, {
          title: "B",
          createdAt: minute(2),
        });
        const early = await rows.document(space.id, libraryText, { createdAt: minute(1) });
        const titled = await rows.document(space.id, libraryText, {
          title: "A",
          createdAt: minute(2),
        });
        const elsewhere = await rows.document(other.id, libraryText, {
          author: "Port Authority",
          publisher: "Harbour Press",
          publishedAt: "1921",
          sourceUrl: "https://example.test/report",
          note: "Scanned",
        });
        expect(await store.documents.get(elsewhere.document.id)).toEqual(elsewhere.document);
        expect(await store.documents.get(newId())).toBeUndefined();
        expect(await store.documents.list([space.id])).toEqual(
          [early, titled, late].map((d) => d.document),
        );
        expect(ids(await store.documents.list([space.id, other.id])).sort()).toEqual(
          ids([early, titled, late, elsewhere].map((d) => d.document)).sort(),
        );
        expect(await store.documents.list([])).toEqual([]);
      });

      it("insertVersion, version, versionFile and blocks keep a version's bytes, text and blocks in order", async () => {
        const space = await rows.space();
        const { document, version, blocks } = await rows.document(space.id);
        const { raw, ...withoutFile } = version;
        expect(await store.documents.version(version.id)).toEqual(withoutFile);
        expect(Buffer.from((await store.documents.versionFile(version.id)) ?? [])).toEqual(
          Buffer.from(raw),
        );
        expect(await store.documents.blocks(version.id)).toEqual(blocks);

        const next = newVersion(document.id, 2, "One.\n\nTwo.\n\nThree.");
        const nextBlocks = [2, 0, 1].map((position) => ({
          versionId: next.version.id,
          position,
          kind: "paragraph" as const,
          level: null,
          start: position * 6,
          end: position * 6 + 4,
        }));
        await rows.write((tx) => tx.documents.insertVersion(next.version, nextBlocks));
        const { raw: _nextFile, ...nextWithoutFile } = next.version;
        expect(await store.documents.version(next.version.id)).toEqual(nextWithoutFile);
        expect((await store.documents.blocks(next.version.id)).map((b) => b.position)).toEqual([
          0, 1, 2,
        ]);
        expect(await store.documents.version(newId())).toBeUndefined();
        expect(await store.documents.versionFile(newId())).toBeUndefined();
        expect(await store.documents.blocks(newId())).toEqual([]);
      });

      it("blockCounts counts each version's blocks", async () => {
        const space = await rows.space();
        const { document, version } = await rows.document(space.id);
        const bare = newVersion(document.id, 2);
        await rows.write((tx) => tx.documents.insertVersion(bare.version, []));
        const counts = await store.documents.blockCounts([version.id, bare.version.id, newId()]);
        expect(counts.get(version.id)).toBe(3);
        expect(counts.get(bare.version.id) ?? 0).toBe(0);
        expect((await store.documents.blockCounts([])).size).toBe(0);
      });

      it("setCurrentVersion makes another version the document's current one", async () => {
        const space = await rows.space();
        const { document } = await rows.document(space.id);
        const next = newVersion(document.id, 2);
        await rows.write(async (tx) => {
          await tx.documents.insertVersion(next.version, []);
          await tx.documents.setCurrentVersion(document.id, next.version.id);
        });
        expect(await store.documents.get(document.id)).toEqual({
          ...document,
          currentVersionId: next.version.id,
        });
      });

      it("lock makes new versions of one document follow one another", async () => {
        const space = await rows.space();
        const { document } = await rows.document(space.id);
        // Each upload numbers its version after the current one: none may take the same number.
        await Promise.all(
          [1, 2, 3].map(() =>
            rows.write(async (tx) => {
              await tx.documents.lock(document.id);
              const current = await tx.documents.get(document.id);
              const number = (await tx.documents.version(current?.currentVersionId ?? ""))?.number;
              const next = newVersion(document.id, (number ?? 0) + 1);
              await tx.documents.insertVersion(next.version, []);
              await tx.documents.setCurrentVersion(document.id, next.version.id);
            }),
          ),
        );
        const current = await store.documents.get(document.id);
        expect((await store.documents.version(current?.currentVersionId ?? ""))?.number).toBe(4);
      });

      it("byIds answers the documents that exist, in id order", async () => {
        const space = await rows.space();
        const [a, b] = [await rows.document(space.id), await rows.document(space.id)];
        const both = [a.document, b.document].sort((x, y) => x.id.localeCompare(y.id));
        expect(await store.documents.byIds([b.document.id, newId(), a.document.id])).toEqual(both);
        expect(await store.documents.byIds([])).toEqual([]);
      });
    });

    describe("motions", () => {
      it("insert, get and sources keep a motion and its sources", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id);
        const { motion, sources } = await rows.motion(
          space.id,
          {
            description: "Was it?",
            status: "draft",
            settings: {
              evidenceRequired: true,
              approvalRequired: true,
              anonymous: true,
              format: "oxford",
            },
            pinned: [newId()],
            session: { ...initialSession, sides: { [newId()]: "for" } },
            lastSeq: 3,
          },
          [
            passage(doc, "Trade moved inland by rail."),
            passage(doc, "The harbour was closed in winter."),
          ],
        );
        expect(await store.motions.get(motion.id)).toEqual(motion);
        expect(await store.motions.get(newId())).toBeUndefined();
        expect(await store.motions.sources([motion.id])).toEqual(sources);
      });

      it("sources gives several motions' sources, by motion and then position", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id);
        const first = await rows.motion(space.id, {}, [
          passage(doc, "Findings"),
          passage(doc, "Trade moved inland by rail."),
        ]);
        const second = await rows.motion(space.id, {}, [passage(doc, "The harbour")]);
        const byMotion = [first, second].sort((a, b) => a.motion.id.localeCompare(b.motion.id));
        expect(await store.motions.sources([first.motion.id, second.motion.id])).toEqual(
          byMotion.flatMap((m) => m.sources),
        );
        expect(await store.motions.sources([])).toEqual([]);
      });

      it("withSampleDebate names the motions holding arguments by sample authors", async () => {
        const space = await rows.space();
        const { motion: sampled } = await rows.motion(space.id);
        const { motion: mixed } = await rows.motion(space.id);
        const { motion: plain } = await rows.motion(space.id);
        const sample = await rows.user({ name: "Aigerim (sample)", sample: true });
        const person = await rows.user();
        await rows.argument(sampled.id, { authorId: sample.id });
        await rows.argument(sampled.id, { authorId: sample.id, status: "pending" });
        await rows.argument(mixed.id, { authorId: person.id });
        await rows.argument(mixed.id, { authorId: sample.id });
        await rows.argument(plain.id, { authorId: person.id });
        expect(
          (await store.motions.withSampleDebate([sampled.id, mixed.id, plain.id])).sort(),
        ).toEqual([sampled.id, mixed.id].sort());
        expect(await store.motions.withSampleDebate([plain.id])).toEqual([]);
        expect(await store.motions.withSampleDebate([])).toEqual([]);
      });

      it("sourcesInDocument gives the sources quoting one document, in the document's order", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id);
        const otherDoc = await rows.document(space.id);
        const later = await rows.motion(space.id, {}, [passage(doc, "Trade moved")]);
        const earlier = await rows.motion(space.id, {}, [
          passage(otherDoc, "Findings"),
          passage(doc, "The harbour"),
        ]);
        expect(await store.motions.sourcesInDocument(doc.document.id)).toEqual([
          earlier.sources[1],
          later.sources[0],
        ]);
        expect(await store.motions.sourcesInDocument(newId())).toEqual([]);
      });

      it("citations, ratings.list and agreements.list read the rows of every id asked, as many as a page asks, and of no other", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id);
        const { motion } = await rows.motion(space.id);
        const [ada, bek] = [await rows.user(), await rows.user()];
        const made = Array.from({ length: 300 }, () =>
          rows.argumentRows(motion.id, {}, [passage(doc, "Trade moved")]),
        );
        const other = rows.argumentRows(motion.id, {}, [passage(doc, "The harbour")]);
        const at = minute(3);
        await rows.write(async (tx) => {
          for (const { argument, citations } of [...made, other]) {
            await tx.arguments.insert(argument, citations);
            await tx.ratings.put({
              argumentId: argument.id,
              userId: ada.id,
              score: 2,
              ratedAt: at,
            });
            await tx.agreements.put({
              argumentId: argument.id,
              userId: bek.id,
              stance: "agree",
              judgedAt: at,
            });
          }
        });
        // Ids are the database's own, but one that is not must be read as a value, not as SQL.
        const strange = ['a"b', "c,d", "{e}", "f'g", "h\\i"];
        const ids = [...made.map(({ argument }) => argument.id), ...strange];
        const asked = new Set(made.map(({ argument }) => argument.id));
        const citations = await store.arguments.citations(ids);
        expect(citations).toHaveLength(300);
        expect(new Set(citations.map((c) => c.argumentId))).toEqual(asked);
        const ratings = await store.ratings.list(ids);
        expect(ratings).toHaveLength(300);
        expect(new Set(ratings.map((r) => r.argumentId))).toEqual(asked);
        const agreements = await store.agreements.list(ids);
        expect(agreements).toHaveLength(300);
        expect(new Set(agreements.map((a) => a.argumentId))).toEqual(asked);
        expect(agreements[0]).toMatchObject({ userId: bek.id, stance: "agree", judgedAt: at });
        expect(await store.agreements.list(strange)).toEqual([]);
        expect(await store.agreements.list([])).toEqual([]);
      });

      it("update changes only the columns given", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        const spotlightId = newId();
        const change = {
          title: "The rail line paid for itself",
          description: "Revised",
          status: "closed" as const,
          pinned: [spotlightId],
          spotlightId,
          settings: { ...motion.settings, anonymous: true },
          session: { ...initialSession, phase: "open-floor" as const, clock: "paused" as const },
        };
        await rows.write((tx) => tx.motions.update(motion.id, change));
        expect(await store.motions.get(motion.id)).toEqual({ ...motion, ...change });
        await rows.write((tx) => tx.motions.update(motion.id, { spotlightId: null }));
        expect(await store.motions.get(motion.id)).toEqual({
          ...motion,
          ...change,
          spotlightId: null,
        });
      });

      it("list gives the motions of the spaces asked, oldest first, then by title", async () => {
        const space = await rows.space();
        const other = await rows.space();
        const late = await rows.motion(space.id, { title: "B", createdAt: minute(5) });
        const titled = await rows.motion(space.id, { title: "A", createdAt: minute(5) });
        const early = await rows.motion(space.id, { title: "C", createdAt: minute(1) });
        const elsewhere = await rows.motion(other.id);
        expect(await store.motions.list([space.id])).toEqual(
          [early, titled, late].map((m) => m.motion),
        );
        expect(ids(await store.motions.list([space.id, other.id])).sort()).toEqual(
          ids([early, titled, late, elsewhere].map((m) => m.motion)).sort(),
        );
        expect(await store.motions.list([])).toEqual([]);
      });

      it("arguments gives a motion's arguments, oldest first", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        const { motion: other } = await rows.motion(space.id);
        const reply = await rows.argument(motion.id, { createdAt: minute(4) });
        const first = await rows.argument(motion.id, { createdAt: minute(3), status: "pending" });
        await rows.argument(other.id);
        expect(await store.motions.arguments(motion.id)).toEqual([first.argument, reply.argument]);
        expect(await store.motions.arguments(newId())).toEqual([]);
      });

      it("argumentShapes gives a motion's arguments without their words, oldest first", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        const later = await rows.argument(motion.id, { createdAt: minute(4), publishedSeq: 3 });
        const first = await rows.argument(motion.id, {
          createdAt: minute(3),
          status: "rejected",
          rejectionReason: "Off topic",
        });
        const { body: _, rejectionReason: __, ...firstShape } = first.argument;
        const { body: ___, rejectionReason: ____, ...laterShape } = later.argument;
        expect(await store.motions.argumentShapes(motion.id)).toEqual([firstShape, laterShape]);
        expect(await store.motions.argumentShapes(newId())).toEqual([]);
      });

      it("argumentShapes reads a page after an argument, in the same order, ties of time by id", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        for (const at of [5, 3, 3, 4, 3]) await rows.argument(motion.id, { createdAt: minute(at) });
        const all = await store.motions.argumentShapes(motion.id);
        const paged = [];
        for (let after = null; ; ) {
          const page = await store.motions.argumentShapes(motion.id, { after, limit: 2 });
          paged.push(...page);
          after = page.at(-1) ?? null;
          if (page.length < 2) break;
        }
        expect(paged).toEqual(all);
        expect(all.map((shape) => shape.createdAt)).toEqual([3, 3, 3, 4, 5].map(minute));
      });

      it("citedSpans gives where the citations of the motion's arguments stand, whatever their status, detached ones left out", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id);
        const { motion } = await rows.motion(space.id);
        const cited = await rows.argument(motion.id, { createdAt: minute(1) }, [
          passage(doc, "Trade moved"),
          { ...passage(doc, "The harbour"), anchorStatus: "detached" },
        ]);
        const waiting = await rows.argument(
          motion.id,
          { status: "pending", createdAt: minute(2) },
          [passage(doc, "Findings")],
        );
        // Another motion's citations are its own.
        const other = await rows.motion(space.id);
        await rows.argument(other.motion.id, {}, [passage(doc, "Trade moved")]);
        const spanOf = (made: typeof cited) => {
          const [first] = made.citations;
          return {
            postedAt: made.argument.createdAt,
            argumentId: made.argument.id,
            position: 0,
            documentId: first?.documentId,
            anchorVersionId: first?.anchorVersionId,
            anchorStart: first?.anchorStart,
            anchorEnd: first?.anchorEnd,
          };
        };
        expect(await store.motions.citedSpans(motion.id)).toEqual([spanOf(cited), spanOf(waiting)]);
      });

      it("citedSpans reads a page after a citation, in the order the arguments were posted, ties of time by id, then by position", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id);
        const { motion } = await rows.motion(space.id);
        const cites = [passage(doc, "Trade moved"), passage(doc, "The harbour")];
        const made = [];
        for (const at of [5, 3, 3, 4]) {
          made.push(await rows.argument(motion.id, { createdAt: minute(at) }, cites));
        }
        const all = await store.motions.citedSpans(motion.id);
        const posted = made
          .map((m) => m.argument)
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
        expect(all.map((c) => [c.argumentId, c.position])).toEqual(
          posted.flatMap((a) => [
            [a.id, 0],
            [a.id, 1],
          ]),
        );
        // Pages of three: a page ends between two citations of one argument.
        const paged = [];
        for (let after = null; ; ) {
          const page = await store.motions.citedSpans(motion.id, { after, limit: 3 });
          paged.push(...page);
          after = page.at(-1) ?? null;
          if (page.length < 3) break;
        }
        expect(paged).toEqual(all);
      });

      it("newArgumentIds gives others' published arguments made public after a seq, oldest first", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        const reader = newId();
        const seen = await rows.argument(motion.id, { publishedSeq: 2 });
        const fresh = await rows.argument(motion.id, { publishedSeq: 5, createdAt: minute(5) });
        const earlier = await rows.argument(motion.id, { publishedSeq: 4, createdAt: minute(3) });
        await rows.argument(motion.id, { publishedSeq: 6, authorId: reader });
        await rows.argument(motion.id, { publishedSeq: 7, status: "hidden" });
        expect(await store.motions.newArgumentIds(motion.id, reader, 2)).toEqual([
          earlier.argument.id,
          fresh.argument.id,
        ]);
        expect(seen.argument.publishedSeq).toBe(2);
      });

      it("setSourceAnchor records where one source stands in the current version", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id);
        const { motion, sources } = await rows.motion(space.id, {}, [
          passage(doc, "Findings"),
          passage(doc, "Trade moved inland by rail."),
        ]);
        await rows.write((tx) => tx.motions.setSourceAnchor(motion.id, 1, moved(doc.version.id)));
        expect(await store.motions.sources([motion.id])).toEqual([
          sources[0],
          { ...sources[1], ...moved(doc.version.id) },
        ]);
      });

      it("lock makes commands on one motion run in turn", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        const pins = [newId(), newId(), newId(), newId()];
        // Each pin reads the pinned list and writes it back longer: none may lose another's.
        await Promise.all(
          pins.map((pin) =>
            rows.write(async (tx) => {
              await tx.motions.lock(motion.id);
              const pinned = (await tx.motions.get(motion.id))?.pinned ?? [];
              await tx.motions.update(motion.id, { pinned: [...pinned, pin] });
            }),
          ),
        );
        expect([...((await store.motions.get(motion.id))?.pinned ?? [])].sort()).toEqual(
          [...pins].sort(),
        );
      });

      it("lock answers the motion as it stands once the lock is held", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        await rows.write((tx) => tx.motions.update(motion.id, { status: "closed" }));
        const locked = await rows.write((tx) => tx.motions.lock(motion.id));
        expect(locked).toEqual({ ...motion, status: "closed" });
        expect(await rows.write((tx) => tx.motions.lock(newId()))).toBeUndefined();
      });
    });

    describe("arguments", () => {
      it("place stamps an argument and numbers its author by their other arguments, or next", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        const [ada, bek] = [newId(), newId()];
        await rows.argument(motion.id, { authorId: ada, pseudonym: 1 });
        const stamp = { createdAt: minute(30), publishedSeq: 9 };
        const place = async (authorId: string) => {
          const { argument } = await rows.argument(motion.id, { authorId, pseudonym: 0 });
          const number = await rows.write((tx) => tx.arguments.place(argument, stamp));
          expect(await store.arguments.get(argument.id)).toEqual({
            ...argument,
            ...stamp,
            pseudonym: number,
          });
          return number;
        };
        expect(await place(ada)).toBe(1);
        expect(await place(bek)).toBe(2);
        expect(await place(bek)).toBe(2);
        const { motion: other } = await rows.motion(space.id);
        const { argument } = await rows.argument(other.id, { authorId: bek, pseudonym: 0 });
        expect(await rows.write((tx) => tx.arguments.place(argument, stamp))).toBe(1);
      });

      it("appendPlaced stores, numbers, stamps and logs a post, its follow and notifications, and keeps its answer, only while the motion and the parent are as read", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id);
        const { motion } = await rows.motion(space.id);
        const parentAuthor = await rows.user();
        const parent = await rows.argument(motion.id, { authorId: parentAuthor.id, pseudonym: 1 });
        const authorId = (await rows.user()).id;
        // Words the database must get as they are, whichever way the call reaches it.
        const body = `It's "so" \\ not $1 or $$ -- E'x'; commit; 😀\nend`;
        const posted = (argument: { id: string }) =>
          ({
            motionId: motion.id,
            type: "argument.posted",
            data: { argument: { id: argument.id, pseudonym: 0, createdAt: "" }, place: null },
            actorId: authorId,
            at: minute(0),
          }) as unknown as Parameters<Store["events"]["appendPlaced"]>[3];
        const reply = async (status: string) => {
          const { argument, citations } = rows.argumentRows(
            motion.id,
            { authorId, parentId: parent.argument.id, relation: "attacks", pseudonym: 0, body },
            [passage(doc, "Trade moved")],
          );
          const kept = { actorId: authorId, clientId: `argument.post:${argument.id}` };
          const asRead = { ...motion, status: status as typeof motion.status };
          const follow = {
            userId: authorId,
            motionId: motion.id,
            state: "following" as const,
            changedAt: minute(0),
          };
          const notification = {
            id: newId(),
            userId: parentAuthor.id,
            type: "reply" as const,
            motionId: motion.id,
            argumentId: argument.id,
            actorId: authorId,
            readAt: null,
          };
          const placing = {
            published: true,
            motionAsRead: asRead,
            kept,
            follow,
            notifications: [notification],
          };
          const placed = await rows.write((tx) =>
            tx.events.appendPlaced(argument, citations, placing, posted(argument)),
          );
          return { argument, citations, kept, placed, notification };
        };

        // Nothing placed yet: the motion read before it closed, then the parent gone.
        expect((await reply("closed")).placed).toBeUndefined();
        expect(await store.follows.get(authorId, motion.id)).toBeUndefined();
        const { argument, citations, kept, placed, notification } = await reply(motion.status);
        expect(placed).toMatchObject({ seq: 1, pseudonym: 2 });
        const at = placed?.at.toISOString();
        expect(await store.arguments.get(argument.id)).toEqual({
          ...argument,
          pseudonym: 2,
          publishedSeq: 1,
          createdAt: placed?.at,
        });
        expect(await store.arguments.citations([argument.id])).toEqual(citations);
        expect(await store.follows.get(authorId, motion.id)).toMatchObject({ state: "following" });
        expect(await store.notifications.ofEvents(motion.id, [1])).toEqual([
          { ...notification, seq: 1, at: placed?.at },
        ]);
        const [event] = await store.events.after(motion.id, 0, 10);
        expect(event).toMatchObject({
          seq: 1,
          at: placed?.at,
          data: { argument: { id: argument.id, pseudonym: 2, createdAt: at } },
        });
        expect((await store.commands.find(authorId, kept.clientId))?.result).toEqual({
          seq: 1,
          argument: { id: argument.id, pseudonym: 2, createdAt: at },
        });

        // The parent gone: nothing placed or logged.
        await rows.write((tx) => tx.arguments.update(parent.argument.id, { status: "hidden" }));
        const orphan = await reply(motion.status);
        expect(orphan.placed).toBeUndefined();
        expect(await store.arguments.get(orphan.argument.id)).toBeUndefined();
        expect(await store.arguments.citations([orphan.argument.id])).toEqual([]);
        expect(await store.commands.find(authorId, orphan.kept.clientId)).toBeUndefined();
        expect(await store.notifications.ofEvents(motion.id, [1, 2])).toHaveLength(1);
        expect(await store.events.after(motion.id, 0, 10)).toHaveLength(1);
        await rows.write((tx) => tx.arguments.update(parent.argument.id, { status: "published" }));
        expect((await reply(motion.status)).placed).toMatchObject({ seq: 2, pseudonym: 2 });

        // A new version of the cited document, committed while the post waits for the document:
        // the post sees it, and nothing is placed.
        let release = () => {};
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        let locked = () => {};
        const locking = new Promise<void>((resolve) => {
          locked = resolve;
        });
        const next = newVersion(doc.document.id, 2);
        const upload = rows.write(async (tx) => {
          await tx.documents.lock(doc.document.id);
          await tx.documents.insertVersion(next.version, next.blocks);
          await tx.documents.setCurrentVersion(doc.document.id, next.version.id);
          locked();
          await held;
        });
        await locking;
        let answered = false;
        const late = reply(motion.status).then((attempt) => {
          answered = true;
          return attempt;
        });
        await new Promise((resolve) => setTimeout(resolve, 150));
        expect(answered).toBe(false);
        release();
        await upload;
        expect((await late).placed).toBeUndefined();
        expect(await store.events.after(motion.id, 0, 10)).toHaveLength(2);
      });

      it("insert, get, byIds and citations keep an argument and its quotes, by argument and position", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id);
        const { motion } = await rows.motion(space.id);
        const parent = await rows.argument(motion.id, {}, [passage(doc, "Trade moved")]);
        const reply = await rows.argument(
          motion.id,
          {
            parentId: parent.argument.id,
            relation: "attacks",
            status: "rejected",
            rejectionReason: "Off topic",
            pseudonym: 2,
            editedAt: minute(9),
            publishedSeq: 7,
          },
          [passage(doc, "The harbour"), passage(doc, "Findings")],
        );
        expect(await store.arguments.get(reply.argument.id)).toEqual(reply.argument);
        expect(await store.arguments.get(newId())).toBeUndefined();
        const both = await store.arguments.byIds([reply.argument.id, parent.argument.id, newId()]);
        expect(both.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          [parent.argument, reply.argument].sort((a, b) => a.id.localeCompare(b.id)),
        );
        expect(await store.arguments.byIds([])).toEqual([]);
        const byArgument = [parent, reply].sort((a, b) =>
          a.argument.id.localeCompare(b.argument.id),
        );
        expect(await store.arguments.citations([parent.argument.id, reply.argument.id])).toEqual(
          byArgument.flatMap((a) => a.citations),
        );
        expect(await store.arguments.citations([])).toEqual([]);
      });

      it("update changes only the columns given", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        const { argument } = await rows.argument(motion.id, { status: "pending" });
        const change = {
          body: "An edited body.",
          editedAt: minute(8),
          status: "published" as const,
          rejectionReason: null,
          publishedSeq: 12,
        };
        await rows.write((tx) => tx.arguments.update(argument.id, change));
        expect(await store.arguments.get(argument.id)).toEqual({ ...argument, ...change });
        await rows.write((tx) =>
          tx.arguments.update(argument.id, { status: "rejected", rejectionReason: "Rude" }),
        );
        expect(await store.arguments.get(argument.id)).toEqual({
          ...argument,
          ...change,
          status: "rejected",
          rejectionReason: "Rude",
        });
      });

      it("addRevision and revisions keep an argument's earlier bodies, oldest first", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        const { argument } = await rows.argument(motion.id);
        const second = {
          argumentId: argument.id,
          revision: 2,
          body: "Second",
          replacedAt: minute(6),
        };
        const first = {
          argumentId: argument.id,
          revision: 1,
          body: "First",
          replacedAt: minute(5),
        };
        await rows.write(async (tx) => {
          await tx.arguments.addRevision(second);
          await tx.arguments.addRevision(first);
        });
        expect(await store.arguments.revisions(argument.id)).toEqual([first, second]);
        expect(await store.arguments.revisions(newId())).toEqual([]);
      });

      it("setCitationAnchor records where one citation stands in the current version", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id);
        const { motion } = await rows.motion(space.id);
        const { argument, citations } = await rows.argument(motion.id, {}, [
          passage(doc, "Findings"),
          passage(doc, "Trade moved"),
        ]);
        await rows.write((tx) =>
          tx.arguments.setCitationAnchor(argument.id, 0, moved(doc.version.id)),
        );
        expect(await store.arguments.citations([argument.id])).toEqual([
          { ...citations[0], ...moved(doc.version.id) },
          citations[1],
        ]);
      });

      it("citationsInDocument gives each citation with its argument's motion, relation and status", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id);
        const otherDoc = await rows.document(space.id);
        const { motion } = await rows.motion(space.id);
        const later = await rows.argument(motion.id, { relation: "against" }, [
          passage(doc, "Trade moved"),
        ]);
        const earlier = await rows.argument(motion.id, { status: "hidden" }, [
          passage(otherDoc, "Findings"),
          passage(doc, "The harbour"),
        ]);
        const expected = [
          { ...earlier.citations[1], motionId: motion.id, relation: "for", status: "hidden" },
          { ...later.citations[0], motionId: motion.id, relation: "against", status: "published" },
        ].sort((a, b) => ((a.argumentId ?? "") < (b.argumentId ?? "") ? -1 : 1));
        expect(await store.arguments.citationsInDocument(doc.document.id)).toEqual(expected);
        expect(await store.arguments.citationsInDocument(newId())).toEqual([]);
      });

      it("citationsInDocument reads a page after a citation, by state, then argument and position", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id);
        const { motion } = await rows.motion(space.id);
        for (let i = 0; i < 3; i++)
          await rows.argument(motion.id, {}, [passage(doc, "Trade moved")]);
        const two = await rows.argument(motion.id, {}, [
          passage(doc, "The harbour"),
          passage(doc, "Trade moved"),
        ]);
        await rows.write((tx) =>
          tx.arguments.setCitationAnchor(two.argument.id, 1, moved(doc.version.id)),
        );
        const whole = await store.arguments.citationsInDocument(doc.document.id);
        expect(whole).toHaveLength(5);
        // "exact" before "moved"; within a state, by argument, then position.
        expect(whole.map((c) => c.anchorStatus)).toEqual([
          "exact",
          "exact",
          "exact",
          "exact",
          "moved",
        ]);
        const exact = whole.slice(0, 4).map((c) => `${c.argumentId}/${c.position}`);
        expect(exact).toEqual([...exact].sort());
        expect(whole[4]).toMatchObject({ argumentId: two.argument.id, position: 1 });
        const paged = [];
        for (let after = null; ; ) {
          const page = await store.arguments.citationsInDocument(doc.document.id, {
            after,
            limit: 2,
          });
          paged.push(...page);
          const last = page.at(-1);
          if (page.length < 2 || !last) break;
          after = {
            anchorStatus: last.anchorStatus,
            argumentId: last.argumentId,
            position: last.position,
          };
        }
        expect(paged).toEqual(whole);
      });

      it("unsettledCitations reads a page of a document's citations left in a state, on readable arguments of the space's motions", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id);
        const otherDoc = await rows.document(space.id);
        const { motion } = await rows.motion(space.id);
        const { motion: elsewhere } = await rows.motion((await rows.space()).id);
        const left = (
          quoted: ReturnType<typeof passage>,
          anchorStatus: "fuzzy" | "orphaned",
        ): Omit<CitationRow, "argumentId" | "position"> => ({
          ...quoted,
          anchorStatus,
          anchorConfidence: anchorStatus === "fuzzy" ? 0.9 : 0,
          anchorVersionId: anchorStatus === "fuzzy" ? doc.version.id : null,
          anchorStart: anchorStatus === "fuzzy" ? 40 : null,
          anchorEnd: anchorStatus === "fuzzy" ? 67 : null,
        });
        const fuzzy: Awaited<ReturnType<typeof rows.argument>>[] = [];
        for (const status of ["published", "hidden", "pending"] as const) {
          fuzzy.push(
            await rows.argument(motion.id, { status, body: `A ${status} argument` }, [
              passage(doc, "Findings"),
              left(passage(doc, "Trade moved"), "fuzzy"),
            ]),
          );
        }
        await rows.argument(motion.id, { status: "withdrawn" }, [
          left(passage(doc, "Trade moved"), "fuzzy"),
        ]);
        const orphaned = await rows.argument(motion.id, {}, [
          left(passage(doc, "The harbour"), "orphaned"),
        ]);
        await rows.argument(motion.id, {}, [left(passage(otherDoc, "Trade moved"), "fuzzy")]);
        await rows.argument(elsewhere.id, {}, [left(passage(doc, "Trade moved"), "fuzzy")]);
        const listed = (made: (typeof fuzzy)[number], position: number) => ({
          ...(made.citations[position] as CitationRow),
          motionId: motion.id,
          body: made.argument.body,
          authorId: made.argument.authorId,
          authorName: made.argument.authorName,
          motionTitle: motion.title,
        });
        const of = { spaceId: space.id, documentId: doc.document.id };
        const whole = await store.arguments.unsettledCitations(
          { ...of, state: "fuzzy" },
          { after: null, limit: 10 },
        );
        expect(whole).toEqual(
          fuzzy
            .map((made) => listed(made, 1))
            .sort((a, b) => (a.argumentId < b.argumentId ? -1 : 1)),
        );
        const paged = [];
        for (let after = null; ; ) {
          const page = await store.arguments.unsettledCitations(
            { ...of, state: "fuzzy" },
            { after, limit: 2 },
          );
          paged.push(...page);
          const last = page.at(-1);
          if (page.length < 2 || !last) break;
          after = { argumentId: last.argumentId, position: last.position };
        }
        expect(paged).toEqual(whole);
        expect(
          await store.arguments.unsettledCitations(
            { ...of, state: "orphaned" },
            { after: null, limit: 10 },
          ),
        ).toEqual([listed(orphaned, 0)]);
        // Three fuzzy and one orphaned in the document, one fuzzy in the other.
        expect(await store.arguments.countUnsettledCitations(space.id)).toBe(5);
        expect(await store.arguments.countUnsettledCitations(newId())).toBe(0);
      });

      it("citationsByAuthor counts the citations of each author's arguments in a motion, whatever their status", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id);
        const { motion } = await rows.motion(space.id);
        const { motion: other } = await rows.motion(space.id);
        const [ana, ben] = [newId(), newId()].sort();
        await rows.argument(motion.id, { status: "hidden", authorId: ana }, [
          passage(doc, "The harbour"),
          passage(doc, "Trade moved"),
        ]);
        await rows.argument(motion.id, { authorId: ana }, [passage(doc, "Trade moved")]);
        await rows.argument(motion.id, { authorId: ben, status: "withdrawn" }, [
          passage(doc, "Trade moved"),
        ]);
        await rows.argument(motion.id, { authorId: newId() });
        await rows.argument(other.id, { authorId: ben }, [passage(doc, "Trade moved")]);
        expect(await store.arguments.citationsByAuthor(motion.id)).toEqual([
          { authorId: ana, citations: 3 },
          { authorId: ben, citations: 1 },
        ]);
        expect(await store.arguments.citationsByAuthor(motion.id, ben)).toEqual([
          { authorId: ben, citations: 1 },
        ]);
        expect(await store.arguments.citationsByAuthor(newId())).toEqual([]);
      });

      it("motionsCiting gives each motion whose arguments cite the document once, whatever their status", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id);
        const otherDoc = await rows.document(space.id);
        const motions = [
          (await rows.motion(space.id)).motion,
          (await rows.motion(space.id)).motion,
        ];
        const { motion: elsewhere } = await rows.motion(space.id);
        for (const motion of motions) {
          await rows.argument(motion.id, {}, [passage(doc, "Trade moved")]);
          await rows.argument(motion.id, { status: "hidden" }, [passage(doc, "The harbour")]);
        }
        await rows.argument(elsewhere.id, {}, [passage(otherDoc, "Findings")]);
        expect(await store.arguments.motionsCiting(doc.document.id)).toEqual(
          motions.map((motion) => motion.id).sort(),
        );
        expect(await store.arguments.motionsCiting(otherDoc.document.id)).toEqual([elsewhere.id]);
        expect(await store.arguments.motionsCiting(newId())).toEqual([]);
      });
    });

    describe("votes and ratings", () => {
      it("votes.put keeps one stance per member and phase, the latest; list gives a motion's votes", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        const { motion: other } = await rows.motion(space.id);
        const voter = await rows.user();
        const vote = { motionId: motion.id, userId: voter.id, castAt: minute(1) };
        await rows.write(async (tx) => {
          await tx.votes.put({ ...vote, phase: "before", stance: "for" });
          await tx.votes.put({ ...vote, motionId: other.id, phase: "before", stance: "for" });
        });
        await rows.write(async (tx) => {
          await tx.votes.put({ ...vote, phase: "before", stance: "against", castAt: minute(2) });
          await tx.votes.put({ ...vote, phase: "after", stance: "undecided", castAt: minute(3) });
        });
        const votes = await store.votes.list(motion.id);
        expect([...votes].sort((a, b) => a.phase.localeCompare(b.phase))).toEqual([
          { ...vote, phase: "after", stance: "undecided", castAt: minute(3) },
          { ...vote, phase: "before", stance: "against", castAt: minute(2) },
        ]);
        expect(await store.votes.list(newId())).toEqual([]);
      });

      it("ratings.put keeps one score per member and argument, the latest; list gives the arguments' ratings, ofPerson a member's on a motion", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        const first = await rows.argument(motion.id);
        const second = await rows.argument(motion.id);
        const [ada, bek] = [await rows.user(), await rows.user()];
        const rating = (argumentId: string, userId: string, score: number, at: number) => ({
          argumentId,
          userId,
          score,
          ratedAt: minute(at),
        });
        await rows.write(async (tx) => {
          await tx.ratings.put(rating(first.argument.id, ada.id, 1, 1));
          await tx.ratings.put(rating(first.argument.id, bek.id, 4, 1));
          await tx.ratings.put(rating(second.argument.id, ada.id, 0, 1));
        });
        await rows.write((tx) => tx.ratings.put(rating(first.argument.id, ada.id, 3, 2)));
        const key = (r: { argumentId: string; userId: string }) => `${r.argumentId}/${r.userId}`;
        const sorted = <T extends { argumentId: string; userId: string }>(list: T[]) =>
          [...list].sort((a, b) => key(a).localeCompare(key(b)));
        expect(sorted(await store.ratings.list([first.argument.id, second.argument.id]))).toEqual(
          sorted([
            rating(first.argument.id, ada.id, 3, 2),
            rating(first.argument.id, bek.id, 4, 1),
            rating(second.argument.id, ada.id, 0, 1),
          ]),
        );
        expect(await store.ratings.list([second.argument.id])).toHaveLength(1);
        expect(await store.ratings.list([])).toEqual([]);
        // ofPerson: one member's, of this motion's arguments alone.
        const { motion: other } = await rows.motion(space.id);
        const elsewhere = await rows.argument(other.id);
        await rows.write((tx) => tx.ratings.put(rating(elsewhere.argument.id, ada.id, 2, 3)));
        expect(sorted(await store.ratings.ofPerson(motion.id, ada.id))).toEqual(
          sorted([
            rating(first.argument.id, ada.id, 3, 2),
            rating(second.argument.id, ada.id, 0, 1),
          ]),
        );
        expect(await store.ratings.ofPerson(other.id, bek.id)).toEqual([]);
      });

      it("ratings.givenIn and receivedIn count the ratings each person gave a motion's arguments, and those their own got from others", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        const { motion: other } = await rows.motion(space.id);
        const people = [await rows.user(), await rows.user(), await rows.user()];
        const [ana, ben, cy] = people.map((person) => person.id).sort() as [string, string, string];
        const anas = await rows.argument(motion.id, { authorId: ana, status: "hidden" });
        const bens = await rows.argument(motion.id, { authorId: ben });
        const elsewhere = await rows.argument(other.id, { authorId: ana });
        const rating = (argumentId: string, userId: string) => ({
          argumentId,
          userId,
          score: 3,
          ratedAt: minute(1),
        });
        await rows.write(async (tx) => {
          // Her own argument: given, not received.
          await tx.ratings.put(rating(anas.argument.id, ana));
          await tx.ratings.put(rating(bens.argument.id, ana));
          await tx.ratings.put(rating(anas.argument.id, cy));
          await tx.ratings.put(rating(bens.argument.id, cy));
          await tx.ratings.put(rating(elsewhere.argument.id, ben));
        });
        const counted = (userId: string, count: number) => ({ userId, count });
        expect(await store.ratings.givenIn(motion.id)).toEqual([counted(ana, 2), counted(cy, 2)]);
        expect(await store.ratings.receivedIn(motion.id)).toEqual([
          counted(ana, 1),
          counted(ben, 2),
        ]);
        expect(await store.ratings.givenIn(motion.id, ana)).toEqual([counted(ana, 2)]);
        expect(await store.ratings.receivedIn(motion.id, ana)).toEqual([counted(ana, 1)]);
        expect(await store.ratings.givenIn(other.id, ben)).toEqual([counted(ben, 1)]);
        expect(await store.ratings.receivedIn(other.id, ana)).toEqual([counted(ana, 1)]);
        expect(await store.ratings.givenIn(other.id, cy)).toEqual([]);
        expect(await store.ratings.receivedIn(other.id, cy)).toEqual([]);
      });

      it("ratings.strongest ranks a motion's rated published arguments by rounded mean, then count, then id", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        const { motion: other } = await rows.motion(space.id);
        const raters = [await rows.user(), await rows.user(), await rows.user()];
        const rated = async (scores: number[], change = {}, motionId = motion.id) => {
          const { argument } = await rows.argument(motionId, change);
          await rows.write(async (tx) => {
            for (const [i, score] of scores.entries()) {
              await tx.ratings.put({
                argumentId: argument.id,
                userId: raters[i]?.id as string,
                score,
                ratedAt: minute(i),
              });
            }
          });
          return argument.id;
        };
        const once = await rated([4]);
        const twice = await rated([4, 4]);
        const [tied, alsoTied] = [await rated([3, 4]), await rated([4, 3])].sort();
        const third = await rated([1, 1, 2]);
        await rated([4, 4, 4], { status: "hidden" });
        await rated([4, 4, 4], { status: "pending" });
        await rated([4], {}, other.id);
        await rows.argument(motion.id);
        const all = [
          { argumentId: twice, total: 8, count: 2 },
          { argumentId: once, total: 4, count: 1 },
          { argumentId: tied, total: 7, count: 2 },
          { argumentId: alsoTied, total: 7, count: 2 },
          { argumentId: third, total: 4, count: 3 },
        ];
        expect(await store.ratings.strongest(motion.id, 10, 0)).toEqual(all);
        expect(await store.ratings.strongest(motion.id, 2, 0)).toEqual(all.slice(0, 2));
        expect(await store.ratings.strongest(motion.id, 2, 2)).toEqual(all.slice(2, 4));
        expect(await store.ratings.strongest(motion.id, 10, 5)).toEqual([]);
        expect(await store.ratings.strongest(newId(), 10, 0)).toEqual([]);
      });

      it("ratings.strongest rounds a mean half up to hundredths before it counts the ratings", async () => {
        const space = await rows.space();
        const { motion } = await rows.motion(space.id);
        const raters = await Promise.all(Array.from({ length: 25 }, () => rows.user()));
        const rated = async (scores: number[]) => {
          const { argument } = await rows.argument(motion.id);
          await rows.write(async (tx) => {
            for (const [i, score] of scores.entries()) {
              const userId = raters[i]?.id as string;
              await tx.ratings.put({ argumentId: argument.id, userId, score, ratedAt: minute(i) });
            }
          });
          return argument.id;
        };
        // 17 / 8 = 2.125 shows as 2.13, so it ranks above 53 / 25 = 2.12 however many rated that.
        const halfUp = await rated([3, 3, 3, 2, 2, 2, 1, 1]);
        const below = await rated([3, 3, 3, ...Array.from({ length: 22 }, () => 2)]);
        const ids = (await store.ratings.strongest(motion.id, 10, 0)).map((r) => r.argumentId);
        expect(ids).toEqual([halfUp, below]);
      });
    });

    describe("search", () => {
      const lighthouse = "Findings\n\nThe lighthouse kept the harbour open.\n\nTrade moved inland.";
      const scope = (change: Partial<SearchScope>): SearchScope => ({
        words: ["lighthouse"],
        prefix: false,
        viewerId: newId(),
        readableSpaceIds: [],
        moderatedSpaceIds: [],
        limit: 20,
        ...change,
      });
      /** What a hit names, without its score, in a stable order. */
      const found = (hits: SearchHit[]) =>
        hits
          .map((hit) =>
            hit.type === "argument"
              ? `argument ${hit.id}`
              : `passage ${hit.documentId}/${hit.position}`,
          )
          .sort();

      it("finds a published argument and a current passage, within the readable spaces alone", async () => {
        const space = await rows.space();
        const unread = await rows.space();
        const doc = await rows.document(space.id, lighthouse, { title: "Keepers' log" });
        await rows.document(unread.id, lighthouse);
        const { motion } = await rows.motion(space.id, { title: "Lights matter" });
        const { argument } = await rows.argument(
          motion.id,
          { body: "Without the lighthouse no ship came in.", relation: "against", pseudonym: 3 },
          [passage(doc, "The lighthouse kept the harbour open.")],
        );
        await rows.argument(motion.id, { body: "The lighthouse was dark.", status: "pending" });
        const { motion: elsewhere } = await rows.motion(unread.id);
        await rows.argument(elsewhere.id, { body: "A lighthouse elsewhere." });

        const hits = await store.search(scope({ readableSpaceIds: [space.id] }));
        expect(found(hits)).toEqual(
          [`argument ${argument.id}`, `passage ${doc.document.id}/1`].sort(),
        );
        expect(hits.find((hit) => hit.type === "argument")).toMatchObject({
          motionId: motion.id,
          motionTitle: "Lights matter",
          spaceId: space.id,
          relation: "against",
          side: "against",
          authorId: argument.authorId,
          authorName: argument.authorName,
          pseudonym: 3,
          anonymous: false,
          hasCitations: true,
          createdAt: argument.createdAt,
        });
        expect(hits.find((hit) => hit.type === "passage")).toMatchObject({
          documentTitle: "Keepers' log",
          spaceId: space.id,
          versionId: doc.version.id,
          start: doc.blocks[1]?.start,
          end: doc.blocks[1]?.end,
        });
        for (const hit of hits) {
          expect(hit.snippet).toContain(`${SNIPPET_START}lighthouse${SNIPPET_END}`);
          expect(hit.score).toBeGreaterThan(0);
        }

        const prefix = scope({ words: ["lighth"], prefix: true, readableSpaceIds: [space.id] });
        expect(found(await store.search(prefix))).toEqual(found(hits));
        const passages = scope({ type: "passage", readableSpaceIds: [space.id] });
        expect(found(await store.search(passages))).toEqual([`passage ${doc.document.id}/1`]);
        const inMotion = scope({ motionId: motion.id, readableSpaceIds: [space.id] });
        expect(found(await store.search(inMotion))).toEqual([`argument ${argument.id}`]);
        expect(await store.search(scope({ readableSpaceIds: [] }))).toEqual([]);
      });

      it("finds a draft motion's arguments only where the reader moderates, and only current passages", async () => {
        const space = await rows.space();
        const doc = await rows.document(space.id, lighthouse);
        const { motion } = await rows.motion(space.id, { status: "draft" });
        const { argument } = await rows.argument(motion.id, { body: "The lighthouse burned." });
        const next = newVersion(doc.document.id, 2, "Nothing to see.");
        await rows.write(async (tx) => {
          await tx.documents.insertVersion(next.version, next.blocks);
          await tx.documents.setCurrentVersion(doc.document.id, next.version.id);
        });
        const reader = scope({ readableSpaceIds: [space.id] });
        expect(await store.search(reader)).toEqual([]);
        const moderator = scope({ readableSpaceIds: [space.id], moderatedSpaceIds: [space.id] });
        expect(found(await store.search(moderator))).toEqual([`argument ${argument.id}`]);
      });
    });
  });
}
