import type { Server, Socket } from "socket.io";
import type { Store } from "../../db/store";
import {
  type ClientToServerEvents,
  type MotionEventType,
  motionRoom,
  type OutgoingEvent,
  type ServerToClientEvents,
} from "../../lib/protocol";
import { clientAddressOf } from "../auth/address";
import { sessionFromHeaders } from "../auth/session";
import { recomputeSoon } from "../domain/debate/opinions";
import type { Effect } from "../domain/outcome";
import { executor } from "../execute";
import type { Actor } from "../policy";
import type { RateLimits } from "../rateLimits/limiter";
import { answerUnservedEvents, registerCommandHandlers } from "./commands";
import { evictMember, tellMember } from "./effects";
import { limitEvents } from "./limits";
import { presenceAnnouncer, registerMotionHandlers, tellWhoStays } from "./motion";
import { pacedWrites } from "./pacedWrites";
import { perTurn } from "./perTurn";
import { publisher, pushNotifications, userRoom } from "./publish";
import { renamer } from "./renames";
import { sessionDisconnector, sessionRoom } from "./sessions";

/** What changes the room's opinion groups: a stance, or an argument leaving or coming back. */
const changesOpinions: ReadonlySet<string> = new Set<MotionEventType>([
  "argument.agreed",
  "argument.hidden",
  "argument.restored",
  "argument.withdrawn",
]);

/** Who the connection is, and the client address its limits are counted on. */
export type SocketData = { actor: Actor; address: string };
/** What one node tells the others, through the adapter. */
export type NodeEvents = { "member:renamed": (userId: string, name: string) => void };
export type MootServer = Server<ClientToServerEvents, ServerToClientEvents, NodeEvents, SocketData>;
export type MootSocket = Socket<ClientToServerEvents, ServerToClientEvents, NodeEvents, SocketData>;

export interface RealtimeDeps {
  store: Store;
  authSecret: string;
  limits: RateLimits;
  /** How long one task writes to connections before the event loop goes on (P-LIVE-1). */
  writeBudgetMs?: number;
}

/**
 * Wires Socket.IO: who each connection is, resolved once at the handshake from the same
 * session cookie the pages read (no cookie: the anonymous visitor), then its handlers, each
 * of which asks the policy before it acts.
 */
export function attachRealtime(io: MootServer, deps: RealtimeDeps) {
  io.use(async (socket, next) => {
    try {
      const headers = new Headers(socket.handshake.headers as Record<string, string>);
      const { actor, sessionId } = await sessionFromHeaders(deps.store, headers, deps.authSecret);
      socket.data.actor = actor;
      socket.data.address = clientAddressOf(socket.request);
      if (actor.kind === "user") await socket.join(userRoom(actor.id));
      if (sessionId) await socket.join(sessionRoom(sessionId));
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error("could not read the session"));
    }
  });
  const send = publisher(io);
  const disconnectSessions = sessionDisconnector(io);
  const notifyUsers = pushNotifications(io, deps.store);
  const announcePresence = presenceAnnouncer(io, deps.store);
  const renameMember = renamer(io, announcePresence);
  const writes = pacedWrites({ budgetMs: deps.writeBudgetMs });
  // The events of a turn's commits go out together (P-JOIN-5), and those committed while earlier
  // messages still wait to be written go out together after them (P-LIVE-1).
  const sendInTurn = perTurn<OutgoingEvent[]>(
    (batches) => send(batches.flat()),
    writes.whenWritten,
  );
  const publish = (events: OutgoingEvent[], effects: Effect[] = []) => {
    sendInTurn(events);
    notifyUsers(events);
    // Who may learn names can change with the settings: tell the room who is here again.
    for (const event of events) {
      if (event.type === "motion.settings") announcePresence(event.motionId);
      if (changesOpinions.has(event.type)) {
        recomputeSoon(deps.store, event.motionId, (update) =>
          io.to(motionRoom(event.motionId)).emit("opinions:update", update),
        );
      }
    }
    for (const effect of effects) {
      if (effect.type === "member.evicted") evictMember(io, effect);
      else if (effect.type === "member.standing") tellMember(io, effect);
      else if (effect.type === "member.renamed") renameMember(effect);
      else disconnectSessions(effect.sessionIds);
    }
  };
  const execute = executor({ store: deps.store, limits: deps.limits, publish });
  io.on("connection", (socket) => {
    writes.attach(socket);
    limitEvents(socket, deps.limits);
    answerUnservedEvents(socket);
    registerMotionHandlers(socket, announcePresence, deps);
    registerCommandHandlers(socket, execute);
  });
  return {
    publish,
    limits: deps.limits,
    disconnectSessions,
    /** Stops this node's Socket.IO, telling its rooms first who stays on the other nodes. */
    async close() {
      await tellWhoStays(io, deps.store);
      await io.close();
    },
  };
}
