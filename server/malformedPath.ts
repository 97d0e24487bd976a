import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Whether the request's path holds a `%` that does not start an encoded UTF-8 character
 * (`/api/motions/%E0%A4%A`). Next cannot decode such a path into a route's parameters and
 * answers 500, so it is turned away first, as a client's mistake.
 */
export function hasMalformedPath(url = "/"): boolean {
  const path = url.split("?")[0] ?? "/";
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

const message = "The address is malformed: each % in it must start an encoded character.";

/** 400: in the API's error shape under /api, as plain text for a page. */
export function refuseMalformedPath(req: IncomingMessage, res: ServerResponse) {
  if (req.url?.startsWith("/api/")) {
    res.writeHead(400, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "invalid_input", message } }));
    return;
  }
  res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
  res.end(message);
}
