import type { RequestListener } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { featuredMotionId } from "../../server/demo/featuredMotion";
import { loadDemoLibrary } from "../../server/demo/loadDemoLibrary";
import { warmUp, warmUpPaths } from "../../server/warmUp";
import { sqliteTestStore, type TestStore } from "../support/stores";

/** A listener that records what it was asked, on which port, and answers as `answer` says. */
function recording(answer: (path: string) => "ok" | "gone" | "fail" | "drop" = () => "ok") {
  const asked: { path: string; port: number }[] = [];
  const listener: RequestListener = (req, res) => {
    const path = req.url ?? "";
    asked.push({ path, port: req.socket.localPort ?? 0 });
    const how = answer(path);
    if (how === "drop") return req.socket.destroy();
    res.writeHead({ ok: 200, gone: 404, fail: 500 }[how]).end("answered");
  };
  return { asked, listener };
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });

describe("a node warming up before it opens its port", () => {
  let db: TestStore | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await db?.dispose();
    db = undefined;
  });

  it("asks each path once, in order, on a port of its own that is closed after", async () => {
    const { asked, listener } = recording();
    await warmUp(listener, ["/api/health", "/motions/m1", "/motions/m1/map"]);
    expect(asked.map((each) => each.path)).toEqual([
      "/api/health",
      "/motions/m1",
      "/motions/m1/map",
    ]);
    const port = asked[0]?.port ?? 0;
    expect(port).toBeGreaterThan(0);
    expect(await refused(port)).toBe(true);
  });

  it("goes on past a path that fails or whose connection drops, and says which", async () => {
    // A page that is not there (404) is no fault: the demo motion may have been taken away.
    const told = vi.spyOn(console, "error").mockImplementation(() => {});
    const { asked, listener } = recording((path) =>
      path === "/broken" ? "fail" : path === "/dropped" ? "drop" : path === "/gone" ? "gone" : "ok",
    );
    await warmUp(listener, ["/broken", "/gone", "/dropped", "/api/health"]);
    expect(asked.map((each) => each.path)).toEqual(["/broken", "/gone", "/dropped", "/api/health"]);
    const lines = told.mock.calls.map((call) => String(call[0]));
    expect(lines).toEqual(["Warming up: /broken answered 500", "Warming up: /dropped failed:"]);
  });

  it("reads a route handler, and the featured demo motion's pages and its first source's reader where the demo is loaded", async () => {
    db = await sqliteTestStore();
    expect(await warmUpPaths(db.store)).toEqual(["/api/health"]);
    await loadDemoLibrary(db.store);
    const featured = await featuredMotionId(db.store);
    expect(featured).toBeTruthy();
    const [source] = await db.store.motions.sources([featured as string]);
    const document = await db.store.documents.get(source?.documentId ?? "");
    expect(document?.title).toBeTruthy();
    expect(await warmUpPaths(db.store)).toEqual([
      "/api/health",
      `/motions/${featured}`,
      `/motions/${featured}/map`,
      `/motions/${featured}/projector`,
      `/documents/${document?.id}`,
    ]);
  });
});
