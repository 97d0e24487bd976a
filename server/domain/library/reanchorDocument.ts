import type { AnchorColumns, CitationRow, Repos } from "../../../db/store";
import { selectorAt } from "../../../lib/anchoring";
import type { CitationView } from "../../../lib/debate";
import { squash } from "../../../lib/documents/blocks";
import { reanchor } from "../../../lib/reanchor";
import type { OutgoingEvent } from "../debate/audience";
import { outgoing } from "../events";
import { anchorTexts, passageView } from "./passageView";

type Passage = Omit<CitationRow, "argumentId" | "position">;

/**
 * Where a passage stands in a new version. It is looked for as the text read where it stood last
 * (so a passage moved twice, or one a moderator settled, is followed), and from its quote when
 * it was nowhere. A change nobody has reviewed stays to review however well it is found again,
 * and a place whose words are not the quote is never called exact. A detached one stays so.
 */
function anchorIn(
  passage: Passage,
  version: { id: string; text: string },
  texts: Map<string, string>,
): AnchorColumns | null {
  if (passage.anchorStatus === "detached") return null;
  const last = passage.anchorVersionId ? texts.get(passage.anchorVersionId) : undefined;
  const placed =
    last !== undefined && passage.anchorStart !== null && passage.anchorEnd !== null
      ? selectorAt(last, passage.anchorStart, passage.anchorEnd)
      : null;
  const found = reanchor(
    placed ?? {
      exact: passage.exact,
      prefix: passage.prefix,
      suffix: passage.suffix,
      start: passage.start,
      end: passage.end,
    },
    version.text,
  );
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
 * Re-anchors every motion source and citation of a document to its new version, and appends to
 * each motion concerned one event saying where its passages stand now.
 */
export async function reanchorDocument(
  tx: Repos,
  documentId: string,
  version: { id: string; text: string },
  actorId: string,
): Promise<OutgoingEvent[]> {
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
  for (const source of sources) {
    const anchor = anchorIn(source, version, texts);
    if (!anchor) continue;
    await tx.motions.setSourceAnchor(source.motionId, source.position, anchor);
    entry(source.motionId).sources.push({
      position: source.position,
      passage: passageView({ ...source, ...anchor }, new Map([[version.id, version.text]])),
    });
  }
  for (const citation of cited) {
    const anchor = anchorIn(citation, version, texts);
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
