import type { Store } from "../db/store";
import type { OutgoingEvent } from "../lib/protocol";
import type { OidcConfig } from "./config";
import type { Effect } from "./domain/outcome";
import type { Mailer } from "./mail/mailer";
import type { RateLimits } from "./rateLimits/limiter";

/**
 * What the custom server opened once for the whole process. Route handlers and pages are bundled
 * by Next into modules of their own, so they find it on globalThis, not through an import.
 */
export interface Runtime {
  store: Store;
  /** AUTH_URL, the site's public address, when it is set (Auth.js builds its links from it). */
  siteUrl?: string;
  /** HOST, the address the server listens on; every interface when not set. */
  listensOn?: string;
  /** Seals and opens session cookies (Auth.js's secret). */
  authSecret: string;
  /** Sends committed events to their rooms and carries out the command's effects, on every node. */
  publish(events: OutgoingEvent[], effects?: Effect[]): void;
  /** Closes the open connections of sessions that just ended (signed out), on every node. */
  disconnectSessions(sessionIds: string[]): void;
  /** The rate limits every door counts requests against (the same ones the sockets use). */
  limits: RateLimits;
  /** The institution's identity provider people may sign in with, when one is configured. */
  oidc?: OidcConfig;
  /** Where mail (password reset links) goes: SMTP_URL's server, or the log. */
  mailer: Mailer;
}

const KEY = Symbol.for("moot.runtime");
type Holder = { [KEY]?: Runtime };

export function setRuntime(runtime: Runtime): void {
  (globalThis as Holder)[KEY] = runtime;
}

export function runtime(): Runtime {
  const current = (globalThis as Holder)[KEY];
  if (!current) throw new Error("Moot's runtime is not started: serve the app with server/main.ts");
  return current;
}
