import { NextRequest } from "next/server";

/**
 * The request as the browser addressed it. Next names every request after the host the custom
 * server gave it ("localhost"), while Auth.js's server actions name the site after the Host
 * header: an OpenID Connect sign-in must send the provider the same redirect URI both times.
 */
export function atSiteAddress(request: NextRequest): NextRequest {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return request;
  const protocol = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  const url = new URL(request.nextUrl.href);
  const site = new URL(`${protocol}://${host}`);
  url.protocol = site.protocol;
  url.host = site.host;
  return url.href === request.nextUrl.href ? request : new NextRequest(url, request);
}
