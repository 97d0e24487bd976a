import type { IncomingMessage } from "node:http";
import { isIPv6 } from "node:net";

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
  return asCounted(loopback.has(peer) && last ? last : peer);
}

/**
 * The address as limits count it. One IPv6 subscriber holds a whole /64 and can change the rest
 * at will, so an IPv6 address counts as its /64; an IPv4 address (mapped or not) as itself.
 */
export function asCounted(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left;
  const prefix = groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16));
  return `${prefix.join(":")}::/64`;
}

export const clientAddress = (headers: Headers) => headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
