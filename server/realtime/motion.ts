import { setTimeout as sleep } from "node:timers/promises";
import type { Store } from "../../db/store";
import {
  MotionLeave,
  moderatorsRoom,
  motionRoom,
  ownRoom,
  type Presence,
} from "../../lib/protocol";
import { failure } from "../../lib/result";
import { namelessPresence } from "../domain/debate/audience";
import { eventsSince } from "../domain/debate/queries";
import { done } from "../domain/outcome";
import type { MootServer, MootSocket, RealtimeDeps, SocketData } from "./index";
import { guarded, payloadAndAck } from "./reply";

const ROOM_PREFIX = motionRoom("");

/** A room this big hears who is there at most once per BUSY_ROOM_EVERY_MS (P-PRESENCE-2). */
export const BUSY_ROOM = 100;
export const BUSY_ROOM_EVERY_MS = 500;

export type AnnouncePresence = (motionId: string) => void;

/**
 * Tells everyone in a motion's room who is there now (any node's sockets count). Presence is
 * a courtesy: when the nodes cannot be asked (one is shutting down), it is skipped. Each update
 * goes to the whole room, so a class of n arriving at once would cost n² messages: in a busy
 * room the updates of half a second go out as one, at its end, telling who is there then.
 */
export function presenceAnnouncer(io: MootServer, store: Store): AnnouncePresence {
  const busySince = new Map<string, number>();
  const waiting = new Set<string>();
  const tell = async (motionId: string) => {
    const sockets = await io
      .in(motionRoom(motionId))
      .fetchSockets()
      .catch(() => null);
    if (!sockets) return;
    if (sockets.length >= BUSY_ROOM) busySince.set(motionId, Date.now());
    else busySince.delete(motionId);
    await sendPresence(io, store, motionId, sockets);
  };
  // A room told while the server stops (someone joined just then) may find the database closed.
  const tellOrSay = (motionId: string) =>
    tell(motionId).catch((error) => console.error("could not tell the room who is here", error));
  return (motionId) => {
    if (waiting.has(motionId)) return;
    const wait = (busySince.get(motionId) ?? 0) + BUSY_ROOM_EVERY_MS - Date.now();
    if (wait <= 0) {
      void tellOrSay(motionId);
      return;
    }
    waiting.add(motionId);
    setTimeout(() => {
      waiting.delete(motionId);
      void tellOrSay(motionId);
    }, wait).unref();
  };
}

/** A motion's own room, not its moderators' or one person's within it. */
const isMotionRoom = (room: string) =>
  room.startsWith(ROOM_PREFIX) && !room.includes(":", ROOM_PREFIX.length);

/** The motions whose rooms are among `rooms`. */
export const motionsIn = (rooms: Iterable<string>) =>
  [...rooms].filter(isMotionRoom).map((room) => room.slice(ROOM_PREFIX.length));

/** How long a stopping node waits for the other nodes to say who stays before it stops anyway. */
export const FAREWELL_WAIT_MS = 2000;

/**
 * Before this node stops: its sockets leave without a word (see "disconnecting"), so each motion
 * room it serves is told here who stays on the other nodes (P-PRESENCE-3). A room with nobody
 * elsewhere hears nothing; other nodes that do not answer in time are not waited for.
 */
export async function tellWhoStays(io: MootServer, store: Store) {
  const here = io.of("/").sockets;
  const rooms = [...io.of("/").adapter.rooms.keys()].filter(isMotionRoom);
  const telling = Promise.all(
    rooms.map(async (room) => {
      const staying = (await io.in(room).fetchSockets()).filter(({ id }) => !here.has(id));
      if (staying.length > 0)
        await sendPresence(io, store, room.slice(ROOM_PREFIX.length), staying);
    }),
  ).catch((error) => console.error("could not tell the rooms who stays", error));
  await Promise.race([telling, sleep(FAREWELL_WAIT_MS, undefined, { ref: false })]);
}

