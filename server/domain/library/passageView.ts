import type { CitationRow } from "../../../db/store";
import type { CitationView } from "../../../lib/debate";

/** A stored passage (a source or a citation) as readers get it: where made, and where it is. */
export function passageView(row: Omit<CitationRow, "argumentId" | "position">): CitationView {
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
    },
  };
}
