import DiffMatchPatch from "diff-match-patch";
import { occurrences, type QuoteSelector } from "./anchoring";

/**
 * Re-anchoring: when a document gets a new version, every citation made on an older version is
 * looked for again in the new canonical text. The rules, tried in order:
 *
 * 1. exact: the new text says the quote at the old offsets.
 * 2. moved: the quote occurs verbatim elsewhere; if it occurs several times, the occurrence whose
 *    surroundings agree best with the selector's prefix and suffix.
 * 3. moved: the same, ignoring how whitespace is laid out (a run of whitespace counts as one
 *    space), mapped back to offsets in the real new text.
 * 4. fuzzy: a close but changed passage, found with diff-match-patch near the old offset and
 *    near places where exact pieces of the quote still occur.
 * 5. orphaned: nothing close enough.
 *
 * Guarantees:
 * - "exact" and "moved" (confidence 1) only when newText.slice(start, end) is the quote itself,
 *   or for rule 3 is the quote with its whitespace laid out differently: both are equal once
 *   every run of whitespace is collapsed to one space. The words are the same.
 * - A quote that occurs more than once, where the surroundings do not single out one
 *   occurrence, is never silently moved: it is "fuzzy" with confidence 0.5 at the tied
 *   occurrence nearest the old offset, for a person to confirm.
 * - A changed passage is "fuzzy" only if its similarity to the quote, 1 - Levenshtein distance /
 *   the longer length, is at least 0.6; the confidence is that similarity to two decimals,
 *   never more than 0.99.
 * - "orphaned" has confidence 0 and null offsets.
 * - The work is bounded for documents of millions of characters: a fuzzy search looks in at most
 *   four windows, each about twice the quote's length, instead of scanning the whole text.
 */

export type AnchorStatus = "exact" | "moved" | "fuzzy" | "orphaned";

export type Anchor = {
  status: AnchorStatus;
  confidence: number;
  start: number | null;
  end: number | null;
};

type Span = { start: number; end: number };

const MIN_SIMILARITY = 0.6;
const AMBIGUOUS_CONFIDENCE = 0.5;
const MAX_FUZZY_CONFIDENCE = 0.99;
/** How many errors per pattern character diff-match-patch may still call a match. */
const MATCH_THRESHOLD = 0.4;
/** Seeds whose hits imply starts this share of the quote's length apart vote for one place. */
const SEED_TOLERANCE = 0.25;
const SEED_COUNT = 16;
/** A seed found more often than this is common wording and says nothing about where the quote went. */
const MAX_SEED_HITS = 20;
const SEED_WINDOWS = 3;

const WHITESPACE_RUN = /\s+/g;

const ORPHANED: Anchor = { status: "orphaned", confidence: 0, start: null, end: null };

export function reanchor(selector: QuoteSelector, newText: string): Anchor {
  const { exact, start, end } = selector;
  if (newText.slice(start, end) === exact) return { status: "exact", confidence: 1, start, end };
  return (
    findVerbatim(selector, newText) ??
    findWithWhitespaceChanged(selector, newText) ??
    findSimilar(selector, newText) ??
    ORPHANED
  );
}

function findVerbatim(selector: QuoteSelector, text: string): Anchor | null {
  const length = selector.exact.length;
  const spans = occurrences(text, selector.exact).map((at) => ({ start: at, end: at + length }));
  return settle(bestInContext(text, spans, selector.prefix, selector.suffix), selector.start);
}

function findWithWhitespaceChanged(selector: QuoteSelector, text: string): Anchor | null {
  // Without whitespace in the quote, its matches in the collapsed text are verbatim ones (rule 2).
  if (!/\s/.test(selector.exact)) return null;
  const quote = collapseWhitespace(selector.exact);
  const collapsed = collapseWithOrigins(text);
  const spans = occurrences(collapsed.text, quote).map((at) => ({
    start: at,
    end: at + quote.length,
  }));
  const prefix = collapseWhitespace(selector.prefix);
  const suffix = collapseWhitespace(selector.suffix);
  const best = bestInContext(collapsed.text, spans, prefix, suffix).map((span) => ({
    start: collapsed.origin[span.start] as number,
    end: collapsed.origin[span.end] as number,
  }));
  return settle(best, selector.start);
}

