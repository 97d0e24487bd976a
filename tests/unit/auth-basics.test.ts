import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withReturnPath } from "../../server/auth/refusedSignIn";
import { returnPathOf, safeReturnPath } from "../../server/auth/returnPath";
import { resolveAuthSecret } from "../../server/auth/secret";
import { isCrossSite, isForgeable } from "../../server/crossSite";

describe("the session secret", () => {
  it("is generated on first start into the data folder, owner-readable only, and reused", () => {
    const file = join(mkdtempSync(join(tmpdir(), "moot-secret-")), "data", "auth-secret");
    const first = resolveAuthSecret(undefined, file);
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret(undefined, file)).toBe(first);
    const other = join(mkdtempSync(join(tmpdir(), "moot-secret-")), "auth-secret");
    expect(resolveAuthSecret(undefined, other)).not.toBe(first);
  });

  it("is AUTH_SECRET when that is set, and then nothing is written", () => {
    const file = join(mkdtempSync(join(tmpdir(), "moot-secret-")), "auth-secret");
    expect(resolveAuthSecret("x".repeat(40), file)).toBe("x".repeat(40));
    expect(() => readFileSync(file)).toThrow();
  });
});

describe("cross-site requests", () => {
  const host = { host: "moot.school.test" };
  it("refuses a state change that a browser sends from another site", () => {
    expect(isForgeable("POST", { ...host, origin: "https://evil.test" })).toBe(true);
    expect(isForgeable("DELETE", { ...host, "sec-fetch-site": "cross-site" })).toBe(true);
    expect(isForgeable("POST", { ...host, origin: "null" })).toBe(true);
  });

  it("lets through the site's own pages, reads, and clients that are not browsers", () => {
    expect(isForgeable("POST", { ...host, origin: "https://moot.school.test" })).toBe(false);
    expect(isForgeable("GET", { ...host, origin: "https://evil.test" })).toBe(false);
    expect(isForgeable("POST", host)).toBe(false);
    expect(isCrossSite({ ...host, "sec-fetch-site": "same-origin" })).toBe(false);
  });
});

describe("where sign-in returns to", () => {
  it("is a path on this site, never another site", () => {
    expect(safeReturnPath("/spaces/abc")).toBe("/spaces/abc");
    for (const bad of ["//evil.test", "https://evil.test", "/\\evil.test", undefined, ""]) {
      expect(safeReturnPath(bad)).toBe("/spaces");
    }
  });

  it("keeps the query of Auth.js's callbackUrl and survives a malformed one", () => {
    const site = "localhost:3000";
    expect(returnPathOf("http://localhost:3000/join?code=K7QM2XPD", site)).toBe(
      "/join?code=K7QM2XPD",
    );
    expect(returnPathOf("/spaces/abc", site)).toBe("/spaces/abc");
    expect(returnPathOf("/motions/m1?view=map", "")).toBe("/motions/m1?view=map");
    expect(returnPathOf("http://[bad", site)).toBe("/spaces");
  });

  it("falls back to /spaces for another site's address, not just its path", () => {
    const site = "moot.school.test";
    for (const other of [
      "https://evil.test//x",
      "https://evil.test/spaces/abc",
      "https://evil.test/x",
      "//evil.test",
      "//evil.test/spaces",
      "/\\evil.test/x",
      "javascript:alert(1)",
    ]) {
      expect(returnPathOf(other, site)).toBe("/spaces");
    }
    expect(returnPathOf("https://moot.school.test/spaces/abc", site)).toBe("/spaces/abc");
  });
});

describe("a sign-in the provider refused or could not start", () => {
  it("sends the person back to sign in still on their way to where they started", () => {
    expect(withReturnPath("http://moot.test/signin?error=Configuration", "/inbox")).toBe(
      "http://moot.test/signin?error=Configuration&callbackUrl=%2Finbox",
    );
    expect(withReturnPath("/signin?error=OAuthCallbackError", "/motions/m1?view=map")).toBe(
      "/signin?error=OAuthCallbackError&callbackUrl=%2Fmotions%2Fm1%3Fview%3Dmap",
    );
  });

  it("leaves every other address as it is", () => {
    const kept = "/signin?error=OidcEmailUnverified&callbackUrl=%2Faccount";
    expect(withReturnPath(kept, "/inbox")).toBe(kept);
    const provider = "http://idp.test/auth?client_id=moot&redirect_uri=x";
    expect(withReturnPath(provider, "/inbox")).toBe(provider);
    expect(withReturnPath("http://moot.test/inbox", "/inbox")).toBe("http://moot.test/inbox");
    expect(withReturnPath("/signin?error=Configuration", undefined)).toBe(
      "/signin?error=Configuration",
    );
  });
});
