import type { IncomingMessage } from "node:http";

/** The header the custom server sets on every request to the address the request came from. */
export const CLIENT_ADDRESS_HEADER = "x-moot-client-address";

const loopback = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * Where a request comes from. A reverse proxy on the same machine is believed about the client
 * it forwards for: the last X-Forwarded-For entry, the one it added itself (a client can put
 * anything before it). Anyone else's X-Forwarded-For is ignored, so it cannot dodge a rate limit.
 */
export function clientAddressOf(req: IncomingMessage): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  const forwarded = req.headers["x-forwarded-for"];
  const header = Array.isArray(forwarded) ? forwarded.join(",") : forwarded;
  const last = header?.split(",").at(-1)?.trim();
  return loopback.has(peer) && last ? last : peer;
}

export const clientAddress = (headers: Headers) => headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
