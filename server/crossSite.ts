import type { IncomingHttpHeaders } from "node:http";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a browser sent this request from another site. Browsers mark their requests with
 * Sec-Fetch-Site and Origin; a client that sends neither (curl, a script) carries no victim's
 * cookies, so it is no cross-site forgery.
 */
export function isCrossSite(headers: IncomingHttpHeaders): boolean {
  if (headers["sec-fetch-site"] === "cross-site") return true;
  const origin = headers.origin;
  if (!origin || origin === "null") return origin === "null";
  const host = headers["x-forwarded-host"] ?? headers.host;
  try {
    return new URL(origin).host !== (Array.isArray(host) ? host[0] : host);
  } catch {
    return true;
  }
}

/** A state-changing request from another site: refused before it reaches any door. */
export const isForgeable = (method: string | undefined, headers: IncomingHttpHeaders) =>
  !safeMethods.has(method ?? "GET") && isCrossSite(headers);
