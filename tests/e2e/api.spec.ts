import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { sendBody } from "../support/rawHttp";
import { apiAccount } from "./pages/apiAccount";

test("the real server answers the REST API over HTTP", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", database: "sqlite" });

  const motions = await (await request.get("/api/motions")).json();
  expect(motions.length).toBeGreaterThanOrEqual(6);
  const motion = await request.get(`/api/motions/${motions[0].id}`);
  expect((await motion.json()).sources).toEqual(motions[0].sources);
  // An id is a UUID in either case (RFC 9562): in upper case it names the same motion.
  const shouted = await request.get(`/api/motions/${motions[0].id.toUpperCase()}`);
  expect(shouted.status()).toBe(200);
  expect((await shouted.json()).id).toBe(motions[0].id);

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

test("a method a route does not serve answers a JSON 405, and OPTIONS lists those it does", async ({
  request,
}) => {
  await apiAccount(request, {
    name: "Ines",
    email: `methods-${Date.now()}@school.test`,
    password: "ines's long password",
  });
  // A member's write, past the gate that turns a visitor's away, and a read of a write-only route.
  const cases = [
    ["PUT", "/api/health", "GET, HEAD, OPTIONS"],
    ["DELETE", "/api/documents", "GET, HEAD, OPTIONS"],
    ["GET", "/api/password-reset", "OPTIONS, POST"],
  ] as const;
  for (const [method, path, served] of cases) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(await response.json(), `${method} ${path}`).toEqual({
      error: {
        code: "method_not_allowed",
        message: `${method} is not served at ${path}: it serves ${served} (Allow).`,
      },
    });
  }
  const options = await request.fetch("/api/health", { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers().allow).toBe("GET, HEAD, OPTIONS");
  const head = await request.fetch("/api/password-reset", { method: "HEAD" });
  expect(head.status()).toBe(405);
  expect(await head.body()).toHaveLength(0);
});

test("every API route's 405 carries in Allow the methods Next's own OPTIONS lists for it (RFC 9110)", async ({
  request,
}) => {
  await apiAccount(request, {
    name: "Ines",
    email: `allow-${Date.now()}@school.test`,
    password: "ines's long password",
  });
  const apiDir = join(process.cwd(), "app/api");
  const paths = readdirSync(apiDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("route.ts"))
    .map((file) =>
      `/api/${file.replace(/\/?route\.ts$/, "")}`
        .replace(/\[\.\.\.\w+\]/g, "anything")
        .replace(/\[\w+\]/g, "00000000-0000-4000-8000-000000000000"),
    );
  let checked = 0;
  for (const path of paths) {
    const options = await request.fetch(path, { method: "OPTIONS" });
    const allow = options.headers().allow ?? "";
    const unserved = ["GET", "POST", "PUT", "PATCH", "DELETE"].find((m) => !allow.includes(m));
    if (!unserved) continue;
    const refused = await request.fetch(path, { method: unserved });
    expect(refused.status(), `${unserved} ${path}`).toBe(405);
    expect(refused.headers().allow, `${unserved} ${path}`).toBe(allow);
    checked++;
  }
  // Every route but the catch-all of unknown paths, which serves every method.
  expect(checked).toBe(paths.length - 1);
});

test("a path whose % starts no encoded character is 400: JSON under /api, text on a page", async ({
  baseURL,
}) => {
  // Sent over raw HTTP as written: a URL parser on the client side could tidy the path first.
  const paths = [
    "/api/motions/%E0%A4%A",
    "/api/documents/%ZZ",
    "/api/arguments/00000000-0000-4000-8000-000000000000/commands/%E0%A4%A",
  ];
  for (const path of paths) {
    const method = path.includes("/commands/") ? "POST" : "GET";
    const answer = await sendBody(`${baseURL}${path}`, { method, body: [], length: 0 });
    expect(answer.status, path).toBe(400);
    expect(JSON.parse(answer.body).error.code, path).toBe("invalid_input");
  }
  const page = await sendBody(`${baseURL}/motions/%E0%A4%A`, {
    method: "GET",
    body: [],
    length: 0,
  });
  expect(page.status).toBe(400);
  expect(page.body).toContain("malformed");
});
