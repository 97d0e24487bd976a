import type { CitationRow, DocumentRow, Repos } from "../../../db/store";
import { mismatch, type QuoteSelector } from "../../../lib/anchoring";
import { versionOf } from "./versions";

/** The columns a passage is stored with: where it was made, and (the same, at first) where it is. */
export type PassageColumns = Omit<CitationRow, "argumentId" | "position">;

/**
 * Passages checked against the current text of their documents in one space (a motion's
 * sources, an argument's citations), or what is wrong with the first bad one (`label.N`).
 */
export async function passagesInSpace(
  tx: Repos,
  spaceId: string,
  passages: (QuoteSelector & { documentId: string })[],
  label: string,
): Promise<{ problem: string } | { passages: PassageColumns[] }> {
  // One order for every command, so two never wait on each other's documents.
  for (const id of documentIdsOf(passages)) await tx.documents.lock(id);
  return anchoredInSpace(tx, spaceId, passages, label);
}

/**
 * The same check, for a caller that has read the documents already (`documentsOf`), or else
 * holds them (`passagesInSpace`): then each is read.
 */
export async function anchoredInSpace(
  tx: Repos,
  spaceId: string,
  passages: (QuoteSelector & { documentId: string })[],
  label: string,
  documents?: Map<string, DocumentRow>,
): Promise<{ problem: string } | { passages: PassageColumns[] }> {
  const checked: PassageColumns[] = [];
  for (const [index, passage] of passages.entries()) {
    const document = documents
      ? documents.get(passage.documentId)
      : await tx.documents.get(passage.documentId);
    const version =
      document?.spaceId === spaceId && document.currentVersionId
        ? await versionOf(tx, document.currentVersionId)
        : undefined;
    if (!version) return { problem: `${label}.${index}: no such document in this space` };
    const wrong = mismatch(version.text, passage);
    if (wrong) return { problem: `${label}.${index}: ${wrong}` };
    const { documentId, exact, prefix, suffix, start, end } = passage;
    checked.push({
      documentId,
      versionId: version.id,
      exact,
      prefix,
      suffix,
      start,
      end,
      anchorStatus: "exact",
      anchorConfidence: 1,
      anchorVersionId: version.id,
      anchorStart: start,
      anchorEnd: end,
    });
  }
  return { passages: checked };
}

/** The documents the passages cite, by id, in one read. */
export async function documentsOf(
  tx: Repos,
  passages: { documentId: string }[],
): Promise<Map<string, DocumentRow>> {
  const documents = await tx.documents.byIds(documentIdsOf(passages));
  return new Map(documents.map((document) => [document.id, document]));
}

const documentIdsOf = (passages: { documentId: string }[]) =>
  [...new Set(passages.map((p) => p.documentId))].sort();
