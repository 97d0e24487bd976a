import { signInBlocked } from "../domain/accounts/signIn";
import { json } from "../http";
import { runtime } from "../runtime";
import { clientAddress } from "./address";

/**
 * Before Auth.js checks a password posted to /api/auth/callback/credentials: an email or
 * address that is refused for now gets 429 with Retry-After, and Auth.js is not asked.
 */
export async function refuseThrottledSignIn(request: Request): Promise<Response | null> {
  if (!new URL(request.url).pathname.endsWith("/callback/credentials")) return null;
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const email = form?.get("email");
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
