import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as previewRoute } from "../../app/api/spaces/[id]/documents/preview/route";
import { POST as importRoute } from "../../app/api/spaces/[id]/documents/route";
import type { Store } from "../../db/store";
import { selectorAt } from "../../lib/anchoring";
import { createMotion } from "../../server/domain/debate/createMotion";
import { addVersion } from "../../server/domain/library/addVersion";
import { importDocument } from "../../server/domain/library/importDocument";
import { previewDocument } from "../../server/domain/library/previewDocument";
import { createSpace } from "../../server/domain/spaces/createSpace";
import { systemActor } from "../../server/policy";
import { WorkPool } from "../../server/work/pool";
import { setWorkPool } from "../../server/work/shared";
import { type Person, person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { dialects, type TestStore } from "../support/stores";

const id = () => crypto.randomUUID();
const params = (spaceId: string) => ({ params: Promise.resolve({ id: spaceId }) });
const KB = 1024;
const sized = (unit: string, bytes = 150 * KB) => unit.repeat(Math.ceil(bytes / unit.length));

/**
 * Markdown that made the importer (marked's lexer, or our tag stripping) take time growing with
 * the square of its length, or recurse past the stack: each must finish, read or refused.
 */
const adversarialMarkdown: [string, string][] = [
  ["unclosed emphasis, *a *a *a", sized("*a ")],
  ["unclosed emphasis without spaces, *a*a*a", sized("*a")],
  ["unclosed underscores, _a _a", sized("_a ")],
  ["unclosed underscores without spaces, _a_a", sized("_a")],
  ['many "<!--"', sized("<!--")],
  ['many "<a " without ">"', `<div>\n${sized("<a ")}`],
  ["unclosed links around emphasis, [*a](", sized("[*a](")],
  ["unclosed brackets", sized("[")],
  ["quotations nested 50,000 deep", `${"> ".repeat(50_000)}deep`],
  ["lists nested 50,000 deep", `${"- ".repeat(50_000)}deep`],
  ["one long line without spaces", sized("a")],
];

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`work past its time budget, on ${dialect.name}`, () => {
    let db: TestStore;
    let store: Store;
    let pool: WorkPool;
    let spaceId: string;
    let owner: Person;

    const documentCount = async () => (await store.documents.list([spaceId])).length;

    beforeAll(async () => {
      db = await dialect.open();
      store = db.store;
      // Ordinary documents take milliseconds, the attacks a minute or more: a budget of a second
      // tells them apart on a busy machine too, and keeps each refusal short.
      pool = new WorkPool({ budgetMs: 1_000, threads: 1 });
      setWorkPool(pool);
      setTestRuntime(store);
      const space = await createSpace(store, systemActor, {
        clientId: id(),
        name: "Harbour seminar",
        visibility: "private",
      });
      if (!space.ok) throw new Error(space.error.message);
      spaceId = space.value.spaceId;
      owner = await person(store, "Orla Owner", { spaceId, role: "owner" });
    });
    afterAll(async () => {
      await pool?.close();
      await db?.dispose();
    });

    // What the importer does with each input is the same on either database: the whole list runs
    // on SQLite, and one input shows PostgreSQL keeps nothing of a refused import either.
    const inputs =
      dialect.name === "sqlite"
        ? adversarialMarkdown
        : adversarialMarkdown.filter(([name]) => name.startsWith("unclosed links"));
    it.each(inputs)(
      "Markdown with %s is previewed and imported, or refused too_complex with nothing stored",
      async (_, text) => {
        const input = { clientId: id(), spaceId, title: "Attack", text, format: "markdown" };
        const preview = await previewDocument(store, systemActor, input);
        expect(preview.ok || preview.error.code).toSatisfy(
          (o) => o === true || o === "too_complex",
        );

        const before = await documentCount();
        const imported = await importDocument(store, systemActor, input);
        if (imported.ok) {
          expect(await documentCount()).toBe(before + 1);
          const stored = await store.documents.get(imported.value.documentId);
          expect(stored?.currentVersionId).toBe(imported.value.versionId);
        } else {
          expect(imported.error.code).toBe("too_complex");
          expect(imported.error.message).toMatch(/too complex.*nothing was stored/);
          expect(await documentCount()).toBe(before);
        }
      },
      // Each refusal also waits for a new worker thread to start; that takes seconds under load.
      120_000,
    );

    it("an ordinary document reads the same on the worker", async () => {
      const text = "# Harbour\n\nClosed in *winter*; trade moved inland by **rail**.";
      const preview = await previewDocument(store, systemActor, {
        spaceId,
        title: "Harbour",
        text,
        format: "markdown",
      });
      expect(preview).toMatchObject({
        ok: true,
        value: {
          text: "Harbour\n\nClosed in winter; trade moved inland by rail.",
          format: "markdown",
        },
      });
    });

    it("a document too complex to read answers 422 too_complex over REST and stores nothing", async () => {
      const before = await documentCount();
      const body = { title: "Attack", text: sized("[*a]("), format: "markdown" };
      for (const door of [previewRoute, importRoute]) {
        const response = await door(
          new Request("http://localhost/api", {
            method: "POST",
            headers: { "content-type": "application/json", cookie: owner.cookie },
            body: JSON.stringify(body),
          }),
          params(spaceId),
        );
        expect(response.status).toBe(422);
        expect((await response.json()).error.code).toBe("too_complex");
      }
      expect(await documentCount()).toBe(before);
    }, 120_000);

    it("a new version whose passages take too long to find again is refused, and nothing is stored", async () => {
      // Every passage of a text of one repeated word occurs at every other offset: re-anchoring
      // a hundred of them in the text shifted by one character takes half a minute.
      const text = "a ".repeat(50_000);
      const imported = await importDocument(store, systemActor, {
        clientId: id(),
        spaceId,
        title: "Monotone",
        text,
      });
      if (!imported.ok) throw new Error(imported.error.message);
      const { documentId, versionId } = imported.value;
      const stored = (await store.documents.version(versionId))?.text ?? "";
      const motionIds: string[] = [];
      for (let m = 0; m < 5; m++) {
        const motion = await createMotion(store, systemActor, {
          clientId: id(),
          spaceId,
          title: `Monotony is a virtue, ${m + 1}`,
          status: "open",
          sources: Array.from({ length: 20 }, (_, i) => {
            const start = (m * 20 + i) * 900;
            return { documentId, ...selectorAt(stored, start, start + 2_001) };
          }),
        });
        if (!motion.ok) throw new Error(motion.error.message);
        motionIds.push(motion.value.motionId);
      }
      const anchorsBefore = await store.motions.sourcesInDocument(documentId);
      const eventsOf = (motionId: string) => store.events.after(motionId, 0, 1_000);
      const eventsBefore = await Promise.all(motionIds.map(eventsOf));

      const added = await addVersion(store, systemActor, {
        clientId: id(),
        documentId,
        text: `b${text}`,
      });
      expect(added.ok || added.error.code).toBe("too_complex");
      expect((await store.documents.get(documentId))?.currentVersionId).toBe(versionId);
      expect(await store.motions.sourcesInDocument(documentId)).toEqual(anchorsBefore);
      expect(await Promise.all(motionIds.map(eventsOf))).toEqual(eventsBefore);
    }, 120_000);
  });
}
