import { decode, encode } from "next-auth/jwt";
import type { Store, UserRow } from "../../db/store";
import { type Actor, anonymousActor } from "../policy";

/** Thirty days, Auth.js's default: pages, REST and sockets all read the same session cookie. */
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

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

/**
 * Who sent these headers: the user whose Auth.js session cookie they carry, read fresh from the
 * database (a renamed, converted or deleted user shows at once), or the anonymous visitor.
 */
export async function actorFromHeaders(
  store: Store,
  headers: Headers,
  secret: string,
): Promise<Actor> {
  const salt = cookieNameFor(isSecureRequest(headers));
  const token = readCookie(headers, salt);
  if (!token) return anonymousActor;
  const claims = await decode({ token, secret, salt }).catch(() => null);
  const user = typeof claims?.sub === "string" ? await store.users.get(claims.sub) : undefined;
  return user ? actorOf(user) : anonymousActor;
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
 * A session cookie exactly as Auth.js issues one after sign-in, for a user who got an identity
 * without signing in: a guest who joined by code, or a guest who just made an account.
 */
export async function sessionCookieFor(
  user: { id: string; name: string; email?: string | null },
  secret: string,
  secure: boolean,
): Promise<SessionCookie> {
  const name = cookieNameFor(secure);
  const value = await encode({
    token: { sub: user.id, name: user.name, email: user.email ?? null },
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

export function setCookieHeader({ name, value, options }: SessionCookie): string {
  const secure = options.secure ? "; Secure" : "";
  return `${name}=${value}; Path=/; Max-Age=${options.maxAge}; HttpOnly; SameSite=Lax${secure}`;
}
