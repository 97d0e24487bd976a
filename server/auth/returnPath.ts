/** Where to go after signing in: a path on this site, never another site ("//evil", "https:"). */
export function safeReturnPath(value: unknown, fallback = "/spaces"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) {
    return fallback;
  }
  return value.includes("\\") ? fallback : value;
}
