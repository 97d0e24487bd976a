import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import { isSecureRequest } from "./auth/session";

/**
 * The headers every answer carries: no framing by any page, no type sniffing, no full URLs in
 * the Referer to other sites, no powerful browser features, and HTTPS only once a browser has
 * come over HTTPS (the proxy in front says so with X-Forwarded-Proto).
 */
export function baseHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const base: Record<string, string> = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy":
      "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()",
  };
  if (cameOverHttps(headers)) base["Strict-Transport-Security"] = "max-age=31536000";
  return base;
}

/** An answer that is data, not a page (the API, Socket.IO): it may load and run nothing. */
export const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The headers of a data answer: the API's and Socket.IO's. */
export const dataHeaders = (headers: IncomingHttpHeaders) => ({
  ...baseHeaders(headers),
  "Content-Security-Policy": DATA_POLICY,
});

/**
 * A page's policy: scripts only from this origin and only when they carry this answer's nonce
 * (Next puts it on its own scripts) or were loaded by one that does. Styles may be inline: React
 * Flow and the app set style attributes. `'self'` in connect-src covers the same host's ws: and
 * wss: (CSP Level 3). Development's React needs eval for its error overlay.
 */
export function pagePolicy(nonce: string, dev: boolean): string {
  const scripts = `'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`;
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const cameOverHttps = ({ "x-forwarded-proto": proto }: IncomingHttpHeaders) =>
  isSecureRequest(new Headers(proto ? { "x-forwarded-proto": String(proto) } : {}));

/**
 * Sets the headers on an answer before anyone writes it. A page gets a fresh nonce, passed to
 * Next in the request's Content-Security-Policy header, which is where Next reads it from.
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, dev: boolean) {
  for (const [name, value] of Object.entries(baseHeaders(req.headers))) res.setHeader(name, value);
  // Only the server chooses the policy Next renders with.
  delete req.headers["content-security-policy"];
  delete req.headers["content-security-policy-report-only"];
  const path = req.url ?? "/";
  if (path.startsWith("/_next/static/")) return;
  if (/^\/api([/?]|$)/.test(path)) {
    res.setHeader("Content-Security-Policy", DATA_POLICY);
    return;
  }
  const policy = pagePolicy(randomBytes(16).toString("base64"), dev);
  req.headers["content-security-policy"] = policy;
  res.setHeader("Content-Security-Policy", policy);
}

/**
 * Gives every answer of Socket.IO's engine the data headers, its own refusals (a 400 for an
 * unknown session, the 403 of allowRequest) too, which its "headers" event misses. Engine.IO
 * has taken the server's request listeners over; this one runs before it.
 */
export function secureSocketAnswers(server: Server, path = "/socket.io/") {
  server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith(path)) return;
    for (const [name, value] of Object.entries(dataHeaders(req.headers)))
      res.setHeader(name, value);
  });
}
