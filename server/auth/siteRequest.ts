import type { NextRequest } from "next/server";

/**
 * The request as the browser addressed it, for Auth.js. Next names every request after the host
 * the custom server gave it (and reads 127.0.0.1 as "localhost"), while Auth.js's server actions
 * name the site after the Host header: an OpenID Connect sign-in must send the provider the same
 * redirect URI when it starts (a server action) and when it comes back (this route). A plain
 * Request keeps the host as sent; Auth.js reads nothing of NextRequest's own.
 */
export function atSiteAddress(request: NextRequest, siteUrl?: string): NextRequest {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  // With AUTH_URL (`siteUrl`) set, next-auth puts the request at that address itself.
  if (!host || siteUrl) return request;
  const protocol = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  const { pathname, search } = new URL(request.url);
  const url = new URL(`${pathname}${search}`, `${protocol}://${host}`);
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : request.body;
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    body,
    // A streamed body is passed on as it comes (Node's fetch asks for this).
    ...(body ? { duplex: "half" } : {}),
  }) as NextRequest;
}
