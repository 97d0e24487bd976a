import type { Outcome } from "./domain/outcome";
import { errorResponse } from "./http";

/**
 * A GET that answers `304 Not Modified`, with no body, when the caller's If-None-Match names the
 * tag its answer would carry; else it builds the answer and tags it. The answer is the caller's
 * own (private) and is checked again on every use (no-cache), since the next event changes it.
 */
export async function conditionalGet(
  request: Request,
  tag: Outcome<string>,
  answer: () => Promise<Response>,
): Promise<Response> {
  if (!tag.ok) return errorResponse(tag);
  const etag = `W/"${tag.value}"`;
  const headers = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Cookie" };
  if (matches(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  const response = await answer();
  if (response.status !== 200) return response;
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** If-None-Match compares weakly: `W/"x"` and `"x"` name the same, `*` names any. */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}
