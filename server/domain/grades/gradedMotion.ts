import type { MotionRow, Repos } from "../../../db/store";
import { type Actor, authorize } from "../../policy";
import { done, type Outcome, refuse } from "../outcome";
import { placeOf } from "../spaces/access";

/**
 * The motion a grading command acts on, held under its lock: one of the space's motions past
 * draft (a draft has nothing to grade and answers as an unknown id), and the actor one of the
 * space's owners or moderators. Closed and archived motions are graded too: grading comes after.
 */
export async function gradedMotion(
  tx: Repos,
  actor: Actor,
  motionId: string,
): Promise<Outcome<MotionRow>> {
  const motion = await tx.motions.lock(motionId);
  const place =
    motion && motion.status !== "draft" ? await placeOf(tx, actor, motion.spaceId) : null;
  const denied = authorize(actor, "grade.set", place);
  if (!motion || !place || denied?.code === "not_found") {
    return refuse("not_found", "No such motion.");
  }
  if (denied) return refuse(denied.code, denied.message);
  return done(motion);
}
