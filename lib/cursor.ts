import type { z } from "zod";

/**
 * A paging cursor as a client holds it: base64url of JSON, opaque to the client and safe in an
 * address. Isomorphic (TextEncoder and btoa), so lib/ may read one where it parses a request.
 */
export function writeCursor(key: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The key a cursor holds, as `schema` reads it; undefined for text no cursor of it could be. */
export function readCursor<S extends z.ZodType>(
  cursor: string,
  schema: S,
): z.output<S> | undefined {
  try {
    const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const parsed = schema.safeParse(
      JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
