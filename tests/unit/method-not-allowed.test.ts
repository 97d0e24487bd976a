import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { explainMethodNotAllowed } from "../../server/methodNotAllowed";

// A real HTTP server whose handler answers as Next may: the head written inside `end`, or first.
let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function answer(
  method: string,
  path: string,
  handle: (res: ServerResponse) => void,
): Promise<{ status: number; type: string | null; body: string; allow?: string | null }> {
  server = createServer((req, res) => {
    explainMethodNotAllowed(req, res, allowOf);
    handle(res);
  });
  await new Promise<void>((ready) => server?.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { method });
  const body = await response.text();
  const type = response.headers.get("content-type");
  const allow = response.headers.get("allow");
  return { status: response.status, type, body, ...(allow ? { allow } : {}) };
}

/** The routes' methods, as the server reads them from app/api. */
const allowOf = (path: string) => (path === "/api/health" ? "GET, HEAD, OPTIONS" : null);

const explained = (method: string, path: string, served?: string) => ({
  status: 405,
  type: "application/json",
  body: JSON.stringify({
    error: {
      code: "method_not_allowed",
      message: `${method} is not served at ${path}: ${served ? `it serves ${served}` : `OPTIONS ${path} lists the methods it serves`} (Allow).`,
    },
  }),
  ...(served ? { allow: served } : {}),
});

describe("a method an API route does not serve", () => {
  it("gets the API's error shape when the head goes out inside end (Node's own)", async () => {
    const bare = (res: ServerResponse) => {
      res.statusCode = 405;
      res.end();
    };
    expect(await answer("PUT", "/api/health?x=1", bare)).toEqual(
      explained("PUT", "/api/health", "GET, HEAD, OPTIONS"),
    );
  });

  it("and when the head was written before end (as compression does)", async () => {
    const headFirst = (res: ServerResponse) => {
      res.writeHead(405);
      res.end();
    };
    expect(await answer("DELETE", "/api/documents", headFirst)).toEqual(
      explained("DELETE", "/api/documents"),
    );
  });

  it("a HEAD gets the status alone", async () => {
    const bare = (res: ServerResponse) => {
      res.statusCode = 405;
      res.end();
    };
    expect(await answer("HEAD", "/api/users", bare)).toMatchObject({ status: 405, body: "" });
  });

  it("leaves alone a 405 with a body of its own, any other answer, and pages", async () => {
    const ownBody = (res: ServerResponse) => {
      res.statusCode = 405;
      res.write("own words");
      res.end();
    };
    expect(await answer("PUT", "/api/health", ownBody)).toMatchObject({ body: "own words" });
    const streamed = (res: ServerResponse) => {
      res.write("a");
      res.end("b");
    };
    expect(await answer("GET", "/api/health", streamed)).toMatchObject({ status: 200, body: "ab" });
    const page = (res: ServerResponse) => {
      res.statusCode = 405;
      res.end();
    };
    expect(await answer("PUT", "/motions", page)).toEqual({ status: 405, type: null, body: "" });
  });
});
