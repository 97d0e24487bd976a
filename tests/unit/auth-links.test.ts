import { describe, expect, it } from "vitest";
import { authPageHref } from "../../lib/authLinks";

describe("the header's Sign in and Sign up links", () => {
  it("come back to the page they were followed from, query and all", () => {
    expect(authPageHref("/signup", "/motions/m1", "view=map&sort=new")).toBe(
      "/signup?callbackUrl=%2Fmotions%2Fm1%3Fview%3Dmap%26sort%3Dnew",
    );
    expect(authPageHref("/signin", "/motions/m1", "")).toBe("/signin?callbackUrl=%2Fmotions%2Fm1");
    expect(authPageHref("/signin", "/", "")).toBe("/signin?callbackUrl=%2F");
  });

  it("pass on the sign-in or sign-up page's own callbackUrl instead of nesting it", () => {
    expect(authPageHref("/signup", "/signin", "callbackUrl=%2Fmotions%2Fm1")).toBe(
      "/signup?callbackUrl=%2Fmotions%2Fm1",
    );
    expect(authPageHref("/signin", "/signin", "?callbackUrl=%2Fmotions%2Fm1")).toBe(
      "/signin?callbackUrl=%2Fmotions%2Fm1",
    );
    expect(authPageHref("/signin", "/signup", "")).toBe("/signin");
  });

  it("do not return to the sign-out page", () => {
    expect(authPageHref("/signin", "/signout", "")).toBe("/signin");
  });
});
