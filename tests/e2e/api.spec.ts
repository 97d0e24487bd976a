import { expect, test } from "@playwright/test";

test("the real server answers the REST API over HTTP", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", database: "sqlite" });

  const motions = await (await request.get("/api/motions")).json();
  expect(motions.length).toBeGreaterThanOrEqual(6);
  const motion = await request.get(`/api/motions/${motions[0].id}`);
  expect((await motion.json()).sources).toEqual(motions[0].sources);

  const [document] = await (await request.get("/api/documents")).json();
  const full = await (await request.get(`/api/documents/${document.id}`)).json();
  expect(full.blocks).toHaveLength(document.blockCount);
});

test("bad ids, unknown ids and unknown routes answer JSON errors", async ({ request }) => {
  const cases = [
    ["/api/motions/not-an-id", 400, "invalid_input"],
    ["/api/documents/00000000-0000-4000-8000-000000000000", 404, "not_found"],
    ["/api/nothing", 404, "not_found"],
  ] as const;
  for (const [path, status, code] of cases) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    expect((await response.json()).error.code, path).toBe(code);
  }
});
