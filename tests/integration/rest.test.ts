import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as catchAll } from "../../app/api/[...path]/route";
import { GET as getDocument } from "../../app/api/documents/[id]/route";
import { GET as listDocuments } from "../../app/api/documents/route";
import { GET as health } from "../../app/api/health/route";
import { GET as getMotion } from "../../app/api/motions/[id]/route";
import { GET as listMotions } from "../../app/api/motions/route";
import { loadDemoLibrary } from "../../server/demo/loadDemoLibrary";
import { setTestRuntime } from "../support/runtime";
import { sqliteTestStore, type TestStore } from "../support/stores";

// The route handlers are called as Next calls them; tests/e2e/api.spec.ts asks the real server.
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const request = (path: string) => new Request(`http://localhost${path}`);
const unknownId = "00000000-0000-4000-8000-000000000000";

describe("the REST API", () => {
  let db: TestStore;
  beforeAll(async () => {
    db = await sqliteTestStore();
    await loadDemoLibrary(db.store);
    setTestRuntime(db.store);
  });
  afterAll(() => db?.dispose());

  it("GET /api/health says the service and its database are up", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "sqlite" });
  });

  it("GET /api/documents lists the library with block counts", async () => {
    const documents = await (await listDocuments(request("/api/documents"))).json();
    expect(documents).toHaveLength(3);
    for (const document of documents) {
      expect(Object.keys(document)).toEqual(
        expect.arrayContaining(["id", "title", "author", "publisher", "publishedAt", "blockCount"]),
      );
      expect(document.blockCount).toBeGreaterThan(3);
    }
  });

  it("GET /api/documents/:id gives the canonical text and blocks with offsets", async () => {
    const [first] = await (await listDocuments(request("/api/documents"))).json();
    const response = await getDocument(request("/"), params(first.id));
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.blocks).toHaveLength(first.blockCount);
    for (const block of document.blocks) {
      expect(["heading", "paragraph", "caption"]).toContain(block.kind);
      expect(document.text.slice(block.start, block.end).trim().length).toBe(
        block.end - block.start,
      );
    }
  });

  it("GET /api/motions lists each motion with its sources", async () => {
    const motions = await (await listMotions(request("/api/motions"))).json();
    expect(motions.length).toBeGreaterThanOrEqual(6);
    for (const motion of motions) {
      expect(motion).toMatchObject({
        id: expect.any(String),
        title: expect.any(String),
        status: "open",
      });
      expect(motion.sources[0]).toMatchObject({
        documentId: expect.any(String),
        exact: expect.any(String),
        start: expect.any(Number),
        end: expect.any(Number),
      });
    }
  });

  it("GET /api/motions/:id gives the motion, its sources and its argument tree", async () => {
    const [first] = await (await listMotions(request("/api/motions"))).json();
    const response = await getMotion(request("/"), params(first.id));
    expect(response.status).toBe(200);
    const motion = await response.json();
    expect(motion).toMatchObject({
      id: first.id,
      title: first.title,
      sources: first.sources,
      sampleDebate: true,
    });
    // Its sample debate, as a tree: arguments on the motion with replies under them.
    expect(motion.arguments.length).toBeGreaterThan(0);
    expect(motion.arguments.every((a: { parentId: string | null }) => a.parentId === null)).toBe(
      true,
    );
    expect(motion.arguments.some((a: { children: unknown[] }) => a.children.length > 0)).toBe(true);
  });

  for (const [name, handler] of [
    ["documents", getDocument],
    ["motions", getMotion],
  ] as const) {
    it(`GET /api/${name}/:id answers 404 for an unknown id and 400 for a malformed one`, async () => {
      const missing = await handler(request("/"), params(unknownId));
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({
        error: { code: "not_found", message: expect.any(String) },
      });
      const malformed = await handler(request("/"), params("not-an-id"));
      expect(malformed.status).toBe(400);
      expect((await malformed.json()).error.code).toBe("invalid_input");
    });
  }

  it("an unknown API path answers a JSON 404", async () => {
    const response = await catchAll(request("/api/nothing/here"));
    expect(response.status).toBe(404);
    expect((await response.json()).error).toEqual({
      code: "not_found",
      message: "No API route GET /api/nothing/here.",
    });
  });
});
