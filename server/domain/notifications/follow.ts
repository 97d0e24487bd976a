import type { Store } from "../../../db/store";
import { FollowMotion, type FollowState } from "../../../lib/notifications";
import { type Actor, authorize } from "../../policy";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { placeOf } from "../spaces/access";

/**
 * Follows, unfollows or mutes a motion for the actor (P-NOTE-2): their own choice, kept from
 * then on, also when they post again (P-NOTE-1). It changes nothing anyone else sees, so it
 * appends no event to the motion's log.
 */
export async function followMotion(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<{ motionId: string; state: FollowState }>> {
  const parsed = FollowMotion.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { motionId, state } = parsed.data;
  return store.transaction(async (tx) => {
    const motion = await tx.motions.get(motionId);
    const place = motion ? await placeOf(tx, actor, motion.spaceId) : null;
    const denied = authorize(actor, "motion.follow", place);
    const moderates = authorize(actor, "motion.moderate", place) === null;
    if (!motion || denied?.code === "not_found" || (motion.status === "draft" && !moderates)) {
      return refuse("not_found", "No such motion.");
    }
    if (denied) return refuse(denied.code, denied.message);
    await tx.follows.put({ userId: actor.id, motionId, state, changedAt: new Date() });
    return done({ motionId, state });
  });
}

/**
 * How the actor follows a motion, and whether they chose it: someone who never posted nor chose
 * has not followed it, and will once they post.
 */
export async function followStateOf(
  store: Store,
  actor: Actor,
  motionId: string,
): Promise<{ state: FollowState; chosen: boolean } | null> {
  if (actor.kind !== "user") return null;
  const row = await store.follows.get(actor.id, motionId);
  return row ? { state: row.state, chosen: true } : { state: "unfollowed", chosen: false };
}
