import { IncomingMessage, type ServerResponse } from "node:http";
import type { Store } from "../db/store";
import { actorFromHeaders } from "./auth/session";
import { type BodyRule, bodyRuleFor } from "./bodyLimits";

export interface BodyGateDeps {
  store: Store;
  authSecret: string;
}

/**
 * Stands between the socket and Next: a write under /api without a session is refused before a
 * byte of its body is read, and no body is read past its route's limit (a 100 MB body, chunked or
 * not, costs at most the limit in memory). What passes is handed on as a replay of the bytes read.
 * Resolves to the request for Next, or null when the gate has answered it.
 */
export function bodyGate({ store, authSecret }: BodyGateDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | null> => {
    const method = req.method ?? "GET";
    const rule = bodyRuleFor(method, pathnameOf(req.url));
    if (!rule.visitors) {
      const actor = await actorFromHeaders(store, webHeaders(req), authSecret);
      if (actor.kind !== "user") {
        refuse(req, res, 401, "unauthenticated", "Sign in, or join a space with its code, first.");
        return null;
      }
    }
    if (!hasBody(req)) return req;
    if (Number(req.headers["content-length"]) > rule.limit) return tooLarge(req, res, rule);
    const body = await readAtMost(req, rule.limit);
    if (body === "too_large") return tooLarge(req, res, rule);
    if (body === "aborted") return null;
    return replay(req, body);
  };
}

function pathnameOf(url = "/"): string {
  const pathname = url.split("?")[0] ?? "/";
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

const webHeaders = (req: IncomingMessage) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : [value ?? ""]) headers.append(name, one);
  }
  return headers;
};

/** HTTP/1.1 frames a request body with Content-Length or Transfer-Encoding; without either it has none. */
const hasBody = (req: IncomingMessage) =>
  req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"]) > 0;

/**
 * The body, counted as it arrives: at the first byte past the limit reading stops. A client that
 * goes away mid-body gets no answer.
 */
function readAtMost(
  req: IncomingMessage,
  limit: number,
): Promise<Buffer | "too_large" | "aborted"> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (result: Buffer | "too_large" | "aborted") => {
      req.off("data", onData).off("end", onEnd).off("close", onClose).off("error", onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        settle("too_large");
      } else chunks.push(chunk);
    };
    const onEnd = () => settle(Buffer.concat(chunks, size));
    const onClose = () => settle("aborted");
    req.on("data", onData).on("end", onEnd).on("close", onClose).on("error", onClose);
  });
}

/**
 * A request Next can read as if it came off the wire: the same method, url, headers and socket,
 * with the bytes already read as its body.
 */
function replay(original: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(original.socket);
  copy.method = original.method;
  copy.url = original.url;
  copy.httpVersion = original.httpVersion;
  copy.httpVersionMajor = original.httpVersionMajor;
  copy.httpVersionMinor = original.httpVersionMinor;
  copy.headers = original.headers;
  copy.rawHeaders = original.rawHeaders;
  copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}

function tooLarge(req: IncomingMessage, res: ServerResponse, rule: BodyRule): null {
  refuse(req, res, 413, "payload_too_large", rule.tooLarge);
  return null;
}

/** How long a refused client may go on sending (into nothing) before its connection is cut. */
const LINGER_MS = 2000;

/**
 * Answers without reading the rest of the body. Cut at once, a connection with bytes still
 * arriving is reset, and a client busy sending may lose the answer with it; so, as web servers
 * do, what still arrives is dropped for a moment, and the connection cut if the body goes on.
 */
function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { code, message } }));
  if (req.complete) return;
  req.resume();
  const cut = setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  req.once("end", () => clearTimeout(cut));
}
