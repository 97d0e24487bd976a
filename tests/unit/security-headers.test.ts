import { describe, expect, it } from "vitest";
import { baseHeaders, pagePolicy } from "../../server/securityHeaders";

const scriptSources = (policy: string) => /script-src ([^;]*)/.exec(policy)?.[1]?.split(" ");

describe("the headers every answer carries", () => {
  it("a page runs only scripts with its nonce, or loaded by one, and never inline or eval", () => {
    expect(scriptSources(pagePolicy("abc", false))).toEqual([
      "'self'",
      "'nonce-abc'",
      "'strict-dynamic'",
    ]);
  });

  it("development alone allows eval, for React's error overlay", () => {
    expect(scriptSources(pagePolicy("abc", true))).toContain("'unsafe-eval'");
  });

  it("a page may not be framed, embed plugins or post forms elsewhere", () => {
    const policy = pagePolicy("abc", false);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "form-action 'self'"]) {
      expect(policy).toContain(directive);
    }
  });

  it("Strict-Transport-Security only when the proxy says the request came over HTTPS", () => {
    expect(baseHeaders({})["Strict-Transport-Security"]).toBeUndefined();
    expect(
      baseHeaders({ "x-forwarded-proto": "http" })["Strict-Transport-Security"],
    ).toBeUndefined();
    expect(baseHeaders({ "x-forwarded-proto": "https" })["Strict-Transport-Security"]).toBe(
      "max-age=31536000",
    );
  });
});
