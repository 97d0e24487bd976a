import { type APIRequestContext, expect, test } from "@playwright/test";

// The standard Auth.js routes, asked as any Auth.js client asks them, over real HTTP.

async function signUp(request: APIRequestContext, email: string, password: string) {
  const response = await request.post("/api/users", { data: { name: "Kim", email, password } });
  expect(response.status()).toBe(201);
}

async function postCredentials(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password },
    maxRedirects: 0,
  });
}

test("an Auth.js client signs in at /api/auth, reads its session, and signs out", async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL });
  const email = `kim-${Date.now()}@school.test`;
  await signUp(request, email, "kims password 123");

  const wrong = await postCredentials(request, email, "not kims password");
  expect(wrong.status()).toBe(302);
  expect(wrong.headers().location).toContain("error=CredentialsSignin");
  expect(await (await request.get("/api/auth/session")).json()).toBeNull();

  const right = await postCredentials(request, email, "kims password 123");
  expect(right.status()).toBe(302);
  const cookie = right
    .headersArray()
    .find(
      (h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("authjs.session-token="),
    );
  expect(cookie?.value).toMatch(/HttpOnly/i);
  expect(cookie?.value).toMatch(/SameSite=Lax/i);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session.user).toMatchObject({ name: "Kim", email });
  expect((await request.get("/api/spaces")).status()).toBe(200);

  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  await request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(await (await request.get("/api/auth/session")).json()).toBeNull();
  expect((await request.get("/api/spaces")).status()).toBe(401);
  await request.dispose();
});

test("repeated wrong passwords for one email are refused for a while with 429 and Retry-After", async ({
  request,
}) => {
  const email = `guess-${Date.now()}@school.test`;
  await signUp(request, email, "the real password");
  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await postCredentials(request, email, `guess number ${attempt}`);
    expect(response.status(), `attempt ${attempt}`).toBe(302);
  }
  const refused = await postCredentials(request, email, "the real password");
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await refused.json()).error.code).toBe("too_many_requests");
});

test("a state-changing request from another site is refused", async ({ request }) => {
  const response = await request.post("/api/spaces", {
    data: { name: "Forged" },
    headers: { origin: "https://attacker.example" },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("forbidden");
});

test("behind a proxy that terminates HTTPS, the session cookie is Secure", async ({ request }) => {
  const email = `tls-${Date.now()}@school.test`;
  await signUp(request, email, "a password over tls");
  const https = { "x-forwarded-proto": "https" };
  const csrf = await request.get("/api/auth/csrf", { headers: https });
  const { csrfToken } = await csrf.json();
  const csrfCookie = csrf
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value.split(";")[0])
    .join("; ");
  const signedIn = await request.post("/api/auth/callback/credentials", {
    headers: { ...https, cookie: csrfCookie },
    form: { csrfToken, email, password: "a password over tls" },
    maxRedirects: 0,
  });
  const session = signedIn
    .headersArray()
    .find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("session-token="));
  expect(session?.value).toMatch(/^__Secure-authjs\.session-token=/);
  expect(session?.value).toMatch(/; Secure/i);
  expect(session?.value).toMatch(/HttpOnly/i);
  const cookie = session?.value.split(";")[0] ?? "";
  expect((await request.get("/api/spaces", { headers: { ...https, cookie } })).status()).toBe(200);
});
