import type { EventRow } from "../../db/store";
import type { MotionEvent } from "../../lib/protocol";

export function toMotionEvent(row: EventRow): MotionEvent {
  return {
    motionId: row.motionId,
    seq: row.seq,
    type: row.type,
    data: row.data,
    actor: row.actorId,
    at: row.at.toISOString(),
  };
}
