import { decode, encode } from "next-auth/jwt";
import type { Store, UserRow } from "../../db/store";
import { endSession, SESSION_MAX_AGE, startSession } from "../domain/accounts/sessions";
import { type Actor, anonymousActor } from "../policy";

const cookieNameFor = (secure: boolean) =>
  secure ? "__Secure-authjs.session-token" : "authjs.session-token";

/** The server speaks plain HTTP: a request came over HTTPS when the proxy in front says so. */
export function isSecureRequest(headers: Headers): boolean {
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

function readCookie(headers: Headers, name: string): string | undefined {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

export const actorOf = (user: UserRow): Actor => ({
  kind: "user",
  id: user.id,
  name: user.name,
  guestOf: user.passwordHash === null ? user.guestSpaceId : null,
});

/** Who a request or connection is, and the server-side session its cookie names (if any). */
export interface Session {
  actor: Actor;
  sessionId: string | null;
}

const visitor: Session = { actor: anonymousActor, sessionId: null };

/**
 * Who sent these headers: the user whose Auth.js session cookie they carry, as long as the
 * session the cookie names (`sid`) has not ended, read fresh from the database in one query (a
 * signed-out session, a renamed, converted or deleted user shows at once); else the anonymous
 * visitor. A cookie from before sessions had ids names none, and is a visitor's too.
 */
export async function sessionFromHeaders(
  store: Store,
  headers: Headers,
  secret: string,
): Promise<Session> {
  const salt = cookieNameFor(isSecureRequest(headers));
  const token = readCookie(headers, salt);
  if (!token) return visitor;
  const claims = await decode({ token, secret, salt }).catch(() => null);
  if (typeof claims?.sid !== "string" || typeof claims.sub !== "string") return visitor;
  const user = await store.sessions.liveUser(claims.sid, new Date());
  return user?.id === claims.sub ? { actor: actorOf(user), sessionId: claims.sid } : visitor;
}

/** Who sent these headers (see sessionFromHeaders). */
export async function actorFromHeaders(
  store: Store,
  headers: Headers,
  secret: string,
): Promise<Actor> {
  return (await sessionFromHeaders(store, headers, secret)).actor;
}

/**
 * Ends the session these headers carry, if it is live: the ids ended, whose open connections
 * the caller closes. A browser that gets a new session (a guest who made an account) leaves none
 * behind that a copy of its old cookie could still use.
 */
export async function endSessionOf(
  store: Store,
  headers: Headers,
  secret: string,
): Promise<string[]> {
  const { actor, sessionId } = await sessionFromHeaders(store, headers, secret);
  return sessionId ? endSession(store, { userId: actor.id, sessionId }) : [];
}

export interface SessionCookie {
  name: string;
  value: string;
  options: {
    httpOnly: true;
    sameSite: "lax";
    secure: boolean;
    path: "/";
    maxAge: number;
  };
}

/**
 * A new session and its cookie, exactly as Auth.js issues one after sign-in, for a user who got
 * an identity without signing in: a guest who joined by code, or a guest who just made an account.
 */
export async function sessionCookieFor(
  store: Store,
  user: { id: string; name: string; email?: string | null },
  secret: string,
  secure: boolean,
): Promise<SessionCookie> {
  const name = cookieNameFor(secure);
  const sid = await startSession(store, user.id);
  const value = await encode({
    token: { sub: user.id, sid, name: user.name, email: user.email ?? null },
    secret,
    salt: name,
    maxAge: SESSION_MAX_AGE,
  });
  return {
    name,
    value,
    options: { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: SESSION_MAX_AGE },
  };
}

/** The Set-Cookie header that takes the session cookie out of the browser (its session ended). */
export const clearedCookieHeader = (secure: boolean): string =>
  `${cookieNameFor(secure)}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;

export function setCookieHeader({ name, value, options }: SessionCookie): string {
  const secure = options.secure ? "; Secure" : "";
  return `${name}=${value}; Path=/; Max-Age=${options.maxAge}; HttpOnly; SameSite=Lax${secure}`;
}
