import { type ArgumentView, defaultMotionSettings, emptyTally } from "../../lib/debate";
import type { LiveMotion } from "../../lib/live";
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
});
