import { z } from "zod";
import type { Store } from "../../../db/store";
import { QuoteSelector } from "../../../lib/anchoring";
import { defaultMotionSettings, MotionSettings, MotionStatus } from "../../../lib/debate";
import { initialSession } from "../../../lib/session";
import { text, visible } from "../../../lib/text";
import { type Actor, authorize } from "../../policy";
import { toMotionEvent } from "../events";
import { Id, newId, OptionalClientId } from "../ids";
import { passagesInSpace } from "../library/anchors";
import { notify } from "../notifications/notify";
import { done, invalidInput, type Outcome, once, refuse } from "../outcome";
import { placeOf } from "../spaces/access";

export const MotionSourceInput = QuoteSelector.safeExtend({ documentId: Id });

export const CreateMotionInput = z.object({
  clientId: OptionalClientId,
  spaceId: Id,
  title: visible(text().trim().min(3, "title is too short").max(200), "A title"),
  description: visible(text().trim().max(2000), "A description").default(""),
  status: MotionStatus.default("open"),
  settings: MotionSettings.partial()
    .default({})
    .transform((chosen) => ({ ...defaultMotionSettings, ...chosen })),
  sources: z.array(MotionSourceInput).max(20).default([]),
});

/** Creates a motion with the passages it is drawn from; its log starts with motion.created. */
export async function createMotion(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<{ motionId: string }>> {
  const cmd = CreateMotionInput.safeParse(input);
  if (!cmd.success) return invalidInput(cmd.error);
  const { clientId, spaceId, sources, ...motion } = cmd.data;
  // People open a motion or draft one (from passages); closing and archiving come later, by its
  // own commands. The demo loader may say any status.
  if (actor.kind !== "system" && motion.status !== "open" && motion.status !== "draft") {
    return refuse("invalid_input", 'status: a new motion is "open" or "draft"');
  }
  return store.transaction(async (tx) => {
    const denied = authorize(actor, "motion.create", await placeOf(tx, actor, spaceId));
    if (denied) return refuse(denied.code, denied.message);
    return once(tx, actor, { command: "motion.create", target: spaceId, clientId }, async () => {
      const checked = await passagesInSpace(tx, spaceId, sources, "sources");
      if ("problem" in checked) return refuse("invalid_citation", checked.problem);
      const id = newId();
      const at = new Date();
      await tx.motions.insert(
        {
          id,
          spaceId,
          ...motion,
          pinned: [],
          spotlightId: null,
          session: initialSession,
          lastSeq: 0,
          createdAt: at,
        },
        checked.passages.map((source, position) => ({ motionId: id, position, ...source })),
      );
      const event = await tx.events.append({
        motionId: id,
        type: "motion.created",
        data: { title: motion.title, status: motion.status },
        actorId: actor.id,
        at,
      });
      await notify(tx, { id, spaceId }, event);
      return done({ motionId: id }, [toMotionEvent(event)]);
    });
  });
}
