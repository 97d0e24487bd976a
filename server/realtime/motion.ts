import { MotionLeave, motionRoom, type Presence } from "../../lib/protocol";
import { failure } from "../../lib/result";
import { eventsSince } from "../domain/debate/queries";
import { done } from "../domain/outcome";
import type { MootServer, MootSocket, RealtimeDeps } from "./index";
import { guarded, payloadAndAck } from "./reply";

const ROOM_PREFIX = motionRoom("");

/**
 * Tells everyone in a motion's room who is there now (any node's sockets count). Presence is
 * a courtesy: when the nodes cannot be asked (one is shutting down), it is skipped.
 */
export async function announcePresence(io: MootServer, motionId: string) {
  const sockets = await io
    .in(motionRoom(motionId))
    .fetchSockets()
    .catch(() => null);
  if (!sockets) return;
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
  io.to(motionRoom(motionId)).emit("presence", presence);
}

export function registerMotionHandlers(
  socket: MootSocket,
  io: MootServer,
  { store }: RealtimeDeps,
) {
  socket.on("motion:join", async (...args: unknown[]) => {
    const { payload, ack } = payloadAndAck(args);
    const outcome = await guarded(ack, async () => {
      const replay = await eventsSince(store, socket.data.actor, payload);
      if (!replay.ok) return replay;
      const { motionId, seq, events, reload } = replay.value;
      await socket.join(motionRoom(motionId));
      // An event committed between the replay and the join reached neither: read what came since.
      const gap = await eventsSince(store, socket.data.actor, { motionId, sinceSeq: seq });
      if (!gap.ok) return gap;
      return done({
        motionId,
        seq: gap.value.seq,
        events: reload ? [] : [...events, ...gap.value.events],
        reload: reload || gap.value.reload,
      });
    });
    if (outcome?.ok) await announcePresence(io, outcome.value.motionId);
  });

  socket.on("motion:leave", async (...args: unknown[]) => {
    const { payload, ack } = payloadAndAck(args);
    const parsed = MotionLeave.safeParse(payload);
    const outcome = await guarded(ack, async () => {
      if (!parsed.success) return failure("invalid_input", "motionId is required");
      await socket.leave(motionRoom(parsed.data.motionId));
      return done({});
    });
    if (outcome?.ok && parsed.success) await announcePresence(io, parsed.data.motionId);
  });

  socket.on("disconnecting", () => {
    const rooms = [...socket.rooms].filter((room) => room.startsWith(ROOM_PREFIX));
    // After the disconnect the socket has left its rooms; then the others hear who remains.
    socket.once("disconnect", () => {
      for (const room of rooms) void announcePresence(io, room.slice(ROOM_PREFIX.length));
    });
  });
}
