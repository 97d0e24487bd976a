import type { Server, Socket } from "socket.io";
import type { Store } from "../../db/store";
import type { ClientToServerEvents, MotionEvent, ServerToClientEvents } from "../../lib/protocol";
import { motionRoom } from "../../lib/protocol";
import { actorFromHeaders } from "../auth/session";
import type { Actor } from "../policy";
import { registerDebateHandlers } from "./debate";
import { registerMotionHandlers } from "./motion";

export type SocketData = { actor: Actor };
export type MootServer = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
export type MootSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

export interface RealtimeDeps {
  store: Store;
  authSecret: string;
}

/** Every connection of one user, so a removed member can be taken out of rooms at once. */
const userRoom = (userId: string) => `user:${userId}`;

/**
 * Wires Socket.IO: who each connection is, resolved once at the handshake from the same
 * session cookie the pages read (no cookie: the anonymous visitor), then its handlers, each
 * of which asks the policy before it acts.
 */
export function attachRealtime(io: MootServer, deps: RealtimeDeps) {
  io.use(async (socket, next) => {
    try {
      const headers = new Headers(socket.handshake.headers as Record<string, string>);
      socket.data.actor = await actorFromHeaders(deps.store, headers, deps.authSecret);
      if (socket.data.actor.kind === "user") await socket.join(userRoom(socket.data.actor.id));
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error("could not read the session"));
    }
  });
  const publish = (events: MotionEvent[]) => {
    for (const event of events) io.to(motionRoom(event.motionId)).emit("motion:event", event);
  };
  io.on("connection", (socket) => {
    registerMotionHandlers(socket, io, deps);
    registerDebateHandlers(socket, deps.store, publish);
  });
  return {
    publish,
    evict(userId: string, motionIds: string[]) {
      io.in(userRoom(userId)).socketsLeave(motionIds.map(motionRoom));
    },
  };
}
