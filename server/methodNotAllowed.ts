import type { IncomingMessage, ServerResponse } from "node:http";

type Writer = (...args: unknown[]) => boolean;
type Ender = (...args: unknown[]) => ServerResponse;

/**
 * Next answers a method that an API route does not export with an empty 405, without the `Allow`
 * header it writes from the route's exports on an `OPTIONS` answer. Under /api it is given the
 * API's error shape instead, as an unknown path is, and the route's `Allow` (`allowOf`).
 */
export function explainMethodNotAllowed(
  req: IncomingMessage,
  res: ServerResponse,
  allowOf: (path: string) => string | null,
) {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (!path.startsWith("/api/")) return;
  let body = "";
  // Whether this answer is a bare 405 that gets the body: known when its head goes out, which is
  // either before `end` (Next's compression writes it first) or inside it (Node's own).
  let explained = false;
  let wroteBody = false;
  const explain = (status: number) => {
    if (status !== 405 || wroteBody || res.hasHeader("content-type")) return;
    explained = true;
    res.removeHeader("content-length");
    res.setHeader("content-type", "application/json");
    const allow = allowOf(path);
    if (allow) res.setHeader("allow", allow);
    const served = allow
      ? `it serves ${allow} (Allow)`
      : `OPTIONS ${path} lists the methods it serves (Allow)`;
    const message = `${req.method} is not served at ${path}: ${served}.`;
    body = JSON.stringify({ error: { code: "method_not_allowed", message } });
  };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    explain(status);
    return writeHead(status, ...rest);
  }) as ServerResponse["writeHead"];
  const write = res.write.bind(res) as Writer;
  res.write = ((...args: unknown[]) => {
    wroteBody = true;
    return write(...args);
  }) as ServerResponse["write"];
  const end = res.end.bind(res) as Ender;
  res.end = ((...args: unknown[]) => {
    const chunk = typeof args[0] === "function" ? undefined : args[0];
    if (chunk !== undefined && chunk !== null) wroteBody = true;
    if (!res.headersSent) explain(res.statusCode);
    if (!explained || wroteBody || req.method === "HEAD") return end(...args);
    const done = args.find((arg) => typeof arg === "function");
    return done ? end(body, done) : end(body);
  }) as ServerResponse["end"];
}
