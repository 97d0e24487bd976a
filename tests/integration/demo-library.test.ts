import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDocuments, demoMotions, readDemoFile } from "../../db/demo/library";
import { mismatch } from "../../lib/anchoring";
import { loadDemoLibrary } from "../../server/demo/loadDemoLibrary";
import { getMotion, listMotions } from "../../server/domain/debate/queries";
import { getDocument, listDocuments } from "../../server/domain/library/queries";
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

    it("a second load adds nothing", async () => {
      const before = await listMotions(db.store, anonymousActor);
      const again = await loadDemoLibrary(db.store);
      expect(again.spaceId).toBe(spaceId);
      expect(await listMotions(db.store, anonymousActor)).toEqual(before);
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

    it("starts each motion's event log with motion.created at seq 1", async () => {
      const [first] = await listMotions(db.store, anonymousActor);
      const motion = await getMotion(db.store, anonymousActor, first?.id);
      if (!motion.ok) throw new Error(motion.error.message);
      expect(motion.value.seq).toBe(1);
      expect(motion.value.arguments).toEqual([]);
      const events = await db.store.events.after(motion.value.id, 0, 10);
      expect(events.map((e) => [e.seq, e.type])).toEqual([[1, "motion.created"]]);
    });
  });
}
