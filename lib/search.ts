import { z } from "zod";
import { readCursor } from "./cursor";
import { Id } from "./ids";
import { text } from "./text";

/** How many results a search answers when it does not say. */
export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 50;

/** A form's or a query string's empty field means "no filter", not a bad value. */
const blankless = (value: unknown) => (value === "" || value === null ? undefined : value);
const optionalId = z.preprocess(blankless, Id.optional());

/**
 * Where a page of results ended: its last result's score and its place among results of that
 * score (arguments before passages; arguments by id; passages by document, then block). The
 * next page starts after it, so each page costs the same however far a reader goes.
 */
export const SearchCursor = z.discriminatedUnion("type", [
  z.object({ type: z.literal("argument"), score: z.number(), id: z.string().max(100) }),
  z.object({
    type: z.literal("passage"),
    score: z.number(),
    documentId: z.string().max(100),
    position: z.number().int().min(0),
  }),
]);
export type SearchCursor = z.output<typeof SearchCursor>;

const NOT_A_CURSOR = "must be the `next` that the page before answered";

const after = z.preprocess(
  blankless,
  z
    .string()
    .max(1000, NOT_A_CURSOR)
    .transform((value, ctx) => {
      const cursor = readCursor(value, SearchCursor);
      if (cursor) return cursor;
      ctx.addIssue({
        code: "custom",
        message: NOT_A_CURSOR,
      });
      return z.NEVER;
    })
    .optional(),
);

/** GET /api/search and the search page: the words, and the filters a reader may narrow by. */
export const SearchInput = z
  .object({
    q: text({ error: "type a word or two to search for" })
      .trim()
      .min(1, "type a word or two to search for")
      .max(200, "type at most 200 characters"),
    type: z.preprocess(blankless, z.enum(["argument", "passage"]).optional()),
    spaceId: optionalId,
    motionId: optionalId,
    authorId: optionalId,
    /**
     * With authorId, only the arguments shown under this name: an imported debate's arguments are
     * all their importer's, each under the name the file gave it.
     */
    authorName: z.preprocess(
      (value) => blankless(typeof value === "string" ? value.trim() : value),
      text().max(200, "type at most 200 characters").optional(),
    ),
    side: z.preprocess(blankless, z.enum(["for", "against"]).optional()),
    hasCitations: z.preprocess(
      (value) =>
        value === "true" || value === "on" ? true : value === "false" ? false : blankless(value),
      z.boolean().optional(),
    ),
    limit: z.preprocess(
      blankless,
      z.coerce.number().int().min(1).max(SEARCH_MAX_LIMIT).default(SEARCH_DEFAULT_LIMIT),
    ),
    /** The `next` of the page before: the results after it. */
    after,
  })
  .refine((input) => input.authorName === undefined || input.authorId !== undefined, {
    message: "give the authorId of the author with this name too",
    path: ["authorName"],
  });
export type SearchInput = z.input<typeof SearchInput>;
export type SearchFilters = z.output<typeof SearchInput>;

/**
 * The words of what someone typed: runs of letters, digits and combining marks, as the search
 * index splits text. Everything else (quotes, `*`, `-`, brackets) only separates words, so no
 * input reads as query syntax. The last word is matched as a prefix while it is being typed.
 */
export function searchWords(q: string): { words: string[]; prefix: boolean } {
  const all = q.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  // A lone letter is what is left of "Mill's" or "U.S.": it narrows nothing a reader meant.
  const meant = all.some((w) => w.length > 1) ? all.filter((w) => w.length > 1) : all;
  const words = meant.slice(0, MAX_WORDS);
  const last = words.at(-1) ?? "";
  return { words, prefix: /[\p{L}\p{N}\p{M}]$/u.test(q.trim()) && last.length >= 2 };
}

const MAX_WORDS = 16;

/** Where a snippet's matched words start and end: they are marked by these two characters. */
export const SNIPPET_START = "\u0002";
export const SNIPPET_END = "\u0003";

export interface Highlight {
  start: number;
  end: number;
}

/** A marked snippet as plain text and the ranges of its matched words (never HTML). */
export function readSnippet(marked: string): { snippet: string; highlights: Highlight[] } {
  let snippet = "";
  let open: number | null = null;
  const highlights: Highlight[] = [];
  for (const char of marked) {
    if (char === SNIPPET_START) open = snippet.length;
    else if (char === SNIPPET_END) {
      if (open !== null && snippet.length > open)
        highlights.push({ start: open, end: snippet.length });
      open = null;
    } else snippet += char;
  }
  return { snippet, highlights };
}

interface ResultBase {
  id: string;
  spaceId: string;
  snippet: string;
  /** The matched words, as ranges of `snippet`. */
  highlights: Highlight[];
  /** Where the result is read in the app. */
  href: string;
}

export interface ArgumentResult extends ResultBase {
  type: "argument";
  motionId: string;
  motionTitle: string;
  /** The side of the motion it argues: its own relation at the top, its root's through replies. */
  side: "for" | "against" | null;
  relation: "for" | "against" | "supports" | "attacks";
  /** In an anonymous motion, the author's pseudonym (unless the reader moderates or wrote it). */
  author: { id: string; name: string };
  hasCitations: boolean;
  createdAt: string;
}

export interface PassageResult extends ResultBase {
  type: "passage";
  documentId: string;
  documentTitle: string;
  /** The block's offsets in the document's current text. */
  start: number;
  end: number;
}

export type SearchResult = ArgumentResult | PassageResult;
