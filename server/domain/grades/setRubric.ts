import type { Store } from "../../../db/store";
import { type Rubric, SetRubric } from "../../../lib/grades";
import type { Actor } from "../../policy";
import { outgoing } from "../events";
import { done, invalidInput, type Outcome, once } from "../outcome";
import { gradedMotion } from "./gradedMotion";
import { rubricOf } from "./rubricRows";

export type RubricSet = { seq: number; motionId: string; rubric: Rubric };

/**
 * Sets how a motion is graded: the weight of posting, evidence, engagement and the teacher's own
 * mark, and the count that earns each counted part in full. The event is for the moderators.
 */
export async function setRubric(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<RubricSet>> {
  const parsed = SetRubric.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { motionId, clientId, ...rubric } = parsed.data;
  return store.transaction(async (tx) => {
    const found = await gradedMotion(tx, actor, motionId);
    if (!found.ok) return found;
    const motion = found.value;
    return once(tx, actor, { command: "rubric:set", target: motion.id, clientId }, async () => {
      const [row] = await tx.grades.rubrics([motion.id]);
      // The default, for a motion that never had one set, counts as its rubric.
      if (sameRubric(rubricOf(row), rubric)) {
        return done({ seq: motion.lastSeq, motionId: motion.id, rubric });
      }
      const at = new Date();
      await tx.grades.putRubric({
        motionId: motion.id,
        ...rubric,
        changedBy: actor.id,
        changedAt: at,
      });
      const event = await tx.events.append({
        motionId: motion.id,
        type: "rubric.set",
        data: { rubric, onlyFor: actor.id },
        actorId: actor.id,
        at,
      });
      return done({ seq: event.seq, motionId: motion.id, rubric }, [outgoing(event, motion)]);
    });
  });
}

const sameRubric = (a: Rubric, b: Rubric) =>
  (Object.keys(a) as (keyof Rubric)[]).every((key) => a[key] === b[key]);
