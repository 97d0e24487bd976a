import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { LiveMotionPage, SignUpPage } from "./pages";

// Every answer says how a browser may use it: pages with a nonce-based script policy, data
// (API, Socket.IO) with a policy that allows nothing, and none of it may be framed.

const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];

function expectBaseHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toMatch(
    /camera=\(\).*geolocation=\(\).*microphone=\(\)/,
  );
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

function expectDataPolicy(response: APIResponse, what: string) {
  expectBaseHeaders(response, what);
  expect(response.headers()["content-security-policy"], what).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );
}

test("pages carry a script policy with a fresh nonce that every script of theirs has", async ({
  request,
}) => {
  const [motion] = await (await request.get("/api/motions")).json();
  const [document] = await (await request.get("/api/documents")).json();
  const pages = ["/", "/signin", `/motions/${motion.id}`, `/documents/${document.id}`, "/nowhere"];
  const nonces = new Set<string>();
  for (const path of pages) {
    const response = await request.get(path);
    expectBaseHeaders(response, path);
    const policy = response.headers()["content-security-policy"] ?? "";
    const scripts = /script-src ([^;]*)/.exec(policy)?.[1] ?? "";
    expect(scripts, path).toContain("'strict-dynamic'");
    expect(scripts, path).not.toContain("'unsafe-inline'");
    expect(scripts, path).not.toContain("'unsafe-eval'");
    expect(policy, path).toContain("frame-ancestors 'none'");
    expect(policy, path).toContain("object-src 'none'");
    const nonce = nonceOf(policy);
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce ?? "");
    const html = await response.text();
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length, path).toBeGreaterThan(0);
    for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  const again = await request.get("/");
  nonces.add(nonceOf(again.headers()["content-security-policy"] ?? "") ?? "");
  expect(nonces.size).toBe(pages.length + 1);
});

test("API answers, static files and Socket.IO's polling answers carry the headers too", async ({
  request,
}) => {
  expectDataPolicy(await request.get("/api/health"), "GET /api/health");
  const missing = await request.get("/api/nothing");
  expect(missing.status()).toBe(404);
  expectDataPolicy(missing, "an API error");
  const refused = await request.post("/api/spaces", { data: { name: "No session" } });
  expect(refused.status()).toBe(401);
  expectDataPolicy(refused, "a write refused before its body is read");

  const handshake = await request.get("/socket.io/?EIO=4&transport=polling");
  expect(handshake.status()).toBe(200);
  expectDataPolicy(handshake, "Socket.IO's polling handshake");

  const html = await (await request.get("/")).text();
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  const script = await request.get(asset ?? "");
  expect(script.status()).toBe(200);
  expectBaseHeaders(script, "a static script");
});

test("HTTPS answers alone say Strict-Transport-Security", async ({ request }) => {
  const https = { "x-forwarded-proto": "https" };
  for (const path of ["/", "/api/health", "/socket.io/?EIO=4&transport=polling"]) {
    const response = await request.get(path, { headers: https });
    expect(response.headers()["strict-transport-security"], path).toBe("max-age=31536000");
    expect((await request.get(path)).headers()["strict-transport-security"], path).toBeUndefined();
  }
});

/**
 * Whatever the browser says about a blocked script, style, connection or feature: in the console,
 * and as a violation event (a blocked eval is reported only there).
 */
async function policyComplaints(page: Page) {
  const complaints: string[] = [];
  await page.exposeFunction("reportViolation", (violation: string) => complaints.push(violation));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportViolation(v: string): void }).reportViolation;
      report(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Permissions-Policy|Refused to/i.test(message.text())) {
      complaints.push(message.text());
    }
  });
  page.on("pageerror", (error) => complaints.push(error.message));
  return complaints;
}

test("pages run under their policy in Chromium: the motion goes live and takes a post", async ({
  page,
}) => {
  const complaints = await policyComplaints(page);
  await new SignUpPage(page).signUp({
    name: "Petra Policy",
    email: `policy-${Date.now()}@school.test`,
    password: "a long enough password",
  });
  const motion = new LiveMotionPage(page);
  await motion.open(
    "Iran should answer Kazakhstan's turn towards Israel with economic interdependence, not confrontation",
  );
  await motion.selectAndCite(3);
  const body = `Posted under a strict policy ${Date.now()}`;
  await motion.post("For the motion", body);
  await expect(motion.argument(body)).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/map`);
  await expect(page.locator(".react-flow")).toBeVisible();
  await page.goto("/search?q=Kazakhstan");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(complaints).toEqual([]);
});
