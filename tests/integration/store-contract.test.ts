import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMotion } from "../../server/domain/debate/createMotion";
import { getMotion, listMotions } from "../../server/domain/debate/queries";
import { getDocument, listDocuments } from "../../server/domain/library/queries";
import { anonymousActor, systemActor } from "../../server/policy";
import { motionOn, spaceWithDocument } from "../support/fixtures";
import { dialects, type TestStore } from "../support/stores";

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`the Store on ${dialect.name}`, () => {
    let db: TestStore;
    beforeAll(async () => {
      db = await dialect.open();
    });
    afterAll(() => db?.dispose());

    it("a motion whose quote is not in the document is refused and nothing is stored", async () => {
      const { spaceId, documentId } = await spaceWithDocument(db.store, "public");
      const before = await db.store.motions.list([spaceId]);
      const outcome = await createMotion(db.store, systemActor, {
        clientId: crypto.randomUUID(),
        spaceId,
        title: "A motion on a misquote",
        status: "open",
        sources: [
          {
            documentId,
            exact: "The harbour never closed.",
            prefix: "",
            suffix: "",
            start: 14,
            end: 40,
          },
        ],
      });
      expect(outcome).toMatchObject({ ok: false, error: { code: "invalid_citation" } });
      expect(await db.store.motions.list([spaceId])).toEqual(before);
    });

    it("a retried command is stored once and answers the same", async () => {
      const { spaceId, documentId } = await spaceWithDocument(db.store, "public");
      const input = { clientId: "retry-1", spaceId, title: "Retried motion", status: "open" };
      const first = await createMotion(db.store, systemActor, input);
      const second = await createMotion(db.store, systemActor, input);
      expect(first.ok && second.ok).toBe(true);
      expect(second).toMatchObject({ ok: true, value: first.ok ? first.value : {}, events: [] });
      expect(await db.store.motions.list([spaceId])).toHaveLength(1);
      expect(documentId).toBeTruthy();
    });

    it("concurrent events on one motion get distinct, gap-free seqs", async () => {
      const { spaceId, documentId, versionId } = await spaceWithDocument(db.store, "public");
      const version = await db.store.documents.version(versionId);
      const motionId = await motionOn(db.store, spaceId, documentId, version?.text ?? "");
      const appended = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          db.store.transaction((tx) =>
            tx.events.append({
              motionId,
              type: "motion.edited",
              data: { title: `Title ${i}`, description: "" },
              actorId: "system",
              at: new Date(),
            }),
          ),
        ),
      );
      expect(appended.map((e) => e.seq).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 2),
      );
      const log = await db.store.events.after(motionId, 0, 100);
      expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    });

    it("a transaction that throws keeps nothing it wrote", async () => {
      const { spaceId } = await spaceWithDocument(db.store, "public");
      await expect(
        db.store.transaction(async (tx) => {
          await tx.spaces.insert({
            id: crypto.randomUUID(),
            slug: "never-kept",
            name: "Never kept",
            visibility: "public",
            joinCode: null,
            createdAt: new Date(),
          });
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await db.store.spaces.bySlug("never-kept")).toBeUndefined();
      expect(spaceId).toBeTruthy();
    });

    it("transactions running at once keep apart: each keeps or drops only what it wrote", async () => {
      const space = (slug: string) => ({
        id: crypto.randomUUID(),
        slug,
        name: slug,
        visibility: "public" as const,
        joinCode: null,
        createdAt: new Date(),
      });
      const kept = db.store.transaction(async (tx) => {
        await tx.spaces.insert(space("kept-while-another-fails"));
        // Still open while the other one writes and throws.
        await new Promise((resolve) => setTimeout(resolve, 100));
        return tx.spaces.bySlug("kept-while-another-fails");
      });
      const dropped = db.store.transaction(async (tx) => {
        await tx.spaces.insert(space("dropped-while-another-runs"));
        throw new Error("boom");
      });
      await expect(dropped).rejects.toThrow("boom");
      expect(await kept).toMatchObject({ slug: "kept-while-another-fails" });
      expect(await db.store.spaces.bySlug("kept-while-another-fails")).toBeDefined();
      expect(await db.store.spaces.bySlug("dropped-while-another-runs")).toBeUndefined();
    });

    it("a snapshot's reads see none of a write committed while it runs; reads after it do", async () => {
      const { spaceId, documentId, versionId } = await spaceWithDocument(db.store, "public");
      const version = await db.store.documents.version(versionId);
      const motionId = await motionOn(db.store, spaceId, documentId, version?.text ?? "");
      const before = (await db.store.motions.get(motionId))?.lastSeq ?? -1;
      const edit = () =>
        db.store.transaction((tx) =>
          tx.events.append({
            motionId,
            type: "motion.edited",
            data: { title: "Edited meanwhile", description: "" },
            actorId: "system",
            at: new Date(),
          }),
        );
      const seen = await db.store.snapshot(async (read) => {
        const first = (await read.motions.get(motionId))?.lastSeq;
        await edit();
        // Other requests read the write at once; the snapshot does not.
        const outside = (await db.store.motions.get(motionId))?.lastSeq;
        const second = (await read.motions.get(motionId))?.lastSeq;
        return { first, outside, second };
      });
      expect(seen).toEqual({ first: before, outside: before + 1, second: before });
      expect((await db.store.motions.get(motionId))?.lastSeq).toBe(before + 1);
    });

    it("reads outside a write transaction let other waiting work run between them, in a snapshot too", async () => {
      const { spaceId } = await spaceWithDocument(db.store, "public");
      // What a page's reads did to every other room: ten reads of one request, awaited one after
      // another, then work queued before them (a socket's event, another request) got its turn.
      const order: string[] = [];
      const readTenTimes = async (read: Pick<typeof db.store, "spaces">) => {
        setImmediate(() => order.push("other work"));
        for (let i = 0; i < 10; i++) await read.spaces.get(spaceId);
        order.push("ten reads");
      };
      await readTenTimes(db.store);
      await db.store.snapshot(readTenTimes);
      expect(order).toEqual(["other work", "ten reads", "other work", "ten reads"]);
    });

    it("a private space's documents and motions are invisible to outsiders", async () => {
      const { spaceId, documentId, versionId } = await spaceWithDocument(db.store, "private");
      const version = await db.store.documents.version(versionId);
      const motionId = await motionOn(db.store, spaceId, documentId, version?.text ?? "");
      expect(await getDocument(db.store, anonymousActor, documentId)).toMatchObject({
        ok: false,
        error: { code: "not_found" },
      });
      expect(await getMotion(db.store, anonymousActor, motionId)).toMatchObject({
        ok: false,
        error: { code: "not_found" },
      });
      expect((await listDocuments(db.store, anonymousActor)).map((d) => d.id)).not.toContain(
        documentId,
      );
      expect((await listMotions(db.store, anonymousActor)).map((m) => m.id)).not.toContain(
        motionId,
      );
    });

    it("an anonymous visitor cannot create a motion, even in a public space", async () => {
      const { spaceId } = await spaceWithDocument(db.store, "public");
      const outcome = await createMotion(db.store, anonymousActor, {
        clientId: crypto.randomUUID(),
        spaceId,
        title: "Not allowed",
      });
      expect(outcome).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    });
  });
}
