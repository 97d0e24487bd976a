/** Where to go after signing in: a path on this site, never another site ("//evil", "https:"). */
export function safeReturnPath(value: unknown, fallback = "/spaces"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) {
    return fallback;
  }
  return value.includes("\\") ? fallback : value;
}

/** Auth.js's callbackUrl (absolute or a path) as a path on this site, query kept. */
export function returnPathOf(callbackUrl: string | undefined): string {
  if (!callbackUrl) return safeReturnPath(undefined);
  try {
    const url = new URL(callbackUrl, "http://moot.invalid");
    return safeReturnPath(`${url.pathname}${url.search}`);
  } catch {
    return safeReturnPath(undefined);
  }
}
