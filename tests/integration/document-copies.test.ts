import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as readDocument } from "../../app/api/documents/[id]/route";
import { POST as addDocument } from "../../app/api/spaces/[id]/documents/route";
import { POST as createMotion } from "../../app/api/spaces/[id]/motions/route";
import type { Store } from "../../db/store";
import { selectorAt } from "../../lib/anchoring";
import type { DocumentView } from "../../lib/views";
import { importDocument } from "../../server/domain/library/importDocument";
import { copyTargets } from "../../server/domain/library/queries";
import { createSpace } from "../../server/domain/spaces/createSpace";
import { systemActor } from "../../server/policy";
import { actorOf } from "../support/debate";
import { type Person, person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { dialects, type TestStore } from "../support/stores";

// A teacher reuses the library: a document anyone may read is added to their own space,
// whole, and drafted from there.
const params = (id: string) => ({ params: Promise.resolve({ id }) });

const post = (cookie: string | undefined, body: unknown) =>
  new Request("http://localhost/api", {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });

/** A commentary headed by its title: each title its own text. */
const commentary = (title: string) =>
  [
    `# ${title}`,
    "Joining the Abraham Accords would open new trade routes for Kazakhstan.",
    "Critics say the step brings little that existing ties do not already give.",
  ].join("\n\n");

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`copying a document into a space on ${dialect.name}`, () => {
    let db: TestStore;
    let store: Store;
    let classroom: string;
    let library: string;
    let hidden: string;
    let teacher: Person;
    let student: Person;

    async function space(name: string, visibility: "public" | "private") {
      const made = await createSpace(store, systemActor, { name, visibility });
      if (!made.ok) throw new Error(made.error.message);
      return made.value.spaceId;
    }
    async function libraryDocument(spaceId: string, title: string, text = commentary(title)) {
      const made = await importDocument(store, systemActor, {
        spaceId,
        title,
        author: "A. Commentator",
        text,
        format: "markdown",
      });
      if (!made.ok) throw new Error(made.error.message);
      return made.value.documentId;
    }
    async function read(id: string, cookie: string): Promise<DocumentView> {
      const answer = await readDocument(
        new Request("http://localhost/api", { headers: { cookie } }),
        params(id),
      );
      expect(answer.status).toBe(200);
      return answer.json();
    }
    const copy = (cookie: string | undefined, body: unknown, spaceId = classroom) =>
      addDocument(post(cookie, body), params(spaceId));

    beforeAll(async () => {
      db = await dialect.open();
      store = db.store;
      setTestRuntime(store);
      library = await space("Public library", "public");
      hidden = await space("Staff room", "private");
      classroom = await space("Year 11 politics", "private");
      teacher = await person(store, "Tomas Teacher", { spaceId: classroom, role: "owner" });
      student = await person(store, "Sara Student", { spaceId: classroom, role: "participant" });
    });
    afterAll(() => db?.dispose());

    it("answers 201 with the same text and blocks, in the space, linked to its source", async () => {
      const sourceId = await libraryDocument(library, "Accords commentary");
      const answer = await copy(teacher.cookie, { fromDocumentId: sourceId });
      expect(answer.status).toBe(201);
      const copied: DocumentView = await answer.json();
      expect(answer.headers.get("location")).toBe(`/api/documents/${copied.id}`);
      const source = await read(sourceId, teacher.cookie);
      expect(copied.id).not.toBe(sourceId);
      expect(copied).toMatchObject({
        spaceId: classroom,
        title: "Accords commentary",
        author: "A. Commentator",
        text: source.text,
        blocks: source.blocks,
        contentHash: source.contentHash,
        versionNumber: 1,
        copiedFrom: { id: sourceId, title: "Accords commentary" },
      });
      expect(source.copiedFrom).toBeNull();
      expect(await read(copied.id, teacher.cookie)).toEqual(copied);
    });

    it("a document the member cannot read answers 404, as any unknown document", async () => {
      const secretId = await libraryDocument(hidden, "Staff notes");
      const answer = await copy(teacher.cookie, { fromDocumentId: secretId });
      expect(answer.status).toBe(404);
      expect(await answer.json()).toEqual({
        error: { code: "not_found", message: "No such document." },
      });
      const unknown = await copy(teacher.cookie, { fromDocumentId: crypto.randomUUID() });
      expect(unknown.status).toBe(404);
      expect(await store.documents.list([classroom])).not.toContainEqual(
        expect.objectContaining({ copiedFrom: secretId }),
      );
    });

    it("only those who may add documents to the space may copy one into it", async () => {
      const sourceId = await libraryDocument(library, "Trade routes");
      const byStudent = await copy(student.cookie, { fromDocumentId: sourceId });
      expect(byStudent.status).toBe(403);
      expect((await byStudent.json()).error.code).toBe("forbidden");
      // A private space is not shown to those outside it, signed in or not.
      const signedOut = await copy(undefined, { fromDocumentId: sourceId });
      expect(signedOut.status).toBe(404);
      const outsider = await person(store, "Olive Outsider");
      const byOutsider = await copy(outsider.cookie, { fromDocumentId: sourceId });
      expect(byOutsider.status).toBe(404);
      const { contentHash } = await read(sourceId, teacher.cookie);
      expect(
        await store.documents.copyIn(classroom, { id: sourceId, contentHash }),
      ).toBeUndefined();
    });

    it("a body without a valid document id answers 400", async () => {
      const answer = await copy(teacher.cookie, { fromDocumentId: "not-an-id" });
      expect(answer.status).toBe(400);
      expect((await answer.json()).error.code).toBe("invalid_input");
    });

    it("a retried copy is stored once; a second copy into the space is a conflict naming the first", async () => {
      const sourceId = await libraryDocument(library, "Pipelines");
      const first = await copy(teacher.cookie, { fromDocumentId: sourceId, clientId: "copy-1" });
      const retried = await copy(teacher.cookie, { fromDocumentId: sourceId, clientId: "copy-1" });
      expect(first.status).toBe(201);
      expect(retried.status).toBe(201);
      const { id } = await first.json();
      expect((await retried.json()).id).toBe(id);
      expect(
        (await store.documents.list([classroom])).filter((d) => d.copiedFrom === sourceId),
      ).toHaveLength(1);

      const again = await copy(teacher.cookie, { fromDocumentId: sourceId, clientId: "copy-2" });
      expect(again.status).toBe(409);
      const { error } = await again.json();
      expect(error.code).toBe("conflict");
      expect(error.message).toContain(`/documents/${id}`);
    });

    it("a space that holds the same text already (uploaded, or brought by a debate's import) is offered it, not a copy, and a copy is a conflict naming it", async () => {
      const sourceId = await libraryDocument(library, "Ports and rails");
      const sameText = await libraryDocument(
        classroom,
        "Our reading",
        commentary("Ports and rails"),
      );
      const source = await read(sourceId, teacher.cookie);
      const targets = await copyTargets(store, actorOf(teacher), source);
      expect(targets).toContainEqual({ id: classroom, name: "Year 11 politics", copyId: sameText });
      const answer = await copy(teacher.cookie, { fromDocumentId: sourceId });
      expect(answer.status).toBe(409);
      expect((await answer.json()).error).toEqual({
        code: "conflict",
        message: `This space already has “Our reading”, with the same text: /documents/${sameText}`,
      });
      expect(await store.documents.list([classroom])).not.toContainEqual(
        expect.objectContaining({ copiedFrom: sourceId }),
      );
      // Once that document reads otherwise, a copy is welcome.
      const other = await libraryDocument(library, "Ports and pipelines");
      const otherView = await read(other, teacher.cookie);
      const offered = await copyTargets(store, actorOf(teacher), otherView);
      expect(offered).toContainEqual({ id: classroom, name: "Year 11 politics", copyId: null });
    });

    it("the copy is the space's own: a motion drawn from its passages", async () => {
      const sourceId = await libraryDocument(library, "Corridors");
      const copied: DocumentView = await (
        await copy(teacher.cookie, { fromDocumentId: sourceId })
      ).json();
      const quote = "open new trade routes for Kazakhstan";
      const at = copied.text.indexOf(quote);
      const source = { documentId: copied.id, ...selectorAt(copied.text, at, at + quote.length) };
      const answer = await createMotion(
        post(teacher.cookie, { title: "Kazakhstan should join the Accords", sources: [source] }),
        params(classroom),
      );
      expect(answer.status).toBe(201);
      const motion = await answer.json();
      expect(motion.sources).toEqual([
        expect.objectContaining({ documentId: copied.id, exact: quote }),
      ]);
      // The library's own document is not the space's: a motion there cannot draw on it.
      const fromLibrary = await createMotion(
        post(teacher.cookie, {
          title: "Kazakhstan should join the Accords",
          sources: [{ ...source, documentId: sourceId }],
        }),
        params(classroom),
      );
      expect(fromLibrary.status).toBe(400);
      expect((await fromLibrary.json()).error.code).toBe("invalid_citation");
    });
  });
}
