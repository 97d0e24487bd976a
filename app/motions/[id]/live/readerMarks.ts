import { type CitedPassage, citedLabel } from "@/lib/debate";
import type { MotionView, PassageMark } from "@/lib/views";

/**
 * What the reader marks in the documents: the passages the motion is drawn from, where each
 * stands in the text shown now (one no longer there is not marked), and the passages the
 * debate cites, with how often on each side.
 */
export function readerMarks(
  sources: MotionView["sources"],
  cited: CitedPassage[],
): (PassageMark & { documentId: string })[] {
  return [
    ...sources.flatMap((source, position) =>
      source.anchor.start === null || source.anchor.end === null
        ? []
        : [
            {
              id: `source-${position}`,
              documentId: source.documentId,
              start: source.anchor.start,
              end: source.anchor.end,
              label:
                source.anchor.status === "fuzzy"
                  ? "A passage this motion is drawn from, changed in the new version"
                  : "A passage this motion is drawn from",
              href: "#",
            },
          ],
    ),
    ...cited.map((passage) => ({
      id: `cited-${passage.documentId}-${passage.start}-${passage.end}`,
      documentId: passage.documentId,
      start: passage.start,
      end: passage.end,
      label: citedLabel(passage),
      href: "#",
    })),
  ];
}
