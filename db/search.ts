import type { ArgumentRelation } from "../lib/debate";

/**
 * What one search may find. The domain works out what the reader may read (the spaces, and in
 * which of them drafts); the query keeps to it in SQL, before its LIMIT, so a page of results is
 * never cut short by rows filtered out later and never shows what the reader may not read.
 */
export interface SearchScope {
  /** Letters and digits only (lib/search.ts searchWords); at least one. */
  words: string[];
  /** Whether the last word matches as a prefix. */
  prefix: boolean;
  /** Who searches: their own arguments keep their names in anonymous motions. */
  viewerId: string;
  readableSpaceIds: string[];
  /** Where the reader moderates: drafts' arguments, and authors in anonymous motions. */
  moderatedSpaceIds: string[];
  type?: "argument" | "passage";
  spaceId?: string;
  motionId?: string;
  /** Only where the author is known to the reader: never in others' anonymous motions. */
  authorId?: string;
  side?: "for" | "against";
  hasCitations?: boolean;
  limit: number;
}

/** A found text; its snippet marks matched words with SNIPPET_START and SNIPPET_END. */
export type SearchHit = { score: number; snippet: string } & (
  | {
      type: "argument";
      id: string;
      motionId: string;
      motionTitle: string;
      spaceId: string;
      relation: ArgumentRelation;
      side: "for" | "against" | null;
      authorId: string;
      authorName: string;
      pseudonym: number;
      anonymous: boolean;
      hasCitations: boolean;
      createdAt: Date;
    }
  | {
      type: "passage";
      documentId: string;
      documentTitle: string;
      spaceId: string;
      versionId: string;
      position: number;
      start: number;
      end: number;
    }
);

/** Filters only an argument has: with any of them, no passage qualifies. */
export const onlyArguments = (scope: SearchScope) =>
  scope.type === "argument" ||
  scope.motionId !== undefined ||
  scope.authorId !== undefined ||
  scope.side !== undefined ||
  scope.hasCitations !== undefined;

/**
 * The best `limit` of both kinds together (higher score first). Each kind's query already gave
 * its best `limit`, so the merged first `limit` are the best overall.
 */
export function bestOf(hits: SearchHit[], limit: number): SearchHit[] {
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
