import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Next answers a method that an API route does not export with an empty 405. Under /api it is
 * given the API's error shape instead, as an unknown path is; the methods a route serves are in
 * the `Allow` header of its `OPTIONS` answer, which Next writes from the route's exports.
 */
export function explainMethodNotAllowed(req: IncomingMessage, res: ServerResponse) {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (!path.startsWith("/api/")) return;
  let explained = false;
  // Next sends the head before its (empty) body: the type is set as the head goes out.
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status === 405 && !res.hasHeader("content-type")) {
      explained = true;
      res.removeHeader("content-length");
      res.setHeader("content-type", "application/json");
    }
    return writeHead(status, ...rest);
  }) as ServerResponse["writeHead"];
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    if (!explained || req.method === "HEAD") return end(...args);
    const message = `${req.method} is not served at ${path}: OPTIONS ${path} lists the methods it serves (Allow).`;
    const body = JSON.stringify({ error: { code: "method_not_allowed", message } });
    const done = args.find((arg) => typeof arg === "function");
    return done ? end(body, done) : end(body);
  }) as ServerResponse["end"];
}
