import type { Store } from "../../../db/store";
import { MODERATION_TYPES, type ModerationType } from "../../../lib/moderationWords";
import type { MotionEventData } from "../../../lib/protocol";
import type { Actor } from "../../policy";
import { done, type Outcome } from "../outcome";
import { moderatedMotion, namesOf } from "./guards";

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
  const events = await store.events.ofTypes(found.value.id, MODERATION_TYPES);
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
