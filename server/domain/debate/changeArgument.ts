import type { ArgumentRow, Store } from "../../../db/store";
import { EditArgument, WithdrawArgument } from "../../../lib/commands";
import { postRefusal } from "../../../lib/session";
import { type Actor, authorizeOnArgument } from "../../policy";
import { outgoing } from "../events";
import { notify } from "../notifications/notify";
import { done, invalidInput, type Outcome, once, refuse } from "../outcome";
import { citedBy, withdrawnStanding } from "./argumentPages";
import { argumentFor, moderates } from "./guards";
import { latestOnWithdrawal } from "./latestAbove";

/** What happens to an argument nobody else may see yet is for its author and the moderators. */
const privateWhilePending = (argument: ArgumentRow) =>
  argument.status === "pending" || argument.status === "rejected"
    ? { onlyFor: argument.authorId }
    : {};

/** The author rewrites an argument; the earlier wording is kept in its history. */
export async function editArgument(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<{ seq: number; argumentId: string; body: string; editedAt: string | null }>> {
  const parsed = EditArgument.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { argumentId, clientId, body } = parsed.data;
  return store.transaction(async (tx) => {
    const found = await argumentFor(tx, actor, argumentId, "argument.edit");
    if (!found.ok) return found;
    const { argument, motion } = found.value;
    const denied = authorizeOnArgument(actor, "argument.edit", argument);
    if (denied) return refuse(denied.code, denied.message);
    if (argument.status === "withdrawn" || argument.status === "retracted") {
      return refuse("conflict", "That argument was withdrawn.");
    }
    if (argument.status === "hidden" || argument.status === "rejected") {
      return refuse(
        "conflict",
        `A moderator ${argument.status === "hidden" ? "hid" : "rejected"} that argument; it cannot be edited.`,
      );
    }
    return once(tx, actor, { command: "argument.edit", target: argumentId, clientId }, async () => {
      // A speaker's statement is rewritten only while the phase would take it anew.
      const outOfPhase = postRefusal(motion.settings, motion.session, {
        authorId: actor.id,
        relation: argument.relation,
        moderates: await moderates(tx, actor, motion),
      });
      if (outOfPhase) return refuse("wrong_phase", outOfPhase);
      // The same words again are no edit: no revision, no event (P-NOOP-1).
      if (body === argument.body) {
        const editedAt = argument.editedAt?.toISOString() ?? null;
        return done({ seq: motion.lastSeq, argumentId, body, editedAt });
      }
      const at = new Date();
      const earlier = await tx.arguments.revisions(argumentId);
      await tx.arguments.addRevision({
        argumentId,
        revision: earlier.length + 1,
        body: argument.body,
        replacedAt: at,
      });
      await tx.arguments.update(argumentId, { body, editedAt: at });
      const data = {
        argumentId,
        body,
        editedAt: at.toISOString(),
        ...privateWhilePending(argument),
      };
      const event = await tx.events.append({
        motionId: argument.motionId,
        type: "argument.edited",
        data,
        actorId: actor.id,
        at,
      });
      await notify(tx, motion, event);
      return done({ seq: event.seq, ...data }, [outgoing(event, motion)]);
    });
  });
}

/** The author withdraws an argument; with replies it stays as a placeholder in the tree. */
export async function withdrawArgument(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<{ seq: number; argumentId: string }>> {
  const parsed = WithdrawArgument.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { argumentId, clientId } = parsed.data;
  return store.transaction(async (tx) => {
    const found = await argumentFor(tx, actor, argumentId, "argument.edit");
    if (!found.ok) return found;
    const { argument, motion } = found.value;
    const denied = authorizeOnArgument(actor, "argument.edit", argument);
    if (denied) return refuse(denied.code, denied.message);
    return once(
      tx,
      actor,
      { command: "argument.withdraw", target: argumentId, clientId },
      async () => {
        if (argument.status === "withdrawn" || argument.status === "retracted") {
          return refuse("conflict", "That argument was withdrawn.");
        }
        // A moderator's hiding stands: withdrawing would undo it.
        if (argument.status === "hidden") {
          return refuse("conflict", "A moderator hid that argument; it cannot be withdrawn.");
        }
        const at = new Date();
        const unseen = argument.status === "pending" || argument.status === "rejected";
        await tx.arguments.update(argumentId, { status: unseen ? "retracted" : "withdrawn" });
        // Its words are gone: the screens show nothing in its place, as for one hidden.
        if (motion.spotlightId === argumentId)
          await tx.motions.update(motion.id, { spotlightId: null });
        const standing = unseen ? undefined : await withdrawnStanding(tx, argument);
        const event = await tx.events.append({
          motionId: argument.motionId,
          type: "argument.withdrawn",
          // One that was public leaves the threads of pages that do not hold it as it leaves
          // theirs that do, and their "Latest activity" as it leaves it.
          data: {
            argumentId,
            ...privateWhilePending(argument),
            ...(standing && {
              ...standing,
              cited: await citedBy(tx, argument),
              ...(await latestOnWithdrawal(tx, argument.motionId, standing.place)),
            }),
          },
          actorId: actor.id,
          at,
        });
        return done({ seq: event.seq, argumentId }, [outgoing(event, motion)]);
      },
    );
  });
}
