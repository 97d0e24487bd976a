import type { Cookie } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../../lib/protocol";

/** A Socket.IO connection from outside the browser, as a script or another device makes. */
export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const SESSION_COOKIE = "authjs.session-token";

/** The Auth.js session cookie among a browser's cookies. */
export function sessionCookieOf(cookies: Cookie[]): Cookie {
  const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE);
  if (!session) throw new Error("the browser holds no session cookie");
  return session;
}

/** A Socket.IO connection from outside the browser, sending the Cookie header given. */
export async function connectWith(url: string, cookie: string): Promise<Client> {
  const socket: Client = io(url, { transports: ["websocket"], extraHeaders: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}
