import { type Ack, MotionLeave, motionRoom } from "../../lib/protocol";
import { failure } from "../../lib/result";
import { eventsSince } from "../domain/debate/queries";
import { done, type Outcome } from "../domain/outcome";
import type { MootSocket, RealtimeDeps } from "./index";

function reply<T extends object>(ack: unknown, outcome: Outcome<T>): void {
  if (typeof ack !== "function") return;
  const answer: Ack<T> = outcome.ok ? { ok: true, ...outcome.value } : outcome;
  ack(answer);
}

export function registerMotionHandlers(socket: MootSocket, { store }: RealtimeDeps) {
  socket.on("motion:join", async (payload, ack) => {
    const replay = await eventsSince(store, socket.data.actor, payload);
    if (!replay.ok) return reply(ack, replay);
    const { motionId, seq, events, reload } = replay.value;
    await socket.join(motionRoom(motionId));
    // An event committed between the replay and the join reached neither: read what came since.
    const gap = await eventsSince(store, socket.data.actor, { motionId, sinceSeq: seq });
    if (!gap.ok) return reply(ack, gap);
    reply(
      ack,
      done({
        motionId,
        seq: gap.value.seq,
        events: reload ? [] : [...events, ...gap.value.events],
        reload: reload || gap.value.reload,
      }),
    );
  });

  socket.on("motion:leave", async (payload, ack) => {
    const parsed = MotionLeave.safeParse(payload);
    if (!parsed.success) return reply(ack, failure("invalid_input", "motionId is required"));
    await socket.leave(motionRoom(parsed.data.motionId));
    reply(ack, done({}));
  });
}
