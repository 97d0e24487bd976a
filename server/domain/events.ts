import type { StoredEvent } from "../../db/store";
import type { MotionSettings } from "../../lib/debate";
import type { MotionEvent, OutgoingEvent } from "../../lib/protocol";

/**
 * An event as the room may know it: the author of a vote stays in the database, so the room
 * learns the new tally, not who voted.
 */
export function toMotionEvent(event: StoredEvent): MotionEvent {
  const { actorId, at, ...rest } = event;
  return {
    ...rest,
    actor: event.type === "vote.cast" ? "" : actorId,
    at: at.toISOString(),
  };
}

/** A committed event to publish, marked with whether its motion is anonymous now. */
export function outgoing(event: StoredEvent, motion: { settings: MotionSettings }): OutgoingEvent {
  return { ...toMotionEvent(event), anonymous: motion.settings.anonymous };
}
