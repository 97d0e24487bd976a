import type { Store } from "../../../db/store";
import { PostArgument } from "../../../lib/commands";
import type { ArgumentView } from "../../../lib/debate";
import type { EventBody } from "../../../lib/eventLog";
import { postRefusal } from "../../../lib/session";
import type { Actor } from "../../policy";
import { outgoing } from "../events";
import { newId } from "../ids";
import { passagesInSpace } from "../library/anchors";
import { notify } from "../notifications/notify";
import { done, invalidInput, type Outcome, once, refuse } from "../outcome";
import { moderates, openMotionFor } from "./guards";
import { argumentViews } from "./views";

export type Posted = { seq: number; argument: ArgumentView };

/**
 * Posts an argument on a motion ("for" or "against") or a reply to one of its arguments
 * ("supports" or "attacks"), with the passages it cites, as the motion's phase and settings
 * allow: with approval on, a participant's post is pending until a moderator approves it.
 */
export async function postArgument(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<Posted>> {
  const parsed = PostArgument.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { motionId, clientId, parentId, relation, body, citations } = parsed.data;
  return store.transaction(async (tx) => {
    const found = await openMotionFor(tx, actor, motionId, "argument.post");
    if (!found.ok) return found;
    const motion = found.value;
    return once(tx, actor, { command: "argument.post", target: motionId, clientId }, async () => {
      if (parentId) {
        const parent = await tx.arguments.get(parentId);
        if (parent?.motionId !== motionId || parent.status !== "published") {
          return refuse("not_found", "parentId: no such argument on this motion");
        }
      }
      const moderator = await moderates(tx, actor, motion);
      const outOfPhase = postRefusal(motion.settings, motion.session, {
        authorId: actor.id,
        relation,
        moderates: moderator,
      });
      if (outOfPhase) return refuse("wrong_phase", outOfPhase);
      if (motion.settings.evidenceRequired && citations.length === 0) {
        return refuse(
          "invalid_citation",
          "citations: this motion asks every argument to cite at least one passage",
        );
      }
      const id = newId();
      const anchored = await passagesInSpace(tx, motion.spaceId, citations, "citations");
      if ("problem" in anchored) return refuse("invalid_citation", anchored.problem);
      const at = new Date();
      // With approval on, a participant's post waits for a moderator, seen by its author alone.
      const pending = motion.settings.approvalRequired && !moderator;
      const row = {
        id,
        motionId,
        parentId,
        relation,
        body,
        authorId: actor.id,
        authorName: actor.name,
        pseudonym: await tx.motions.pseudonymFor(motionId, actor.id),
        status: pending ? ("pending" as const) : ("published" as const),
        rejectionReason: null,
        createdAt: at,
        editedAt: null,
        publishedSeq: null,
      };
      await tx.arguments.insert(
        row,
        anchored.passages.map((passage, position) => ({ argumentId: id, position, ...passage })),
      );
      const [argument] = await argumentViews(tx, [row]);
      if (!argument) throw new Error("the argument just stored is not there");
      const logged: EventBody = pending
        ? { type: "argument.submitted", data: { argument, onlyFor: actor.id } }
        : { type: "argument.posted", data: { argument } };
      const event = await tx.events.append({ motionId, ...logged, actorId: actor.id, at });
      if (!pending) await tx.arguments.update(id, { publishedSeq: event.seq });
      await notify(tx, motion, event);
      return done({ seq: event.seq, argument }, [outgoing(event, motion)]);
    });
  });
}
