/** Where to go after signing in: a path on this site, never another site ("//evil", "https:"). */
export function safeReturnPath(value: unknown, fallback = "/spaces"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) {
    return fallback;
  }
  return value.includes("\\") ? fallback : value;
}

/**
 * Auth.js's callbackUrl (absolute or a path) as a path on this site, query kept. An absolute one
 * must name this site's host: another site's address falls back, not just its path.
 */
export function returnPathOf(callbackUrl: string | undefined, siteHost: string): string {
  if (!callbackUrl) return safeReturnPath(undefined);
  try {
    // Without a Host header a path still works; only absolute addresses need the site's name.
    const site = new URL(`http://${siteHost || "moot.invalid"}`);
    const url = new URL(callbackUrl, site);
    const web = url.protocol === "http:" || url.protocol === "https:";
    if (!web || url.hostname !== site.hostname) return safeReturnPath(undefined);
    return safeReturnPath(`${url.pathname}${url.search}`);
  } catch {
    return safeReturnPath(undefined);
  }
}
