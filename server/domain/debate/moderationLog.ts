import type { Store } from "../../../db/store";
import type { Actor } from "../../policy";
import { done, type Outcome } from "../outcome";
import { moderatedMotion, namesOf } from "./guards";

const moderationTypes = [
  "motion.settings",
  "motion.edited",
  "citation.reviewed",
  "motion.status",
  "argument.approved",
  "argument.rejected",
  "session.phase",
  "session.timer",
  "session.side",
  "motion.locked",
  "argument.hidden",
  "argument.restored",
  "argument.pinned",
  "argument.spotlighted",
];

export interface ModerationEntry {
  seq: number;
  type: string;
  at: string;
  moderator: { id: string; name: string };
  data: Record<string, unknown>;
}

/** Every moderation action on a motion, oldest first, with who, when and why. */
export async function moderationLog(
  store: Store,
  actor: Actor,
  motionId: unknown,
): Promise<Outcome<ModerationEntry[]>> {
  const found = await moderatedMotion(store, actor, motionId);
  if (!found.ok) return found;
  const events = await store.events.ofTypes(found.value.id, moderationTypes);
  const names = await namesOf(
    store,
    events.map((e) => e.actorId),
  );
  return done(
    events.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: e.at.toISOString(),
      moderator: { id: e.actorId, name: names.get(e.actorId) ?? e.actorId },
      data: e.data,
    })),
  );
}
