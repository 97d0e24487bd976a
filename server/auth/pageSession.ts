import { headers } from "next/headers";
import { runtime } from "../runtime";
import { isSecureRequest, sessionCookieFor } from "./session";

/** The session cookie for a user who got an identity without signing in, from a page. */
export async function guestSessionCookie(user: {
  id: string;
  name: string;
  email?: string | null;
}) {
  return sessionCookieFor(user, runtime().authSecret, isSecureRequest(await headers()));
}
