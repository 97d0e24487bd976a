import type { EventRow } from "../../db/store";
import type { MotionSettings } from "../../lib/debate";
import type { MotionEvent } from "../../lib/protocol";
import type { OutgoingEvent } from "./debate/audience";

/** Events whose author stays in the database: the room learns the new tally, not who voted. */
const unsigned = new Set(["vote.cast"]);

export function toMotionEvent(row: EventRow): MotionEvent {
  return {
    motionId: row.motionId,
    seq: row.seq,
    type: row.type,
    data: row.data,
    actor: unsigned.has(row.type) ? "" : row.actorId,
    at: row.at.toISOString(),
  };
}

/** A committed event to publish, marked with whether its motion is anonymous now. */
export function outgoing(row: EventRow, motion: { settings: MotionSettings }): OutgoingEvent {
  return { ...toMotionEvent(row), anonymous: motion.settings.anonymous };
}
