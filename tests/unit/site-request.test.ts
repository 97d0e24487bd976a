import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { atSiteAddress } from "../../server/auth/siteRequest";

const callback = "http://localhost:3000/api/auth/callback/oidc?code=abc&state=xyz";

describe("Auth.js hears a request at the address the browser used", () => {
  it("takes the host from the Host header, keeping path and query", () => {
    const request = new NextRequest(callback, { headers: { host: "127.0.0.1:3000" } });
    expect(atSiteAddress(request).url).toBe(
      "http://127.0.0.1:3000/api/auth/callback/oidc?code=abc&state=xyz",
    );
  });

  it("behind a proxy, takes the forwarded host and protocol", () => {
    const request = new NextRequest(callback, {
      headers: {
        host: "10.0.0.5:3000",
        "x-forwarded-host": "moot.example.edu",
        "x-forwarded-proto": "https",
      },
    });
    expect(atSiteAddress(request).url).toBe(
      "https://moot.example.edu/api/auth/callback/oidc?code=abc&state=xyz",
    );
  });

  it("keeps the body of a posted form", async () => {
    const request = new NextRequest("http://localhost:3000/api/auth/signin/oidc", {
      method: "POST",
      headers: { host: "127.0.0.1:3000", "content-type": "application/x-www-form-urlencoded" },
      body: "csrfToken=t&callbackUrl=%2Finbox",
    });
    const seen = atSiteAddress(request);
    expect(seen.url).toBe("http://127.0.0.1:3000/api/auth/signin/oidc");
    expect((await seen.formData()).get("callbackUrl")).toBe("/inbox");
  });

  it("with AUTH_URL set, leaves the request as it is: Auth.js puts it at that address itself", () => {
    const request = new NextRequest(callback, { headers: { host: "10.0.0.5:3000" } });
    expect(atSiteAddress(request, "https://moot.example.edu")).toBe(request);
  });
});