/** One occurrence is a move; a tie is shown as doubtful rather than settled by a guess. */
function settle(best: Span[], oldStart: number): Anchor | null {
  const [only] = best;
  if (!only) return null;
  if (best.length === 1) return { status: "moved", confidence: 1, ...only };
  const distance = (span: Span) => Math.abs(span.start - oldStart);
  const nearest = best.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  return { status: "fuzzy", confidence: AMBIGUOUS_CONFIDENCE, ...nearest };
}

/** The spans whose surroundings agree best with the selector's prefix and suffix (ties kept). */
function bestInContext(text: string, spans: Span[], prefix: string, suffix: string): Span[] {
  let best: Span[] = [];
  let bestScore = -1;
  for (const span of spans) {
    const before = text.slice(Math.max(0, span.start - prefix.length), span.start);
    const after = text.slice(span.end, span.end + suffix.length);
    const score = commonSuffixLength(prefix, before) + commonPrefixLength(suffix, after);
    if (score > bestScore) {
      best = [span];
      bestScore = score;
    } else if (score === bestScore) {
      best.push(span);
    }
  }
  return best;
}

function findSimilar(selector: QuoteSelector, text: string): Anchor | null {
  const quote = selector.exact;
  const dmp = new DiffMatchPatch();
  dmp.Match_Threshold = MATCH_THRESHOLD;
  // A diff that runs out of time is less minimal, so the similarity comes out lower, not higher.
  dmp.Diff_Timeout = 0.1;
  let best: { span: Span; similarity: number } | null = null;
  for (const around of likelyStarts(quote, text, selector.start)) {
    for (const span of candidateSpans(dmp, quote, text, around)) {
      const score = similarity(dmp, quote, text.slice(span.start, span.end));
      if (!best || score > best.similarity) best = { span, similarity: score };
    }
  }
  if (!best || best.similarity < MIN_SIMILARITY) return null;
  const confidence = Math.min(MAX_FUZZY_CONFIDENCE, Math.round(best.similarity * 100) / 100);
  return { status: "fuzzy", confidence, ...best.span };
}

/**
 * Where the changed passage probably starts: the old offset (most edits leave a passage where it
 * was), then the few places where most exact pieces ("seeds") of the quote still occur, which
 * finds a passage that was both moved and edited without running a fuzzy search over the
 * whole document.
 */
function likelyStarts(quote: string, text: string, oldStart: number): number[] {
  const expected = Math.min(oldStart, Math.max(0, text.length - quote.length));
  const tolerance = Math.max(8, Math.ceil(quote.length * SEED_TOLERANCE));
  const votes: number[] = [];
  for (const seed of seedsOf(quote)) {
    const hits = occurrencesUpTo(text, seed.text, MAX_SEED_HITS + 1);
    if (hits.length <= MAX_SEED_HITS) for (const hit of hits) votes.push(hit - seed.offset);
  }
  votes.sort((a, b) => a - b);
  const clusters: { at: number; votes: number }[] = [];
  for (let first = 0; first < votes.length; ) {
    let last = first;
    while (
      last + 1 < votes.length &&
      (votes[last + 1] as number) - (votes[first] as number) <= tolerance
    )
      last++;
    clusters.push({ at: votes[Math.floor((first + last) / 2)] as number, votes: last - first + 1 });
    first = last + 1;
  }
  const elsewhere = clusters
    .filter((cluster) => Math.abs(cluster.at - expected) > tolerance)
    .sort((a, b) => b.votes - a.votes || Math.abs(a.at - expected) - Math.abs(b.at - expected))
    .slice(0, SEED_WINDOWS)
    .map((cluster) => Math.max(0, cluster.at));
  return [expected, ...elsewhere];
}

