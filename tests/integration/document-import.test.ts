import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getDocument } from "../../app/api/documents/[id]/route";
import { POST as preview } from "../../app/api/spaces/[id]/documents/preview/route";
import {
  POST as importDocument,
  GET as listDocuments,
} from "../../app/api/spaces/[id]/documents/route";
import type { Store } from "../../db/store";
import type { SpaceRole } from "../../lib/spaces";
import { createSpace } from "../../server/domain/spaces/createSpace";
import { systemActor } from "../../server/policy";
import { corruptPdf, passwordPdf, scannedPdf, textPdf } from "../support/pdf";
import { type Person, person } from "../support/people";
import { setTestRuntime } from "../support/runtime";
import { dialects, type TestStore } from "../support/stores";

// The doors are called as Next calls them, with multipart or JSON bodies as a browser sends.
const params = (id: string) => ({ params: Promise.resolve({ id }) });

type Upload = { bytes: Uint8Array; name: string; type: string };

function formRequest(cookie: string | undefined, fields: Record<string, string>, file?: Upload) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file) {
    form.set("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  }
  return new Request("http://localhost/api", {
    method: "POST",
    headers: cookie ? { cookie } : {},
    body: form,
  });
}

function jsonRequest(cookie: string | undefined, body: unknown) {
  return new Request("http://localhost/api", {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

const pdfFile = (bytes: Uint8Array, name = "harbour.pdf"): Upload => ({
  bytes,
  name,
  type: "application/pdf",
});
const textFile = (text: string, name = "notes.txt", type = "text/plain"): Upload => ({
  bytes: new TextEncoder().encode(text),
  name,
  type,
});

/**
 * Two pages of a journal: a numbered heading, a paragraph with a word hyphenated at a line's
 * end, and a paragraph that the page break cuts mid-sentence; a running header and page numbers.
 */
const harbourPages = [
  [
    { text: "1. The harbour in winter", size: 14 },
    {
      text: "The harbour at Port Ellen was closed for three months every winter, and the fishing fleet",
      gapBefore: 8,
    },
    {
      text: "tied up along the north quay until the ice broke in the spring. The merchants of the town",
    },
    {
      text: "sent their goods inland by rail instead, on a line that was slower than the sea but never",
    },
    { text: "froze, and by the end of the century the railway carried more of the town's trans-" },
    { text: "port than the harbour did." },
    {
      text: "The rail line was built in 1871 by a company of local investors who expected it to carry",
      gapBefore: 8,
    },
    {
      text: "timber and coal down to the coast for export to the countries across the sea, and who",
    },
    {
      text: "were surprised when, in the first hard winter after it opened, it carried the whole of the",
    },
  ],
  [
    {
      text: "harbour's trade the other way. Its engineers had planned it for heavy freight, and the",
    },
    { text: "passenger service that the town came to depend on was an afterthought of the board." },
  ],
];
const harbourParagraphs = [
  "1. The harbour in winter",
  "The harbour at Port Ellen was closed for three months every winter, and the fishing fleet tied up along the north quay until the ice broke in the spring. The merchants of the town sent their goods inland by rail instead, on a line that was slower than the sea but never froze, and by the end of the century the railway carried more of the town's transport than the harbour did.",
  "The rail line was built in 1871 by a company of local investors who expected it to carry timber and coal down to the coast for export to the countries across the sea, and who were surprised when, in the first hard winter after it opened, it carried the whole of the harbour's trade the other way. Its engineers had planned it for heavy freight, and the passenger service that the town came to depend on was an afterthought of the board.",
];

const harbourPdf = () => textPdf(harbourPages, { header: "Harbour Review" });

type Outline = { kind: string; level: number | null; start: number; end: number };
const outline = ({ text, blocks }: { text: string; blocks: Outline[] }) =>
  blocks.map(
    (b) => `${b.kind}${b.level === null ? "" : ` ${b.level}`}: ${text.slice(b.start, b.end)}`,
  );

for (const dialect of await dialects()) {
  describe.skipIf(dialect.skip)(`importing documents over REST on ${dialect.name}`, () => {
    let db: TestStore;
    let store: Store;
    let spaceId: string;
    let people: Record<SpaceRole | "outsider", Person>;

    async function newSpace(visibility: "public" | "private") {
      const space = await createSpace(store, systemActor, { name: "Harbour seminar", visibility });
      if (!space.ok) throw new Error(space.error.message);
      return space.value.spaceId;
    }
    const documentCount = async (space = spaceId) => (await store.documents.list([space])).length;
    /** Posts to the import door as the owner, unless someone else is named. */
    const post = (request: Request, space = spaceId) => importDocument(request, params(space));

    beforeAll(async () => {
      db = await dialect.open();
      store = db.store;
      setTestRuntime(store);
      spaceId = await newSpace("private");
      const member = (name: string, role: SpaceRole) => person(store, name, { spaceId, role });
      people = {
        owner: await member("Orla Owner", "owner"),
        moderator: await member("Mo Moderator", "moderator"),
        participant: await member("Pia Participant", "participant"),
        observer: await member("Otto Observer", "observer"),
        outsider: await person(store, "Olive Outsider"),
      };
    });
    afterAll(() => db?.dispose());

    describe("a PDF", () => {
      it("is imported with its paragraphs rebuilt and its running header and page numbers gone", async () => {
        const bytes = await harbourPdf();
        const response = await post(
          formRequest(
            people.owner.cookie,
            { title: "Harbour Review 12", author: "A. Clerk" },
            pdfFile(bytes),
          ),
        );
        expect(response.status).toBe(201);
        const document = await response.json();
        expect(document.text).toBe(harbourParagraphs.join("\n\n"));
        expect(outline(document)).toEqual([
          `heading 1: ${harbourParagraphs[0]}`,
          `paragraph: ${harbourParagraphs[1]}`,
          `paragraph: ${harbourParagraphs[2]}`,
        ]);
        expect(document.text).not.toMatch(/Harbour Review|\n\d+\n|trans- ?port/);
        expect(document).toMatchObject({ spaceId, title: "Harbour Review 12", author: "A. Clerk" });

        const shown = await getDocument(
          new Request("http://localhost/api", { headers: { cookie: people.observer.cookie } }),
          params(document.id),
        );
        expect(await shown.json()).toEqual(document);
      });

      it("keeps the file's bytes as received, with their SHA-256", async () => {
        const bytes = await harbourPdf();
        const response = await post(
          formRequest(people.owner.cookie, { title: "Kept" }, pdfFile(bytes)),
        );
        const { versionId } = await response.json();
        const version = await store.documents.version(versionId);
        expect(version).toMatchObject({ fileName: "harbour.pdf", mediaType: "application/pdf" });
        const file = await store.documents.versionFile(versionId);
        expect(Buffer.from(file ?? []).equals(Buffer.from(bytes))).toBe(true);
        expect(version?.rawHash).toBe(createHash("sha256").update(bytes).digest("hex"));
      });
    });

    it("a Markdown file is read as Markdown, from its name when the browser gives no type", async () => {
      const markdown = [
        "# Rail and harbour",
        "",
        "## The line",
        "",
        "The rail line was built in 1871",
        "by **local** investors.",
        "",
        "- It carried _timber_ and coal.",
        "- It never froze.",
      ].join("\n");
      const response = await post(
        formRequest(people.owner.cookie, { title: "Rail" }, textFile(markdown, "rail.md", "")),
      );
      expect(response.status).toBe(201);
      const document = await response.json();
      expect(outline(document)).toEqual([
        "heading 1: Rail and harbour",
        "heading 2: The line",
        "paragraph: The rail line was built in 1871 by local investors.",
        "paragraph: It carried timber and coal.",
        "paragraph: It never froze.",
      ]);
      expect((await store.documents.version(document.versionId))?.mediaType).toBe("text/markdown");
    });

    it("pasted text is imported from JSON and kept as its UTF-8 bytes", async () => {
      const text =
        "The harbour report\n\nThe harbour was closed in winter. Trade moved inland by rail.";
      const response = await post(
        jsonRequest(people.moderator.cookie, {
          title: "Pasted",
          text,
          format: "text",
          note: "From the minutes",
        }),
      );
      expect(response.status).toBe(201);
      const document = await response.json();
      expect(outline(document)).toEqual([
        "heading 1: The harbour report",
        "paragraph: The harbour was closed in winter. Trade moved inland by rail.",
      ]);
      expect(document.note).toBe("From the minutes");
      const version = await store.documents.version(document.versionId);
      expect(version?.mediaType).toBe("text/plain");
      const file = await store.documents.versionFile(document.versionId);
      expect(Buffer.from(file ?? []).toString("utf8")).toBe(text);
    });

    it("the preview stores nothing, and saving with the same edits stores the blocks it showed", async () => {
      const before = await documentCount();
      const at = harbourParagraphs[1]?.indexOf(" The merchants") ?? -1;
      const edits = JSON.stringify([
        { op: "split", index: 1, at },
        { op: "kind", index: 0, kind: "heading", level: 2 },
        { op: "join", index: 2 },
      ]);
      const shown = await preview(
        formRequest(people.owner.cookie, { title: "Edited", edits }, pdfFile(await harbourPdf())),
        params(spaceId),
      );
      expect(shown.status).toBe(200);
      const previewed = await shown.json();
      expect(previewed).toMatchObject({ format: "pdf", characters: previewed.text.length });
      expect(outline(previewed)).toEqual([
        `heading 2: ${harbourParagraphs[0]}`,
        "paragraph: The harbour at Port Ellen was closed for three months every winter, and the fishing fleet tied up along the north quay until the ice broke in the spring.",
        `paragraph: The merchants of the town sent their goods inland${harbourParagraphs[1]?.split("goods inland")[1]} ${harbourParagraphs[2]}`,
      ]);
      expect(await documentCount()).toBe(before);

      const saved = await post(
        formRequest(people.owner.cookie, { title: "Edited", edits }, pdfFile(await harbourPdf())),
      );
      expect(saved.status).toBe(201);
      const document = await saved.json();
      expect(document.text).toBe(previewed.text);
      expect(document.blocks).toEqual(previewed.blocks);
      expect(await documentCount()).toBe(before + 1);
    });

    it("the preview takes pasted Markdown too", async () => {
      const shown = await preview(
        jsonRequest(people.owner.cookie, {
          title: "Notes",
          text: "# Notes\n\nClosed *in* winter.",
          format: "markdown",
        }),
        params(spaceId),
      );
      expect(await shown.json()).toEqual({
        text: "Notes\n\nClosed in winter.",
        blocks: [
          { kind: "heading", level: 1, start: 0, end: 5 },
          { kind: "paragraph", level: null, start: 7, end: 24 },
        ],
        format: "markdown",
        characters: 24,
      });
    });

    describe("refuses, storing nothing,", () => {
      const overTenMegabytes = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61);
      const refusals: [string, () => Promise<Request>, number, RegExp][] = [
        [
          "a file over 10 MB",
          async () =>
            formRequest(
              people.owner.cookie,
              { title: "Big" },
              { bytes: overTenMegabytes, name: "big.txt", type: "text/plain" },
            ),
          413,
          /larger than 10 MB/,
        ],
        [
          "a body whose Content-Length says it is over 10 MB, before reading it",
          async () =>
            new Request("http://localhost/api", {
              method: "POST",
              headers: {
                cookie: people.owner.cookie,
                "content-type": "multipart/form-data; boundary=x",
                "content-length": String(20 * 1024 * 1024),
              },
              body: "--x--",
            }),
          413,
          /larger than 10 MB/,
        ],
        [
          "a type it does not read, naming those it does",
          async () =>
            formRequest(
              people.owner.cookie,
              { title: "Photo" },
              {
                bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
                name: "harbour.png",
                type: "image/png",
              },
            ),
          415,
          /plain text \(\.txt\), Markdown \(\.md\) and PDF \(\.pdf\).*image\/png/,
        ],
        [
          "an empty file",
          async () =>
            formRequest(people.owner.cookie, { title: "Empty" }, textFile("", "empty.txt")),
          400,
          /file is empty/,
        ],
        [
          "a text file that is not UTF-8",
          async () =>
            formRequest(
              people.owner.cookie,
              { title: "Latin-1" },
              {
                bytes: new Uint8Array([0x48, 0x61, 0x72, 0xe9, 0x0a]),
                name: "old.txt",
                type: "text/plain",
              },
            ),
          400,
          /not UTF-8/,
        ],
        [
          "a corrupt PDF",
          async () => formRequest(people.owner.cookie, { title: "Broken" }, pdfFile(corruptPdf())),
          400,
          /not a readable PDF/,
        ],
        [
          "a PDF protected by a password",
          async () => formRequest(people.owner.cookie, { title: "Locked" }, pdfFile(passwordPdf())),
          400,
          /protected by a password/,
        ],
        [
          "a scanned PDF, without a text layer",
          async () =>
            formRequest(people.owner.cookie, { title: "Scan" }, pdfFile(await scannedPdf())),
          400,
          /has no text layer \(a scanned document\?\): paste its text instead/,
        ],
        [
          "a file of more than 2,000,000 characters",
          async () =>
            formRequest(
              people.owner.cookie,
              { title: "Long" },
              textFile("word ".repeat(400_001), "long.txt"),
            ),
          413,
          /longer than 2,000,000 characters/,
        ],
        [
          "pasted text of more than 2,000,000 characters",
          async () =>
            jsonRequest(people.owner.cookie, { title: "Long", text: "word ".repeat(400_001) }),
          413,
          /longer than 2,000,000 characters/,
        ],
        [
          "an edit that names no block",
          async () =>
            formRequest(
              people.owner.cookie,
              { title: "Edited", edits: '[{"op":"join","index":2}]' },
              pdfFile(await harbourPdf()),
            ),
          400,
          /Edit 1: block 2 is the last/,
        ],
        [
          "a form without a title",
          async () => formRequest(people.owner.cookie, {}, pdfFile(await harbourPdf())),
          400,
          /title/,
        ],
      ];

      for (const [what, request, status, message] of refusals) {
        it(what, async () => {
          const before = await documentCount();
          const response = await post(await request());
          expect(response.status).toBe(status);
          expect((await response.json()).error.message).toMatch(message);
          expect(await documentCount()).toBe(before);
        });
      }

      it("and the preview refuses the same way", async () => {
        const response = await preview(
          formRequest(people.owner.cookie, { title: "Scan" }, pdfFile(await scannedPdf())),
          params(spaceId),
        );
        expect(response.status).toBe(400);
      });
    });

    describe("who may import", () => {
      const note = (text: string) => ({ title: "Note", text });

      it("owners and moderators import; participants and observers are refused", async () => {
        const expected: [SpaceRole, number][] = [
          ["owner", 201],
          ["moderator", 201],
          ["participant", 403],
          ["observer", 403],
        ];
        for (const [role, status] of expected) {
          const before = await documentCount();
          const response = await post(
            jsonRequest(people[role].cookie, note(`Written by the ${role}.`)),
          );
          expect([role, response.status]).toEqual([role, status]);
          expect(await documentCount()).toBe(before + (status === 201 ? 1 : 0));
          const previewed = await preview(
            jsonRequest(people[role].cookie, note("A preview.")),
            params(spaceId),
          );
          expect([role, previewed.status]).toEqual([role, status === 201 ? 200 : 403]);
        }
      });

      it("a private space is not found for an outsider, and a visitor must sign in in a public one", async () => {
        const before = await documentCount();
        const outsider = await post(
          formRequest(people.outsider.cookie, { title: "Mine" }, pdfFile(await harbourPdf())),
        );
        expect(outsider.status).toBe(404);
        expect(await documentCount()).toBe(before);

        const open = await newSpace("public");
        const visitor = await post(jsonRequest(undefined, note("A visitor's note.")), open);
        expect(visitor.status).toBe(401);
        const visitorPreview = await preview(
          jsonRequest(undefined, note("Preview.")),
          params(open),
        );
        expect(visitorPreview.status).toBe(401);
        expect(await documentCount(open)).toBe(0);
      });
    });

    describe("GET /api/spaces/:id/documents", () => {
      const list = (cookie: string | undefined, space = spaceId) =>
        listDocuments(
          new Request("http://localhost/api", { headers: cookie ? { cookie } : {} }),
          params(space),
        );

      it("lists the space's documents to its members", async () => {
        const response = await list(people.observer.cookie);
        expect(response.status).toBe(200);
        const documents = await response.json();
        expect(documents).toHaveLength(await documentCount());
        expect(documents.every((d: { spaceId: string }) => d.spaceId === spaceId)).toBe(true);
        expect(documents).toContainEqual(
          expect.objectContaining({ title: "Harbour Review 12", blockCount: 3 }),
        );
      });

      it("answers 404 for a private space to an outsider and a visitor, and lists a public one", async () => {
        expect((await list(people.outsider.cookie)).status).toBe(404);
        expect((await list(undefined)).status).toBe(404);
        const open = await newSpace("public");
        const listed = await list(undefined, open);
        expect(listed.status).toBe(200);
        expect(await listed.json()).toEqual([]);
      });
    });
  });
}
