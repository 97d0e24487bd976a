import type { Store } from "../../../db/store";
import { MarkGrade } from "../../../lib/grades";
import type { Actor } from "../../policy";
import { outgoing } from "../events";
import { done, invalidInput, type Outcome, once, refuse } from "../outcome";
import { gradedMotion } from "./gradedMotion";

export type GradeMarked = {
  seq: number;
  motionId: string;
  userId: string;
  mark: number | null;
  comment: string;
};

/**
 * The teacher's own mark (0 to 100, or none) and comment for one member on a motion. Only the
 * member graded (and the moderators) hear of it.
 */
export async function markGrade(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<GradeMarked>> {
  const parsed = MarkGrade.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { motionId, clientId, userId, mark, comment } = parsed.data;
  return store.transaction(async (tx) => {
    const found = await gradedMotion(tx, actor, motionId);
    if (!found.ok) return found;
    const motion = found.value;
    const key = { command: "grade:mark", target: `${motion.id}:${userId}`, clientId };
    return once(tx, actor, key, async () => {
      const member = await tx.memberships.get(motion.spaceId, userId);
      if (!member) return refuse("not_found", "That person is not a member of this space.");
      if (member.role === "owner" || member.role === "moderator") {
        return refuse(
          "conflict",
          "The gradebook grades participants and observers, not the space's owners and moderators.",
        );
      }
      const answer = { motionId: motion.id, userId, mark, comment };
      const [stored] = (await tx.grades.marks([motion.id])).filter((m) => m.userId === userId);
      if (stored && stored.mark === mark && stored.comment === comment) {
        return done({ seq: motion.lastSeq, ...answer });
      }
      const at = new Date();
      await tx.grades.putMark({ ...answer, markedBy: actor.id, markedAt: at });
      const event = await tx.events.append({
        motionId: motion.id,
        type: "grade.marked",
        data: { userId, mark, comment, onlyFor: userId },
        actorId: actor.id,
        at,
      });
      return done({ seq: event.seq, ...answer }, [outgoing(event, motion)]);
    });
  });
}