async function sendPresence(
  io: MootServer,
  store: Store,
  motionId: string,
  sockets: { data: Partial<SocketData> }[],
) {
  const anonymous = (await store.motions.get(motionId))?.settings.anonymous ?? false;
  const people = new Map<string, string>();
  let visitors = 0;
  for (const { data } of sockets) {
    if (data.actor?.kind === "user") people.set(data.actor.id, data.actor.name);
    else visitors += 1;
  }
  const presence: Presence = {
    motionId,
    people: [...people].map(([id, name]) => ({ id, name })),
    visitors,
  };
  if (!anonymous) {
    io.to(motionRoom(motionId)).emit("presence:update", presence);
    return;
  }
  // In an anonymous motion only the moderators learn who is here (P-ANON-1).
  io.to(moderatorsRoom(motionId)).emit("presence:update", presence);
  io.to(motionRoom(motionId))
    .except(moderatorsRoom(motionId))
    .emit("presence:update", namelessPresence(presence));
}

export function registerMotionHandlers(
  socket: MootSocket,
  announcePresence: AnnouncePresence,
  { store }: RealtimeDeps,
) {
  socket.on("motion:join", async (...args: unknown[]) => {
    const { payload, ack } = payloadAndAck(args);
    const outcome = await guarded(ack, async () => {
      const replay = await eventsSince(store, socket.data.actor, payload);
      if (!replay.ok) return replay;
      const { motionId, seq, events, reload, asRoom } = replay.value;
      // The room's screen hears what the room hears, whoever opened it (P-JOIN-9).
      const moderates = replay.value.can.moderate && !asRoom;
      const { actor } = socket.data;
      const rooms = [
        motionRoom(motionId),
        ...(actor.kind === "user" && !asRoom ? [ownRoom(motionId, actor.id)] : []),
      ];
      for (const room of rooms) await socket.join(room);
      // A connection that moderated here before a change of role no longer hears what they did.
      if (moderates) await socket.join(moderatorsRoom(motionId));
      else await socket.leave(moderatorsRoom(motionId));
      // An event committed between the replay and the join reached neither: read what came since.
      const gap = await eventsSince(store, socket.data.actor, { motionId, sinceSeq: seq, asRoom });
      // A removal or a change of role committed since the first read took out of the rooms the
      // connections already in them, not this one: it leaves them itself (P-AUTH-2, P-MOD-3).
      const stillModerates = gap.ok && gap.value.can.moderate && !asRoom;
      if (moderates && !stillModerates) await socket.leave(moderatorsRoom(motionId));
      if (!gap.ok) {
        for (const room of rooms) await socket.leave(room);
        return gap;
      }
      return done({
        motionId,
        seq: gap.value.seq,
        events: reload ? [] : [...events, ...gap.value.events],
        reload: reload || gap.value.reload,
        serverNow: Date.now(),
        // As the last read found it: a change committed since took the connections in the
        // rooms out, and tells their pages (P-MEMBER-1).
        can: gap.value.can,
      });
    });
    if (outcome?.ok) announcePresence(outcome.value.motionId);
  });

  socket.on("motion:leave", async (...args: unknown[]) => {
    const { payload, ack } = payloadAndAck(args);
    const parsed = MotionLeave.safeParse(payload);
    // Leaving a room this connection is not in changes nobody's presence (P-LEAVE-2).
    const joined = parsed.success && socket.rooms.has(motionRoom(parsed.data.motionId));
    const outcome = await guarded(ack, async () => {
      if (!parsed.success) return failure("invalid_input", "motionId is required");
      if (!joined) return done({});
      const { motionId } = parsed.data;
      for (const room of [motionRoom(motionId), moderatorsRoom(motionId)]) await socket.leave(room);
      await socket.leave(ownRoom(motionId, socket.data.actor.id));
      return done({});
    });
    if (outcome?.ok && joined) announcePresence(parsed.data.motionId);
  });

  socket.on("disconnecting", (reason) => {
    // A node stopping closes its database and its link to the other nodes right after: it has
    // told its rooms who stays before (tellWhoStays).
    if (reason === "server shutting down") return;
    const motions = motionsIn(socket.rooms);
    // After the disconnect the socket has left its rooms; then the others hear who remains.
    socket.once("disconnect", () => {
      for (const motionId of motions) announcePresence(motionId);
    });
  });
}