/** Up to SEED_COUNT evenly spaced, non-overlapping pieces of the quote. */
function seedsOf(quote: string): { text: string; offset: number }[] {
  const length = Math.max(4, Math.min(16, Math.floor(quote.length / 4)));
  const count = Math.min(SEED_COUNT, Math.floor(quote.length / length));
  const seeds: { text: string; offset: number }[] = [];
  for (let i = 0; i < count; i++) {
    const offset = count === 1 ? 0 : Math.round((i * (quote.length - length)) / (count - 1));
    seeds.push({ text: quote.slice(offset, offset + length), offset });
  }
  return seeds;
}

function occurrencesUpTo(text: string, piece: string, limit: number): number[] {
  const found: number[] = [];
  for (
    let at = text.indexOf(piece);
    at !== -1 && found.length < limit;
    at = text.indexOf(piece, at + 1)
  ) {
    found.push(at);
  }
  return found;
}

/**
 * Spans near `around` that may be the changed passage. diff-match-patch matches at most
 * Match_MaxBits (32) characters and reports where a match starts, so it looks for the quote's
 * head to place the start, and for the reversed tail in the reversed text to place the end; each
 * end found also implies the other by the quote's length, in case one of them was rewritten.
 */
function candidateSpans(dmp: DiffMatchPatch, quote: string, text: string, around: number): Span[] {
  const slack = Math.max(dmp.Match_MaxBits, Math.ceil(quote.length / 2));
  const windowStart = Math.max(0, around - slack);
  const window = text.slice(windowStart, around + quote.length + slack);
  // Far enough that position within the window hardly counts against a good match.
  dmp.Match_Distance = Math.max(1, window.length) * 10;
  const starts: number[] = [];
  const ends: number[] = [];

  const headAt = dmp.match_main(window, quote.slice(0, dmp.Match_MaxBits), around - windowStart);
  if (headAt !== -1) {
    starts.push(windowStart + headAt);
    ends.push(windowStart + headAt + quote.length);
  }
  const expectedEnd = (headAt === -1 ? around - windowStart : headAt) + quote.length;
  const tailAt = dmp.match_main(
    reversed(window),
    reversed(quote.slice(-dmp.Match_MaxBits)),
    window.length - expectedEnd,
  );
  if (tailAt !== -1) {
    ends.push(windowStart + window.length - tailAt);
    starts.push(windowStart + window.length - tailAt - quote.length);
  }

  const spans: Span[] = [];
  for (const start of starts) {
    for (const end of ends) {
      const span = trimWhitespace(text, { start: Math.max(0, start), end }, quote);
      const length = span.end - span.start;
      // Levenshtein distance is at least the difference in length, so others cannot reach 0.6.
      if (length >= quote.length * MIN_SIMILARITY && length <= quote.length / MIN_SIMILARITY) {
        spans.push(span);
      }
    }
  }
  return spans;
}

function similarity(dmp: DiffMatchPatch, quote: string, candidate: string): number {
  const diffs = dmp.diff_main(quote, candidate, false);
  dmp.diff_cleanupSemantic(diffs);
  return 1 - dmp.diff_levenshtein(diffs) / Math.max(quote.length, candidate.length);
}

/** Drops whitespace at either end of the span that the quote does not have there. */
function trimWhitespace(text: string, span: Span, quote: string): Span {
  let { start, end } = span;
  if (!/^\s/.test(quote)) while (start < end && /\s/.test(text.charAt(start))) start++;
  if (!/\s$/.test(quote)) while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, " ");
}

/** The text with each whitespace run collapsed, and where each collapsed offset was in the text. */
function collapseWithOrigins(text: string): { text: string; origin: Int32Array } {
  const collapsed = collapseWhitespace(text);
  const origin = new Int32Array(collapsed.length + 1);
  let from = 0;
  let to = 0;
  for (const run of text.matchAll(WHITESPACE_RUN)) {
    while (from < run.index) origin[to++] = from++;
    origin[to++] = from;
    from += run[0].length;
  }
  while (from <= text.length) origin[to++] = from++;
  return { text: collapsed, origin };
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function reversed(text: string): string {
  return text.split("").reverse().join("");
}
