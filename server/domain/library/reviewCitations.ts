import { z } from "zod";
import type { AnchorColumns, Store, UnsettledCitation, UnsettledState } from "../../../db/store";
import { selectorForQuote } from "../../../lib/anchoring";
import { ReviewCitation } from "../../../lib/commands";
import { readCursor, writeCursor } from "../../../lib/cursor";
import { type ReviewQueuePage, ReviewQueueQuery } from "../../../lib/reviewQueue";
import type { Actor } from "../../policy";
import { citedBy, placeIn } from "../debate/argumentPages";
import { moderate } from "../debate/moderate";
import { argumentViews } from "../debate/views";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { spaceFor } from "../spaces/access";

/** The order of the queue: by document (by id), fuzzy before orphaned, then by argument. */
const STATES: readonly UnsettledState[] = ["fuzzy", "orphaned"];

/** Where a page of the queue ends: the last listed citation's document, state and place. */
type QueueKey = { documentId: string; state: UnsettledState; argumentId: string; position: number };

/**
 * A page of the space's citations whose passage moved and changed (fuzzy) or is gone (orphaned),
 * on arguments someone may still read: only those are worth a moderator's time.
 */
export async function citationsToReview(
  store: Store,
  actor: Actor,
  spaceId: unknown,
  query: unknown = {},
): Promise<Outcome<ReviewQueuePage>> {
  const parsed = ReviewQueueQuery.safeParse(query);
  if (!parsed.success) return invalidInput(parsed.error);
  const { cursor, limit } = parsed.data;
  const after = cursor === undefined ? null : readQueueCursor(cursor);
  if (after === undefined) return refuse("invalid_input", "cursor is not one this list gave");
  const place = await spaceFor(store, actor, spaceId, "citation.review");
  if (!place.ok) return place;
  const { id } = place.value.space;
  const [total, documents] = await Promise.all([
    store.arguments.countUnsettledCitations(id),
    store.documents.list([id]),
  ]);
  const byId = [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // One more than the page: whether there is a next one.
  const rows = await queueFrom(store, id, byId, after, limit + 1);
  const page = rows.slice(0, limit);
  const titles = new Map(documents.map((document) => [document.id, document.title]));
  const texts = await currentTexts(store, new Set(page.map((row) => row.documentId)));
  const last = page.at(-1);
  return done({
    total,
    items: page.map((row) => {
      const { anchorStart: start, anchorEnd: end } = row;
      const text = texts.get(row.documentId);
      return {
        argumentId: row.argumentId,
        position: row.position,
        motionId: row.motionId,
        motionTitle: row.motionTitle,
        body: row.body,
        author: { id: row.authorId, name: row.authorName },
        documentId: row.documentId,
        documentTitle: titles.get(row.documentId) ?? "",
        exact: row.exact,
        status: row.anchorStatus,
        confidence: row.anchorConfidence,
        found: text !== undefined && start !== null && end !== null ? text.slice(start, end) : null,
      };
    }),
    nextCursor: rows.length > limit && last ? cursorAfter(last) : null,
  });
}

/** Up to `wanted` of the queue after `after`: each document's in each state, in the queue's order. */
async function queueFrom(
  store: Store,
  spaceId: string,
  documents: { id: string }[],
  after: QueueKey | null,
  wanted: number,
) {
  const rows: UnsettledCitation[] = [];
  for (const { id: documentId } of documents) {
    if (after && documentId < after.documentId) continue;
    for (const state of STATES) {
      const resumes = after?.documentId === documentId;
      if (resumes && STATES.indexOf(state) < STATES.indexOf(after.state)) continue;
      rows.push(
        ...(await store.arguments.unsettledCitations(
          { spaceId, documentId, state },
          { after: resumes && after.state === state ? after : null, limit: wanted - rows.length },
        )),
      );
      if (rows.length >= wanted) return rows;
    }
  }
  return rows;
}

/** The text of each document's current version, by document. */
async function currentTexts(store: Store, documentIds: Set<string>) {
  const texts = new Map<string, string>();
  for (const documentId of documentIds) {
    const document = await store.documents.get(documentId);
    const current = document?.currentVersionId
      ? await store.documents.version(document.currentVersionId)
      : undefined;
    if (current) texts.set(documentId, current.text);
  }
  return texts;
}

/** A cursor is the last listed citation's key, base64url of JSON: opaque to clients. */
const Cursor = z.tuple([
  z.string(),
  z.enum(["fuzzy", "orphaned"]),
  z.string(),
  z.number().int().nonnegative(),
]);

const cursorAfter = (last: UnsettledCitation) =>
  writeCursor([last.documentId, last.anchorStatus, last.argumentId, last.position]);

/** The key a cursor resumes after; undefined for one the queue never gave. */
function readQueueCursor(cursor: string): QueueKey | undefined {
  const key = readCursor(cursor, Cursor);
  if (!key) return undefined;
  const [documentId, state, argumentId, position] = key;
  return { documentId, state, argumentId, position };
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
