import { signInBlocked } from "../domain/accounts/signIn";
import { json } from "../http";
import { runtime } from "../runtime";
import { clientAddress } from "./address";

/** The email a sign-in was posted with: Auth.js takes a form or JSON. */
async function postedEmail(request: Request): Promise<unknown> {
  if (request.headers.get("content-type")?.includes("application/json")) {
    const body = (await request.json().catch(() => null)) as { email?: unknown } | null;
    return body?.email;
  }
  return (await request.formData().catch(() => null))?.get("email");
}

/**
 * Before Auth.js checks a password posted to /api/auth/callback/credentials: an email or
 * address that is refused for now gets 429 with Retry-After, and Auth.js is not asked.
 */
export async function refuseThrottledSignIn(request: Request): Promise<Response | null> {
  if (!new URL(request.url).pathname.endsWith("/callback/credentials")) return null;
  const email = await postedEmail(request.clone());
  const blocked = await signInBlocked(runtime().store, {
    email: typeof email === "string" ? email : "",
    address: clientAddress(request.headers),
  });
  if (!blocked) return null;
  const response = json(
    {
      error: {
        code: "too_many_requests",
        message: `Too many failed sign-ins. Try again in ${blocked.retryAfterSeconds} seconds.`,
      },
    },
    429,
  );
  response.headers.set("Retry-After", String(blocked.retryAfterSeconds));
  return response;
}
