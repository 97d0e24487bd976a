import type { z } from "zod";
import { isUniqueViolation, type Repos, type Store } from "../../../db/store";
import { PostArgument } from "../../../lib/commands";
import type { ArgumentView } from "../../../lib/debate";
import type { EventBody } from "../../../lib/eventLog";
import { postRefusal } from "../../../lib/session";
import type { Actor } from "../../policy";
import { outgoing } from "../events";
import { newId } from "../ids";
import { anchoredInSpace, documentsOf } from "../library/anchors";
import { authorFollows, recipients, unnumbered } from "../notifications/notify";
import { done, invalidInput, keptAnswer, type Outcome, refuse } from "../outcome";
import { placeUnder } from "./argumentPages";
import { unlockedMotionFor } from "./guards";
import { argumentViews } from "./views";

export type Posted = { seq: number; argument: ArgumentView };

/** How many times a post starts again when what it checked changed before it held the lock. */
const ATTEMPTS = 3;

/** What a post answers when the motion kept changing under it: rolls back, then starts again. */
const changed = refuse("conflict", "The motion changed while the post was stored: send it again.");

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
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await store.transaction((tx) => post(tx, actor, parsed.data));
      if (outcome !== changed || attempt === ATTEMPTS) return outcome;
    } catch (error) {
      // The same post (one clientId) sent twice at once and stored by the other first: the next
      // attempt answers what that one stored.
      if (!isUniqueViolation(error) || attempt === ATTEMPTS) throw error;
    }
  }
}

/**
 * One attempt. Posts into one motion overlap: everything is checked before the motion's lock,
 * which is taken last, to number the event in commit order; under it, what may have changed
 * since (the motion's status, settings and phase, the parent, the cited documents' versions) is
 * read again, and if it did the attempt writes nothing and starts over.
 */
async function post(
  tx: Repos,
  actor: Actor,
  cmd: z.output<typeof PostArgument>,
): Promise<Outcome<Posted>> {
  const { motionId, clientId, parentId, relation, body, citations } = cmd;
  const key = { command: "argument.post", target: motionId, clientId };
  // Reads that do not depend on one another, side by side (on PostgreSQL, before the post
  // writes, each on a connection of its own).
  const [found, retried, documents, parent] = await Promise.all([
    unlockedMotionFor(tx, actor, motionId, "argument.post"),
    keptAnswer<Posted>(tx, actor, key),
    documentsOf(tx, citations),
    parentId ? tx.arguments.get(parentId) : undefined,
  ]);
  // The same post sent again after its answer was lost was stored: it answers so even if the
  // sender was muted or the motion closed since, as long as they may still read it (P-CMD-3).
  if ("answer" in retried) {
    return found.ok || found.error.code !== "not_found" ? done(retried.answer) : found;
  }
  if (!found.ok) return found;
  const { kept } = retried;
  const { motion, moderates: moderator, space } = found.value;
  if (parentId && !(parent?.motionId === motionId && parent.status === "published")) {
    return refuse("not_found", "parentId: no such argument on this motion");
  }
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
  // Checked against the current versions; placing the post checks they still are.
  const anchored = await anchoredInSpace(tx, motion.spaceId, citations, "citations", documents);
  if ("problem" in anchored) return refuse("invalid_citation", anchored.problem);
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
    // Numbered under the lock, where two newcomers cannot take the same number.
    pseudonym: 0,
    status: pending ? ("pending" as const) : ("published" as const),
    rejectionReason: null,
    createdAt: new Date(),
    editedAt: null,
    publishedSeq: null,
  };
  const cited = anchored.passages.map((passage, position) => ({
    argumentId: id,
    position,
    ...passage,
  }));
  const [view] = await argumentViews(tx, [row], { justStored: { citations: cited } });
  if (!view) throw new Error("no view of the argument being posted");
  const place = await placeUnder(tx, parent, row);
  const logged = (
    argument: ArgumentView,
  ): Extract<EventBody, { type: "argument.posted" | "argument.submitted" }> =>
    pending
      ? { type: "argument.submitted", data: { argument, onlyFor: actor.id, place } }
      : { type: "argument.posted", data: { argument, place } };
  const event = { motionId, ...logged(view), actorId: actor.id, at: row.createdAt };
  const notifications = unnumbered(
    await recipients(tx, motion, event, { stored: row, parent, space }),
  );

  // Under the motion's lock, if its rules and the parent are as checked, the argument is
  // stored with the motion's next seq, its number and the lock's time, as its event is, so
  // arguments sort as their events do. This ends the transaction: nothing is written after.
  const placed = await tx.events.appendPlaced(
    row,
    cited,
    {
      published: !pending,
      motionAsRead: motion,
      kept,
      follow: authorFollows(row, row.createdAt),
      notifications,
    },
    event,
  );
  if (!placed) return changed;
  const { seq, at } = placed;
  const argument = { ...view, pseudonym: placed.pseudonym, createdAt: at.toISOString() };
  const appended = { ...event, ...logged(argument), at, seq };
  return done({ seq, argument }, [outgoing(appended, motion, notifications.length)]);
}
