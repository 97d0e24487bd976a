import type { AnchorColumns, CitationRow, Repos } from "../../../db/store";
import { type QuoteSelector, selectorAt } from "../../../lib/anchoring";
import type { CitationView } from "../../../lib/debate";
import { squash } from "../../../lib/documents/blocks";
import type { Anchor } from "../../../lib/reanchor";
import type { Failure } from "../../../lib/result";
import { workPool } from "../../work/shared";
import type { OutgoingEvent } from "../debate/audience";
import { outgoing } from "../events";
import { anchorTexts, passageView } from "./passageView";

type Passage = Omit<CitationRow, "argumentId" | "position">;

/**
 * What a passage is looked for as in a new version: the text read where it stood last (so a
 * passage moved twice, or one a moderator settled, is followed), or its quote when it was
 * nowhere. A detached one is not looked for: it stays so.
 */
function wanted(passage: Passage, texts: Map<string, string>): QuoteSelector | null {
  if (passage.anchorStatus === "detached") return null;
  const last = passage.anchorVersionId ? texts.get(passage.anchorVersionId) : undefined;
  const placed =
    last !== undefined && passage.anchorStart !== null && passage.anchorEnd !== null
      ? selectorAt(last, passage.anchorStart, passage.anchorEnd)
      : null;
  const { exact, prefix, suffix, start, end } = passage;
  return placed ?? { exact, prefix, suffix, start, end };
}

/**
 * Where a passage stands in a new version, from where it was found. A change nobody has
 * reviewed stays to review however well it is found again, and a place whose words are not the
 * quote is never called exact.
 */
function anchorOf(
  passage: Passage,
  found: Anchor,
  version: { id: string; text: string },
): AnchorColumns {
  let { status, confidence } = found;
  const settled = status === "exact" || status === "moved";
  if (settled && passage.anchorStatus === "fuzzy") {
    status = "fuzzy";
    confidence = passage.anchorConfidence;
  } else if (status === "exact" && found.start !== null && found.end !== null) {
    const words = version.text.slice(found.start, found.end);
    if (squash(words) !== squash(passage.exact)) status = "moved";
  }
  return {
    anchorStatus: status,
    anchorConfidence: confidence,
    anchorVersionId: found.start === null ? null : version.id,
    anchorStart: found.start,
    anchorEnd: found.end,
  };
}

/**
 * Every passage's new place, found on a worker thread (a document of millions of characters
 * with many passages is work enough to stall the event loop); null for a detached one, or the
 * refusal when the search ran past the work budget.
 */
async function anchorsIn(
  passages: Passage[],
  version: { id: string; text: string },
  texts: Map<string, string>,
): Promise<(AnchorColumns | null)[] | Failure> {
  const selectors = passages.map((passage) => wanted(passage, texts));
  const sought = selectors.filter((selector) => selector !== null);
  const found = await workPool().run("reanchor", { selectors: sought, text: version.text });
  if ("ok" in found) return found;
  let next = 0;
  return passages.map((passage, i) => {
    if (selectors[i] === null) return null;
    return anchorOf(passage, found[next++] as Anchor, version);
  });
}

/**
 * Re-anchors every motion source and citation of a document to its new version, and appends to
 * each motion concerned one event saying where its passages stand now; or refuses too_complex
 * (and the caller's transaction stores nothing) when finding them takes past the work budget.
 */
export async function reanchorDocument(
  tx: Repos,
  documentId: string,
  version: { id: string; text: string },
  actorId: string,
): Promise<OutgoingEvent[] | Failure> {
  type Changes = {
    sources: { position: number; passage: CitationView }[];
    arguments: Map<string, true>;
    /** Pending posts' arguments, by author: each hears of their own alone. */
    pending: Map<string, Set<string>>;
  };
  const byMotion = new Map<string, Changes>();
  const entry = (motionId: string) => {
    const found: Changes = byMotion.get(motionId) ?? {
      sources: [],
      arguments: new Map(),
      pending: new Map(),
    };
    byMotion.set(motionId, found);
    return found;
  };
  const sources = await tx.motions.sourcesInDocument(documentId);
  const cited = await tx.arguments.citationsInDocument(documentId);
  const texts = await anchorTexts(tx, [...sources, ...cited]);
  const anchors = await anchorsIn([...sources, ...cited], version, texts);
  if ("ok" in anchors) return anchors;
  for (const [i, source] of sources.entries()) {
    const anchor = anchors[i];
    if (!anchor) continue;
    await tx.motions.setSourceAnchor(source.motionId, source.position, anchor);
    entry(source.motionId).sources.push({
      position: source.position,
      passage: passageView({ ...source, ...anchor }, new Map([[version.id, version.text]])),
    });
  }
  for (const [i, citation] of cited.entries()) {
    const anchor = anchors[sources.length + i];
    if (!anchor) continue;
    await tx.arguments.setCitationAnchor(citation.argumentId, citation.position, anchor);
    // The room hears about published arguments only: the others' words are not theirs to see.
    if (citation.status === "published") {
      entry(citation.motionId).arguments.set(citation.argumentId, true);
    } else if (citation.status === "pending") {
      const authorId = (await tx.arguments.get(citation.argumentId))?.authorId;
      const pending = entry(citation.motionId).pending;
      if (authorId)
        pending.set(authorId, (pending.get(authorId) ?? new Set()).add(citation.argumentId));
    }
  }
  const view = (c: CitationRow) => passageView(c, new Map([[version.id, version.text]]));
  const withCitations = async (argumentIds: string[]) => {
    const citations = await tx.arguments.citations(argumentIds);
    return argumentIds.map((argumentId) => ({
      argumentId,
      citations: citations
        .filter((c) => c.argumentId === argumentId && c.anchorStatus !== "detached")
        .map(view),
    }));
  };
  const events: OutgoingEvent[] = [];
  for (const [motionId, changed] of byMotion) {
    const motion = await tx.motions.get(motionId);
    if (!motion) continue;
    const data = { documentId, versionId: version.id };
    const append = async (extra: Record<string, unknown>) => {
      const row = await tx.events.append({
        motionId,
        type: "evidence.reanchored",
        data: { ...data, ...extra },
        actorId,
        at: new Date(),
      });
      events.push(outgoing(row, motion));
    };
    await append({
      sources: changed.sources,
      arguments: await withCitations([...changed.arguments.keys()]),
    });
    for (const [authorId, argumentIds] of changed.pending) {
      await append({
        sources: [],
        arguments: await withCitations([...argumentIds]),
        onlyFor: authorId,
      });
    }
  }
  return events;
}
