import { headers } from "next/headers";
import { runtime } from "../runtime";
import { endSessionOf, isSecureRequest, sessionCookieFor } from "./session";

/**
 * The cookie of a new session for a user who got an identity without signing in, from a page:
 * a guest who joined by code, or a guest who made an account (whose guest session ends, so a
 * copy of the guest's cookie no longer works).
 */
export async function guestSessionCookie(user: {
  id: string;
  name: string;
  email?: string | null;
}) {
  const { store, authSecret, disconnectSessions } = runtime();
  const request = await headers();
  disconnectSessions(await endSessionOf(store, request, authSecret));
  return sessionCookieFor(store, user, authSecret, isSecureRequest(request));
}
