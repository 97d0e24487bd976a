import type { CitationRow, Repos, Store } from "../../../db/store";
import { mismatch } from "../../../lib/anchoring";
import { type Citation, PostArgument } from "../../../lib/commands";
import type { ArgumentView } from "../../../lib/debate";
import { postRefusal } from "../../../lib/session";
import type { Actor } from "../../policy";
import { outgoing } from "../events";
import { newId } from "../ids";
import { done, invalidInput, type Outcome, once, refuse } from "../outcome";
import { moderates, openMotionFor } from "./guards";
import { argumentViews } from "./views";

export type Posted = { seq: number; argument: ArgumentView };

/** Each citation checked against its document's current text, or what is wrong with one. */
async function anchorCitations(
  tx: Repos,
  spaceId: string,
  argumentId: string,
  citations: Citation[],
): Promise<{ problem: string } | { rows: CitationRow[] }> {
  const rows: CitationRow[] = [];
  for (const [position, citation] of citations.entries()) {
    const document = await tx.documents.get(citation.documentId);
    const version =
      document?.spaceId === spaceId && document.currentVersionId
        ? await tx.documents.version(document.currentVersionId)
        : undefined;
    if (!version) return { problem: `citations.${position}: no such document in this space` };
    const wrong = mismatch(version.text, citation);
    if (wrong) return { problem: `citations.${position}: ${wrong}` };
    const { documentId, exact, prefix, suffix, start, end } = citation;
    rows.push({
      argumentId,
      position,
      documentId,
      versionId: version.id,
      exact,
      prefix,
      suffix,
      start,
      end,
    });
  }
  return { rows };
}

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
      const anchored = await anchorCitations(tx, motion.spaceId, id, citations);
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
      };
      await tx.arguments.insert(row, anchored.rows);
      const [argument] = await argumentViews(tx, [row]);
      if (!argument) throw new Error("the argument just stored is not there");
      const event = await tx.events.append({
        motionId,
        type: pending ? "argument.submitted" : "argument.posted",
        data: pending ? { argument, onlyFor: actor.id } : { argument },
        actorId: actor.id,
        at,
      });
      return done({ seq: event.seq, argument }, [outgoing(event, motion)]);
    });
  });
}
