import type { MootServer } from "./index";

/** Every connection made with one session's cookie, so that ending the session closes them. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/**
 * Closes the connections of ended sessions (P-AUTH-3). With the Redis adapter the request
 * reaches every node. A closed client does not reconnect by itself; if it does, its handshake
 * carries the ended session's cookie and it comes back as a visitor.
 */
export function sessionDisconnector(io: MootServer) {
  return (sessionIds: string[]) => {
    if (sessionIds.length > 0) io.in(sessionIds.map(sessionRoom)).disconnectSockets(true);
  };
}
