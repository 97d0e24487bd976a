import type { StoredEvent } from "../../db/store";
import type { MotionSettings } from "../../lib/debate";
import type { MotionEvent, OutgoingEvent } from "../../lib/protocol";

/** Events whose author stays in the database: the room learns the new counts, not whose. */
const unsigned: ReadonlySet<StoredEvent["type"]> = new Set([
  "vote.cast",
  "argument.agreed",
  "argument.rated",
]);

/**
 * An event as the room may know it: the author of a vote, an agreement or a rating stays in the
 * database, so the room learns the new tally, not who voted, agreed or rated (a rating's author
 * beside the strength before and after it would give away the score they gave).
 */
export function toMotionEvent(event: StoredEvent): MotionEvent {
  const { actorId, at, ...rest } = event;
  return {
    ...rest,
    actor: unsigned.has(event.type) ? "" : actorId,
    at: at.toISOString(),
  };
}

/**
 * A committed event to publish, marked with whether its motion is anonymous now, and with how
 * many notifications the command stored for it when it knows (none: nothing to push).
 */
export function outgoing(
  event: StoredEvent,
  motion: { settings: MotionSettings },
  notifications?: number,
): OutgoingEvent {
  const marked = { ...toMotionEvent(event), anonymous: motion.settings.anonymous };
  return notifications === 0 ? { ...marked, notified: false } : marked;
}
