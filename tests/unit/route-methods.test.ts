import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiRouteMethods } from "../../server/routeMethods";

const apiDir = mkdtempSync(join(tmpdir(), "moot-api-"));
afterAll(() => rmSync(apiDir, { recursive: true, force: true }));

function route(dir: string, source: string) {
  mkdirSync(join(apiDir, dir), { recursive: true });
  writeFileSync(join(apiDir, dir, "route.ts"), source);
}

route("health", "export const dynamic = 'force-dynamic';\nexport async function GET() {}");
route("motions/[id]", "export async function GET() {}\nexport async function PATCH() {}");
route("motions/[id]/arguments", "export async function POST() {}");
route(
  "users",
  "/** The user as GET /api/users/:id answers them. */\nexport async function POST() {}",
);
route("motions/latest", "export const GET = () => null;");
route("auth/[...nextauth]", "export { signIn as POST };");
route(
  "[...path]",
  "export { none as DELETE, none as GET, none as PATCH, none as POST, none as PUT };",
);

describe("the methods each API route serves, for a 405's Allow", () => {
  const allowOf = apiRouteMethods(apiDir);

  it("lists a route's exported methods, with OPTIONS, and HEAD where it serves GET, as Next's OPTIONS does", () => {
    expect(allowOf("/api/health")).toBe("GET, HEAD, OPTIONS");
    expect(allowOf("/api/motions/3f2a/arguments")).toBe("OPTIONS, POST");
    expect(allowOf("/api/motions/3f2a")).toBe("GET, HEAD, OPTIONS, PATCH");
    // A method named in a comment is not served.
    expect(allowOf("/api/users")).toBe("OPTIONS, POST");
  });

  it("prefers a named segment to [id], and [id] to [...rest], as Next routes them", () => {
    expect(allowOf("/api/motions/latest")).toBe("GET, HEAD, OPTIONS");
    expect(allowOf("/api/auth/signin/github")).toBe("OPTIONS, POST");
    expect(allowOf("/api/nothing/here")).toBe("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
  });

  it("knows none without the sources", () => {
    expect(apiRouteMethods(join(apiDir, "absent"))("/api/health")).toBeNull();
  });
});
