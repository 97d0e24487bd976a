import type { Store } from "../../../db/store";
import type { MotionEventData, MotionEventType } from "../../../lib/protocol";
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
] as const satisfies MotionEventType[];
type ModerationType = (typeof moderationTypes)[number];

export type ModerationEntry = {
  [K in ModerationType]: {
    seq: number;
    type: K;
    at: string;
    moderator: { id: string; name: string };
    data: MotionEventData[K];
  };
}[ModerationType];

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
    events.map(({ motionId: _, actorId, at, ...event }) => ({
      ...event,
      at: at.toISOString(),
      moderator: { id: actorId, name: names.get(actorId) ?? actorId },
    })),
  );
}
