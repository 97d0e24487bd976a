import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDocuments, demoMotions, featuredMotionKey, readDemoFile } from "../../db/demo/library";
import { sampleDebates } from "../../db/demo/sampleDebates";
import { mismatch } from "../../lib/anchoring";
import type { ArgumentNode } from "../../lib/debate";
import { featuredMotionId } from "../../server/demo/featuredMotion";
import { loadDemoLibrary } from "../../server/demo/loadDemoLibrary";
import { getMotion, listMotions } from "../../server/domain/debate/queries";
import { newId } from "../../server/domain/ids";
import { getDocument, listDocuments } from "../../server/domain/library/queries";
import { addSampleMember } from "../../server/domain/spaces/addSampleMember";
import { anonymousActor } from "../../server/policy";
import { dialects, type TestStore } from "../support/stores";

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`the demo library on ${dialect.name}`, () => {
    let db: TestStore;
    let spaceId: string;

    beforeAll(async () => {
      db = await dialect.open();
      ({ spaceId } = await loadDemoLibrary(db.store));
    });
    afterAll(() => db?.dispose());

    /** The motion's debate as a visitor reads it, with the seq it stands at. */
    async function debateOf(motionId: string | undefined) {
      const motion = await getMotion(db.store, anonymousActor, motionId);
      if (!motion.ok) throw new Error(motion.error.message);
      return motion.value.arguments;
    }

    it("migrates an empty database and loads three documents and six motions", async () => {
      const documents = await listDocuments(db.store, anonymousActor);
      expect(documents.map((d) => d.title).sort()).toEqual(
        demoDocuments.map((d) => d.title).sort(),
      );
      expect(documents.every((d) => d.spaceId === spaceId && d.blockCount > 3)).toBe(true);
      const motions = await listMotions(db.store, anonymousActor);
      expect(motions).toHaveLength(demoMotions.length);
      expect(motions.length).toBeGreaterThanOrEqual(6);
    });

    it("a second load adds nothing, sample debates included", async () => {
      const before = await listMotions(db.store, anonymousActor);
      const debates = await Promise.all(before.map((m) => debateOf(m.id)));
      const members = await db.store.memberships.list(spaceId);
      const again = await loadDemoLibrary(db.store);
      expect(again.spaceId).toBe(spaceId);
      expect(await listMotions(db.store, anonymousActor)).toEqual(before);
      expect(await Promise.all(before.map((m) => debateOf(m.id)))).toEqual(debates);
      expect(await db.store.memberships.list(spaceId)).toEqual(members);
      expect(await listDocuments(db.store, anonymousActor)).toHaveLength(3);
    });

    it("keeps each source document byte for byte, with its hash", async () => {
      for (const summary of await listDocuments(db.store, anonymousActor)) {
        const row = await db.store.documents.get(summary.id);
        const version = await db.store.documents.version(row?.currentVersionId ?? "");
        const demo = demoDocuments.find((d) => d.file === version?.fileName);
        const received = readDemoFile(demo?.file ?? "");
        const file = await db.store.documents.versionFile(version?.id ?? "");
        expect(Buffer.compare(file ?? Buffer.alloc(0), received)).toBe(0);
        expect(version?.rawHash).toBe(demo?.sha256);
        expect(sha256(received)).toBe(demo?.sha256);
        expect(version?.contentHash).toBe(sha256(version?.text ?? ""));
      }
    });

    it("links every motion to passages that say exactly its quotes", async () => {
      for (const summary of await listMotions(db.store, anonymousActor)) {
        expect(summary.status).toBe("open");
        expect(summary.description.length).toBeGreaterThan(20);
        expect(summary.sources.length).toBeGreaterThan(0);
        for (const source of summary.sources) {
          const document = await getDocument(db.store, anonymousActor, source.documentId);
          if (!document.ok) throw new Error(document.error.message);
          expect(mismatch(document.value.text, source)).toBeNull();
          expect(document.value.text.slice(source.start, source.end)).toBe(source.exact);
        }
      }
    });

    it("starts each motion's event log with motion.created at seq 1, then its sample debate", async () => {
      for (const summary of await listMotions(db.store, anonymousActor)) {
        const motion = await getMotion(db.store, anonymousActor, summary.id);
        if (!motion.ok) throw new Error(motion.error.message);
        const debate = sampleDebates.find((d) => d.motion === keyOf(summary.title));
        const posted = debate?.arguments.length ?? 0;
        expect(motion.value.seq).toBe(1 + posted);
        const events = await db.store.events.after(motion.value.id, 0, 100);
        expect(events.map((e) => [e.seq, e.type])).toEqual([
          [1, "motion.created"],
          ...Array.from({ length: posted }, (_, i) => [i + 2, "argument.posted"]),
        ]);
      }
    });

    it("ships a sample debate on every demo motion, by sample authors who cannot sign in", async () => {
      const motions = await listMotions(db.store, anonymousActor);
      expect(motions.every((m) => m.sampleDebate)).toBe(true);
      for (const summary of motions) {
        const all = flat(await debateOf(summary.id));
        expect(all.length).toBeGreaterThanOrEqual(3);
        expect(new Set(all.map((a) => a.relation))).toContain("for");
        expect(new Set(all.map((a) => a.relation))).toContain("against");
        expect(all.some((a) => a.parentId !== null)).toBe(true);
        for (const argument of all) {
          expect(argument.author.name).toMatch(/\(sample\)$/);
          const author = await db.store.users.get(argument.author.id);
          expect(author).toMatchObject({ sample: true, email: null, passwordHash: null });
          expect(await db.store.memberships.get(spaceId, argument.author.id)).toMatchObject({
            role: "participant",
          });
        }
      }
    });

    it("has the Abraham Accords motion debated by at least 8 arguments on both sides, with replies", async () => {
      const abraham = (await listMotions(db.store, anonymousActor)).find(
        (m) => keyOf(m.title) === featuredMotionKey,
      );
      const all = flat(await debateOf(abraham?.id));
      expect(all.length).toBeGreaterThanOrEqual(8);
      expect(all.every((a) => a.status === "published")).toBe(true);
      const count = (relation: string) => all.filter((a) => a.relation === relation).length;
      expect(count("for")).toBeGreaterThanOrEqual(2);
      expect(count("against")).toBeGreaterThanOrEqual(2);
      expect(count("supports")).toBeGreaterThanOrEqual(1);
      expect(count("attacks")).toBeGreaterThanOrEqual(1);
    });

    it("offers the Abraham Accords motion to try, and adds sample members for the demo alone", async () => {
      const abraham = (await listMotions(db.store, anonymousActor)).find(
        (m) => keyOf(m.title) === featuredMotionKey,
      );
      expect(await featuredMotionId(db.store)).toBe(abraham?.id);
      const someone = { kind: "user" as const, id: newId(), name: "Someone", guestOf: null };
      const refused = await addSampleMember(db.store, someone, { spaceId, name: "Fake (sample)" });
      expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });
    });

    it("cites in every sample argument the exact words of a seed passage", async () => {
      const quoted: string[] = [];
      for (const summary of await listMotions(db.store, anonymousActor)) {
        for (const argument of flat(await debateOf(summary.id))) {
          expect(argument.citations.length).toBeGreaterThan(0);
          for (const citation of argument.citations) {
            const document = await getDocument(db.store, anonymousActor, citation.documentId);
            if (!document.ok) throw new Error(document.error.message);
            expect(mismatch(document.value.text, citation)).toBeNull();
            expect(document.value.text.slice(citation.start, citation.end)).toBe(citation.exact);
            quoted.push(citation.exact);
          }
        }
      }
      const written = sampleDebates.flatMap((d) => d.arguments.flatMap((a) => a.cites));
      expect(quoted.sort()).toEqual(written.map((c) => c.quote).sort());
    });
  });
}

/** The demo motion's key, found by its title. */
const keyOf = (title: string) => demoMotions.find((m) => m.title === title)?.key;

function flat(nodes: ArgumentNode[]): ArgumentNode[] {
  return nodes.flatMap((node) => [node, ...flat(node.children)]);
}
