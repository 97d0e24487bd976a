import type { ArgumentRelation } from "../lib/debate";
import type { SearchCursor } from "../lib/search";

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
  /** With authorId: only the arguments shown under this name (an import's, all its importer's). */
  authorName?: string;
  side?: "for" | "against";
  hasCitations?: boolean;
  limit: number;
  /** Only the hits that come after this one, in the order of bestOf. */
  after?: SearchCursor;
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
  scope.authorName !== undefined ||
  scope.side !== undefined ||
  scope.hasCitations !== undefined;

/**
 * The best `limit` of both kinds together: higher score first; at one score, arguments before
 * passages, each kind in its query's order (arguments by id; passages by document, then block),
 * which a stable sort keeps. Each kind's query already gave its best `limit` after the cursor,
 * so the merged first `limit` are the best overall.
 */
export function bestOf(hits: SearchHit[], limit: number): SearchHit[] {
  const kind = (hit: SearchHit) => (hit.type === "argument" ? 0 : 1);
  return hits.sort((a, b) => b.score - a.score || kind(a) - kind(b)).slice(0, limit);
}

/**
 * The cursor as both dialects' queries take it, a parameter each. After a hit of score `score`
 * come the hits of lower scores and, at that score: after an argument, the arguments of higher
 * ids (`argumentId`) and every passage (`passagesAtScore`); after a passage, only the passages
 * after it (`documentId`, `position`), for arguments come first.
 */
export function cursorColumns(after: SearchCursor | undefined) {
  return {
    score: after?.score ?? null,
    argumentId: after?.type === "argument" ? after.id : null,
    passagesAtScore: after?.type === "argument",
    documentId: after?.type === "passage" ? after.documentId : null,
    position: after?.type === "passage" ? after.position : null,
  };
}

/** A found argument's columns as both dialects' queries name them; flags and times vary in type. */
export interface ArgumentHitRow {
  id: string;
  motion_id: string;
  motion_title: string;
  space_id: string;
  relation: ArgumentRelation;
  side: "for" | "against" | null;
  author_id: string;
  author_name: string;
  pseudonym: number;
  anonymous: boolean | number;
  cited: boolean | number;
  created_at: Date | number;
  snippet: string | null;
}

/** A found passage's columns as both dialects' queries name them. */
export interface PassageHitRow {
  document_id: string;
  document_title: string;
  space_id: string;
  version_id: string;
  position: number;
  start: number;
  end: number;
  snippet: string | null;
}

export const argumentHit = (row: ArgumentHitRow, score: number): SearchHit => ({
  type: "argument",
  score,
  snippet: row.snippet ?? "",
  id: row.id,
  motionId: row.motion_id,
  motionTitle: row.motion_title,
  spaceId: row.space_id,
  relation: row.relation,
  side: row.side,
  authorId: row.author_id,
  authorName: row.author_name,
  pseudonym: row.pseudonym,
  anonymous: Boolean(row.anonymous),
  hasCitations: Boolean(row.cited),
  createdAt: new Date(row.created_at),
});

export const passageHit = (row: PassageHitRow, score: number): SearchHit => ({
  type: "passage",
  score,
  snippet: row.snippet ?? "",
  documentId: row.document_id,
  documentTitle: row.document_title,
  spaceId: row.space_id,
  versionId: row.version_id,
  position: row.position,
  start: row.start,
  end: row.end,
});
