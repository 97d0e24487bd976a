import { z } from "zod";
import { Id } from "./ids";
import { requiredAs } from "./text";
import type { MotionSummary } from "./views";

/** Payloads of the reading commands: the same over Socket.IO and REST. */

/** Marks a motion read up to `seq`, the last event the reader's page holds. */
export const MarkRead = z.object({
  motionId: Id,
  seq: z
    .number(requiredAs("a number"))
    .int("must be a whole number")
    .nonnegative("must be 0 or more"),
});
export type MarkRead = z.input<typeof MarkRead>;

/** Marks every motion of a space the reader may read as read up to its latest event. */
export const MarkAllRead = z.object({ spaceId: Id });
export type MarkAllRead = z.input<typeof MarkAllRead>;

/**
 * Where a signed-in reader stood when the motion's page was rendered: arguments by others that
 * went public after `lastSeq` are new to them. Kept as of the page's load, so what was new
 * stays marked while the page itself marks the motion read.
 */
export interface ReadingView {
  lastSeq: number;
  newIds: string[];
  /**
   * Of a big debate's page: for each argument it holds, how many new ones below it (at any
   * depth) it does not hold, so a folded or unloaded branch still says what is new in it.
   */
  newBelow?: Record<string, number>;
}

/** A motion in its space's list, with how many arguments are new to the caller (null: a visitor). */
export type SpaceMotionSummary = MotionSummary & { unread: number | null };
