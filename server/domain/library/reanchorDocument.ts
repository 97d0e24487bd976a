import type { AnchorColumns, CitationRow, Repos } from "../../../db/store";
import type { CitationView } from "../../../lib/debate";
import { reanchor } from "../../../lib/reanchor";
import type { OutgoingEvent } from "../debate/audience";
import { outgoing } from "../events";
import { passageView } from "./passageView";

type Passage = Omit<CitationRow, "argumentId" | "position">;

/**
 * Where a passage stands in a new version. It is looked for from where it stood last (its
 * anchor), so a passage moved twice is followed; a detached one stays detached.
 */
function anchorIn(passage: Passage, version: { id: string; text: string }): AnchorColumns | null {
  if (passage.anchorStatus === "detached") return null;
  const found = reanchor(
    {
      exact: passage.exact,
      prefix: passage.prefix,
      suffix: passage.suffix,
      start: passage.anchorStart ?? passage.start,
      end: passage.anchorEnd ?? passage.end,
    },
    version.text,
  );
  return {
    anchorStatus: found.status,
    anchorConfidence: found.confidence,
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
  };
  const byMotion = new Map<string, Changes>();
  const entry = (motionId: string) => {
    const found: Changes = byMotion.get(motionId) ?? { sources: [], arguments: new Map() };
    byMotion.set(motionId, found);
    return found;
  };
  for (const source of await tx.motions.sourcesInDocument(documentId)) {
    const anchor = anchorIn(source, version);
    if (!anchor) continue;
    await tx.motions.setSourceAnchor(source.motionId, source.position, anchor);
    entry(source.motionId).sources.push({
      position: source.position,
      passage: passageView({ ...source, ...anchor }),
    });
  }
  for (const citation of await tx.arguments.citationsInDocument(documentId)) {
    const anchor = anchorIn(citation, version);
    if (!anchor) continue;
    await tx.arguments.setCitationAnchor(citation.argumentId, citation.position, anchor);
    // The room hears about published arguments only: the others' words are not theirs to see.
    if (citation.status === "published")
      entry(citation.motionId).arguments.set(citation.argumentId, true);
  }
  const events: OutgoingEvent[] = [];
  for (const [motionId, changed] of byMotion) {
    const motion = await tx.motions.get(motionId);
    if (!motion) continue;
    const argumentIds = [...changed.arguments.keys()];
    const citations = await tx.arguments.citations(argumentIds);
    const row = await tx.events.append({
      motionId,
      type: "evidence.reanchored",
      data: {
        documentId,
        versionId: version.id,
        sources: changed.sources,
        arguments: argumentIds.map((argumentId) => ({
          argumentId,
          citations: citations
            .filter((c) => c.argumentId === argumentId && c.anchorStatus !== "detached")
            .map(passageView),
        })),
      },
      actorId,
      at: new Date(),
    });
    events.push(outgoing(row, motion));
  }
  return events;
}
