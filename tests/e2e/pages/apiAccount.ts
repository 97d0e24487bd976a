import { type APIRequestContext, expect } from "@playwright/test";

/**
 * Signs an API client up and in as a browser does (an account, then Auth.js's credentials
 * callback): the request context carries the session afterwards. Gives back its Cookie header,
 * for clients other than Playwright's.
 */
export async function apiAccount(
  request: APIRequestContext,
  { name, email, password }: { name: string; email: string; password: string },
): Promise<string> {
  const signedUp = await request.post("/api/users", { data: { name, email, password } });
  expect(signedUp.status()).toBe(201);
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const signedIn = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password },
    maxRedirects: 0,
  });
  expect(signedIn.status()).toBe(302);
  const { cookies } = await request.storageState();
  expect(cookies.map((c) => c.name)).toContain("authjs.session-token");
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}
