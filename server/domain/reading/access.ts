import type { MotionRow, Repos } from "../../../db/store";
import { type Actor, authorize } from "../../policy";
import { done, type Outcome, refuse } from "../outcome";
import { placeOf } from "../spaces/access";

/**
 * The motion a signed-in reader keeps read state on: one they may read (a draft only where they
 * moderate). A visitor has no read state, but learns that only of a motion they could read.
 */
export async function motionToRead(
  repos: Repos,
  actor: Actor,
  motionId: string,
): Promise<Outcome<MotionRow>> {
  const motion = await repos.motions.get(motionId);
  const place = motion ? await placeOf(repos, actor, motion.spaceId) : null;
  const unreadable =
    !motion ||
    authorize(actor, "space.read", place) !== null ||
    (motion.status === "draft" && authorize(actor, "motion.moderate", place) !== null);
  if (unreadable) return refuse("not_found", "No such motion.");
  if (actor.kind !== "user") {
    return refuse(
      "unauthenticated",
      "Sign in, or join with a code, to keep track of what you read.",
    );
  }
  return done(motion);
}
