import { IncomingMessage, type ServerResponse } from "node:http";
import type { Store } from "../db/store";
import { CLIENT_ADDRESS_HEADER } from "./auth/address";
import { actorFromHeaders } from "./auth/session";
import { type BodyRule, bodyRuleFor, UPLOAD_COUNTED_HEADER } from "./bodyLimits";
import type { RateLimits } from "./rateLimits/limiter";

export interface BodyGateDeps {
  store: Store;
  authSecret: string;
  /** The uploads limit is counted here, before a large body is read, not again in the route. */
  limits: RateLimits;
  /** Large bodies (uploads, imports) being read or handled at once: per account, and in all. */
  largeInFlight?: { perAccount: number; total: number };
}

/** Two files at once for a teacher; a few in all, so large bodies cannot fill the memory. */
const LARGE_IN_FLIGHT = { perAccount: 2, total: 6 };
/** What a client turned away for too many large bodies in flight is told to wait. */
const BUSY_RETRY_MS = 5_000;

/**
 * Stands between the socket and Next: a write under /api without a session is refused before a
 * byte of its body is read, and no body is read past its route's limit (a 100 MB body, chunked or
 * not, costs at most the limit in memory). What passes is handed on as a replay of the bytes read.
 * Resolves to the request for Next, or null when the gate has answered it.
 */
export function bodyGate({
  store,
  authSecret,
  limits,
  largeInFlight = LARGE_IN_FLIGHT,
}: BodyGateDeps) {
  const inFlight = new Map<string, number>();
  let inFlightTotal = 0;
  /** Holds a place for a large body until its answer is over; false when none is free. */
  const hold = (accountId: string, res: ServerResponse) => {
    const mine = inFlight.get(accountId) ?? 0;
    if (mine >= largeInFlight.perAccount || inFlightTotal >= largeInFlight.total) return false;
    inFlight.set(accountId, mine + 1);
    inFlightTotal++;
    res.once("close", () => {
      inFlightTotal--;
      const left = (inFlight.get(accountId) ?? 1) - 1;
      if (left > 0) inFlight.set(accountId, left);
      else inFlight.delete(accountId);
    });
    return true;
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | null> => {
    const method = req.method ?? "GET";
    const rule = ruleOf(method, req.url);
    // Only the gate says the uploads limit was counted.
    delete req.headers[UPLOAD_COUNTED_HEADER];
    if (!rule.visitors) {
      const actor = await actorFromHeaders(store, webHeaders(req), authSecret);
      if (actor.kind !== "user") {
        refuse(req, res, 401, "unauthenticated", "Sign in, or join a space with its code, first.");
        return null;
      }
      if (rule.large) {
        if (!hold(actor.id, res)) {
          const message = "Too many files are being sent just now: try again in a few seconds.";
          refuse(req, res, 429, "rate_limited", message, BUSY_RETRY_MS);
          return null;
        }
        const address = String(req.headers[CLIENT_ADDRESS_HEADER] ?? "");
        const refusal = await limits.consume("uploads", actor, address);
        if (refusal) {
          const { message, retryAfterMs } = refusal.error;
          refuse(req, res, 429, "rate_limited", message, retryAfterMs);
          return null;
        }
        req.headers[UPLOAD_COUNTED_HEADER] = "1";
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

/**
 * The rule for the path as URLs resolve it ("..", "%2e%2e", "//" and a trailing slash undone),
 * and no more lenient than for the path as written: visitors only where both let them in.
 */
function ruleOf(method: string, url = "/"): BodyRule {
  const written = tidy(decoded(url.split("?")[0] ?? "/"));
  // Leading slashes collapsed first: "//api" is not a host here.
  const path = url.replace(/^\/+/, "/");
  const resolved = bodyRuleFor(method, tidy(decoded(new URL(path, "http://x").pathname)));
  if (!resolved.visitors || bodyRuleFor(method, written).visitors) return resolved;
  return { ...resolved, visitors: false };
}

const tidy = (pathname: string) => pathname.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1");

function decoded(pathname: string): string {
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
  retryAfterMs?: number,
) {
  const wait =
    retryAfterMs === undefined ? {} : { "retry-after": String(Math.ceil(retryAfterMs / 1000)) };
  res.writeHead(status, { "content-type": "application/json", ...wait });
  const error = retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs };
  res.end(JSON.stringify({ error }));
  if (req.complete) return;
  req.resume();
  const cut = setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  req.once("end", () => clearTimeout(cut));
}
