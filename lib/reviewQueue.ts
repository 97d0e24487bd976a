import { z } from "zod";
import type { AnchorState } from "./debate";
import { PageLimit } from "./pageLimit";

/**
 * The citations a new version of a document left for a space's moderators to settle (GET
 * /api/spaces/:id/citations), read a page at a time: a heavily cited document's new version can
 * unsettle thousands.
 */

export const ReviewQueueQuery = z.object({
  cursor: z.string().max(1000, "cursor is not one this list gave").optional(),
  limit: PageLimit,
});

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

export interface ReviewQueuePage {
  /** How many are left to review in all. */
  total: number;
  items: CitationToReview[];
  /** Where the next page starts, opaque; null on the last page. */
  nextCursor: string | null;
}

/** The key of a queue's item, the same on every page that lists it. */
export const reviewKey = (item: Pick<CitationToReview, "argumentId" | "position">) =>
  `${item.argumentId}-${item.position}`;
