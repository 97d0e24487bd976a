import type { Server, Socket } from "socket.io";
import type { Store } from "../../db/store";
import type { ClientToServerEvents, MotionEvent, ServerToClientEvents } from "../../lib/protocol";
import { motionRoom } from "../../lib/protocol";
import { type Actor, anonymousActor } from "../policy";
import { registerMotionHandlers } from "./motion";

export type SocketData = { actor: Actor };
export type MootServer = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
export type MootSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

export interface RealtimeDeps {
  store: Store;
}

/** Wires Socket.IO: who each connection is (once, at the handshake), then its handlers. */
export function attachRealtime(io: MootServer, deps: RealtimeDeps) {
  io.use((socket, next) => {
    socket.data.actor = anonymousActor;
    next();
  });
  io.on("connection", (socket) => registerMotionHandlers(socket, deps));
  return {
    publish(events: MotionEvent[]) {
      for (const event of events) io.to(motionRoom(event.motionId)).emit("motion:event", event);
    },
  };
}
