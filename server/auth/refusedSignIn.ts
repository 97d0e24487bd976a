import { returnPathFromCookie } from "./institution";

/**
 * Auth.js sends a sign-in it could not finish (the provider refused or was cancelled, or could
 * not be reached) to the sign-in page with `?error=` alone, dropping where the person started:
 * trying again would then land on /spaces. This puts `back` on such an address; any other
 * address (another page, one that keeps a callbackUrl) is left as it is.
 */
export function withReturnPath(location: string, back: string | undefined): string {
  if (!back) return location;
  const url = new URL(location, "http://moot.invalid");
  const refused =
    url.pathname === "/signin" &&
    url.searchParams.has("error") &&
    !url.searchParams.has("callbackUrl");
  if (!refused) return location;
  url.searchParams.set("callbackUrl", back);
  return location.startsWith("/") ? `${url.pathname}${url.search}` : url.toString();
}

/** Auth.js's own answer at /api/auth/*, its refusal given back the path the sign-in began at. */
export function keepReturnPath(request: Request, response: Response): Response {
  const location = response.headers.get("location");
  if (!location || response.status < 300 || response.status >= 400) return response;
  const kept = withReturnPath(location, returnPathFromCookie(request.headers));
  if (kept === location) return response;
  const headers = new Headers(response.headers);
  headers.set("location", kept);
  return new Response(response.body, { status: response.status, headers });
}
