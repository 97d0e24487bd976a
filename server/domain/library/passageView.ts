import type { CitationRow, Repos } from "../../../db/store";
import type { CitationView } from "../../../lib/debate";
import { squash } from "../../../lib/documents/blocks";
import { versionOf } from "./versions";

/**
 * A stored passage (a source or a citation) as readers get it: where made, and where it is. With
 * the texts of the versions it now points into, it also says what the text there reads when
 * that is not the quote.
 */
export function passageView(
  row: Omit<CitationRow, "argumentId" | "position">,
  texts: Map<string, string> = new Map(),
): CitationView {
  const current = row.anchorVersionId ? texts.get(row.anchorVersionId) : undefined;
  const there =
    current !== undefined && row.anchorStart !== null && row.anchorEnd !== null
      ? current.slice(row.anchorStart, row.anchorEnd)
      : undefined;
  const differs = there !== undefined && squash(there) !== squash(row.exact);
  return {
    documentId: row.documentId,
    versionId: row.versionId,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    anchor: {
      status: row.anchorStatus,
      confidence: row.anchorConfidence,
      versionId: row.anchorVersionId,
      start: row.anchorStart,
      end: row.anchorEnd,
      ...(differs ? { text: there } : {}),
    },
  };
}

/**
 * The texts of the later versions passages now point into: only those, as a passage still on
 * the version it was made on reads as quoted.
 */
export async function anchorTexts(
  repos: Repos,
  rows: Omit<CitationRow, "argumentId" | "position">[],
): Promise<Map<string, string>> {
  const ids = new Set(
    rows.flatMap((r) =>
      r.anchorVersionId && r.anchorVersionId !== r.versionId ? [r.anchorVersionId] : [],
    ),
  );
  const texts = new Map<string, string>();
  for (const id of ids) {
    const version = await versionOf(repos, id);
    if (version) texts.set(id, version.text);
  }
  return texts;
}
