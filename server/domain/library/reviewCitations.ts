import type { AnchorColumns, Store } from "../../../db/store";
import { selectorForQuote } from "../../../lib/anchoring";
import { ReviewCitation } from "../../../lib/commands";
import type { AnchorState } from "../../../lib/debate";
import type { Actor } from "../../policy";
import { citedBy, placeIn } from "../debate/argumentPages";
import { moderate } from "../debate/moderate";
import { argumentViews } from "../debate/views";
import { done, type Outcome, refuse } from "../outcome";
import { spaceFor } from "../spaces/access";
import { citationsIn } from "./citationsIn";

/** A citation re-anchoring left for a moderator to settle, with what they need to decide. */
export interface CitationToReview {
  argumentId: string;
  position: number;
  motionId: string;
  motionTitle: string;
  body: string;
  author: { id: string; name: string };
  documentId: string;
  documentTitle: string;
  exact: string;
  status: AnchorState;
  confidence: number;
  /** What the current version says where the quote was found (fuzzy), else null. */
  found: string | null;
}

/** The space's citations whose passage moved and changed (fuzzy) or is gone (orphaned). */
export async function citationsToReview(
  store: Store,
  actor: Actor,
  spaceId: unknown,
): Promise<Outcome<CitationToReview[]>> {
  const place = await spaceFor(store, actor, spaceId, "citation.review");
  if (!place.ok) return place;
  const motions = new Map((await store.motions.list([place.value.space.id])).map((m) => [m.id, m]));
  const items: CitationToReview[] = [];
  for (const document of await store.documents.list([place.value.space.id])) {
    const current = document.currentVersionId
      ? await store.documents.version(document.currentVersionId)
      : undefined;
    for (const citation of await citationsIn(store, document.id)) {
      const motion = motions.get(citation.motionId);
      const unsettled = citation.anchorStatus === "fuzzy" || citation.anchorStatus === "orphaned";
      // Only arguments someone may still read are worth a moderator's time.
      const gone = ["withdrawn", "retracted", "rejected"].includes(citation.status);
      if (!motion || !unsettled || gone) continue;
      const argument = await store.arguments.get(citation.argumentId);
      if (!argument) continue;
      const { anchorStart: start, anchorEnd: end } = citation;
      items.push({
        argumentId: argument.id,
        position: citation.position,
        motionId: motion.id,
        motionTitle: motion.title,
        body: argument.body,
        author: { id: argument.authorId, name: argument.authorName },
        documentId: document.id,
        documentTitle: document.title,
        exact: citation.exact,
        status: citation.anchorStatus,
        confidence: citation.anchorConfidence,
        found: current && start !== null && end !== null ? current.text.slice(start, end) : null,
      });
    }
  }
  return done(items);
}

/**
 * Settles a citation re-anchoring could not: the moderator accepts the place found, points it at
 * another passage of the current version, or detaches it (its author and readers see which
 * quote went). The argument's citations, as they stand now, go to the room.
 */
export const reviewCitation = (store: Store, actor: Actor, input: unknown) =>
  moderate(store, actor, input, ReviewCitation, "citation.review", async (tx, cmd, _, argument) => {
    if (!argument) return refuse("not_found", "No such argument.");
    const citations = await tx.arguments.citations([argument.id]);
    const citation = citations.find((c) => c.position === cmd.position);
    if (!citation || citation.anchorStatus === "detached") {
      return refuse("not_found", "position: no such citation on this argument");
    }
    // Sound evidence is its author's: only what a new version unsettled is a moderator's to fix.
    if (citation.anchorStatus !== "fuzzy" && citation.anchorStatus !== "orphaned") {
      return refuse(
        "conflict",
        "That citation is where it was quoted: there is nothing to review.",
      );
    }
    if (!["published", "hidden", "pending"].includes(argument.status)) {
      return refuse("conflict", `That argument is ${argument.status}: there is nothing to review.`);
    }
    const document = await tx.documents.get(citation.documentId);
    const current = document?.currentVersionId
      ? await tx.documents.version(document.currentVersionId)
      : undefined;
    if (!current) return refuse("not_found", "The cited document is gone.");
    let anchor: AnchorColumns;
    if (cmd.action === "detach") {
      anchor = { ...citation, anchorStatus: "detached" };
    } else if (cmd.action === "accept") {
      if (citation.anchorStatus !== "fuzzy" || citation.anchorStart === null) {
        return refuse(
          "conflict",
          "Only a citation found near its old place can be accepted there.",
        );
      }
      anchor = { ...citation, anchorStatus: "moved", anchorConfidence: 1 };
    } else {
      const chosen = selectorForQuote(current.text, cmd.quote);
      if ("problem" in chosen) return refuse("invalid_citation", `quote: ${chosen.problem}`);
      anchor = {
        anchorStatus: "moved",
        anchorConfidence: 1,
        anchorVersionId: current.id,
        anchorStart: chosen.start,
        anchorEnd: chosen.end,
      };
    }
    // Where a public argument's passages stood, and its side: a page that neither holds nor
    // counts it apart moves it in its counts of cited passages (P-LIVE-4).
    const moved =
      argument.status === "published"
        ? { side: (await placeIn(tx, argument)).side, was: await citedBy(tx, argument) }
        : {};
    await tx.arguments.setCitationAnchor(argument.id, cmd.position, {
      anchorStatus: anchor.anchorStatus,
      anchorConfidence: anchor.anchorConfidence,
      anchorVersionId: anchor.anchorVersionId,
      anchorStart: anchor.anchorStart,
      anchorEnd: anchor.anchorEnd,
    });
    const [view] = await argumentViews(tx, [argument]);
    return {
      type: "citation.reviewed",
      data: {
        argumentId: argument.id,
        action: cmd.action,
        exact: citation.exact,
        citations: view?.citations ?? [],
        detached: view?.detached ?? [],
        ...moved,
        // What happens to an argument the room has not seen stays with its author.
        ...(argument.status === "published" ? {} : { onlyFor: argument.authorId }),
      },
    };
  });
