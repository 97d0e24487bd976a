import { type ArgumentView, defaultMotionSettings, emptyTally } from "../../lib/debate";
import type { LiveMotion } from "../../lib/live";
import type { EventOf, MotionEventData, MotionEventType } from "../../lib/protocol";
import { initialSession } from "../../lib/session";

/** A published top-level argument "for" the motion, as the client holds it; change what matters. */
export const argumentView = (id: string, change: Partial<ArgumentView> = {}): ArgumentView => ({
  id,
  motionId: "m",
  parentId: null,
  relation: "for",
  body: id,
  author: { id: "u", name: "A" },
  pseudonym: 1,
  status: "published",
  rejectionReason: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  editedAt: null,
  citations: [],
  strength: { mean: null, count: 0 },
  ...change,
});

/** An open motion's live copy at `seq`, with no arguments yet. */
export const liveMotionAt = (seq: number): LiveMotion => ({
  seq,
  arguments: [],
  votes: emptyTally(),
  status: "open",
  pinned: [],
  spotlightId: null,
  settings: defaultMotionSettings,
  session: initialSession,
  wentPublic: {},
  partial: null,
});

/** A time on the first of January, `minute` minutes past ten. */
export const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, "0")}:00.000Z`;

/** An argument of a thread: top-level "for", or a reply supporting `parentId`, at `minute`. */
export const threadArgument = (
  id: string,
  parentId: string | null,
  minute: number,
  extra: Partial<ArgumentView> = {},
): ArgumentView =>
  argumentView(id, {
    parentId,
    relation: parentId ? "supports" : "for",
    createdAt: at(minute),
    ...extra,
  });

/** An event of motion "m" as the server sends it. */
export const motionEvent = <K extends MotionEventType>(
  seq: number,
  type: K,
  data: MotionEventData[K],
  when = at(0),
): EventOf<K> => ({ motionId: "m", seq, type, data, actor: "u", at: when });
