import DiffMatchPatch from "diff-match-patch";
import { CONTEXT_LENGTH, occurrences, type QuoteSelector } from "./anchoring";

/**
 * Re-anchoring: when a document gets a new version, every citation made on an older version is
 * looked for again in the new canonical text. The rules, tried in order:
 *
 * 1. exact: the new text says the quote at the old offsets.
 * 2. moved: the quote occurs verbatim elsewhere; if it occurs several times, the occurrence whose
 *    surroundings agree best with the selector's prefix and suffix.
 * 3. moved: the same, ignoring how whitespace is laid out (a run of whitespace counts as one
 *    space), with offsets into the real new text.
 * 4. fuzzy: a close but changed passage, found with diff-match-patch near the old offset and
 *    near the places where exact pieces of the quote still occur (for a passage that was both
 *    moved and edited).
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
 * - The work is bounded for documents of millions of characters: besides linear exact searches
 *   (the quote, its words, at most 16 pieces of it), the fuzzy search runs diff-match-patch in at
 *   most four windows about twice the quote's length, never over the whole text, and scores at
 *   most four candidate spans in each.
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
/** The share of a pattern's characters that may be wrong in a match diff-match-patch reports. */
const MATCH_THRESHOLD = 0.4;
/** Seeds whose hits imply starts this share of the quote's length apart vote for one place. */
const SEED_TOLERANCE = 0.25;
const SEED_COUNT = 16;
/** A seed found more often than this is common wording and says nothing about where the quote went. */
const MAX_SEED_HITS = 20;
const SEED_WINDOWS = 3;

const WHITESPACE_RUN = /\s+/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** How far a fuzzy span's ends may move to take in the rest of a word. */
const MAX_WORD_SNAP = 12;

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
  const surroundings = (span: Span) => ({
    before: text.slice(Math.max(0, span.start - selector.prefix.length), span.start),
    after: text.slice(span.end, span.end + selector.suffix.length),
  });
  return settle(bestInContext(spans, selector, surroundings), selector.start);
}

/**
 * Searches the real text with the quote's words joined by `\s+`, which matches exactly where the
 * collapsed quote occurs in the collapsed text, without collapsing (and mapping back) a whole
 * document of millions of characters.
 */
function findWithWhitespaceChanged(selector: QuoteSelector, text: string): Anchor | null {
  // Without whitespace in the quote, its matches in the collapsed text are verbatim ones (rule 2).
  if (!/\s/.test(selector.exact)) return null;
  const words = selector.exact.split(WHITESPACE_RUN).map(escapeRegExp);
  const pattern = new RegExp(words.join("\\s+"), "g");
  const spans: Span[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
    // Overlapping matches count, as in rule 2, but not one match again from inside its leading
    // whitespace.
    pattern.lastIndex = match.index + (/^\s*/.exec(match[0])?.[0].length ?? 0) + 1;
  }
  const collapsed = {
    ...selector,
    prefix: collapseWhitespace(selector.prefix),
    suffix: collapseWhitespace(selector.suffix),
  };
  // Collapsing only shortens, so a few times the context's length is enough raw text around.
  const reach = (context: string) => 4 * context.length + CONTEXT_LENGTH;
  const surroundings = (span: Span) => ({
    before: collapseWhitespace(
      text.slice(Math.max(0, span.start - reach(collapsed.prefix)), span.start),
    ),
    after: collapseWhitespace(text.slice(span.end, span.end + reach(collapsed.suffix))),
  });
  return settle(bestInContext(spans, collapsed, surroundings), selector.start);
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

/**
 * The spans whose surroundings agree best with the selector's prefix and suffix (ties kept),
 * scored by how many characters agree outwards from the quote on either side.
 */
function bestInContext(
  spans: Span[],
  context: { prefix: string; suffix: string },
  surroundings: (span: Span) => { before: string; after: string },
): Span[] {
  let best: Span[] = [];
  let bestScore = -1;
  for (const span of spans) {
    const { before, after } = surroundings(span);
    const score =
      commonSuffixLength(context.prefix, before) + commonPrefixLength(context.suffix, after);
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
    for (const candidate of candidateSpans(dmp, quote, text, around)) {
      const span = snapToWords(text, trimWhitespace(text, candidate, quote), selector);
      if (!couldBeSimilar(span, quote)) continue;
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

  return starts.flatMap((start) => ends.map((end) => ({ start: Math.max(0, start), end })));
}

/** Levenshtein distance is at least the difference in length, so others cannot reach 0.6. */
function couldBeSimilar(span: Span, quote: string): boolean {
  const length = span.end - span.start;
  return length >= quote.length * MIN_SIMILARITY && length <= quote.length / MIN_SIMILARITY;
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

/**
 * A quote that did not begin (or end) inside a word should not again, so that an edited first or
 * last word comes back whole ("Building the line", not "uilding the line"; "by railway.", not
 * "by railw"), whether the quote's own first or last character is a letter or a full stop. Only
 * a short way, so that text without spaces between words is left as found.
 */
function snapToWords(text: string, span: Span, selector: QuoteSelector): Span {
  const isWordChar = (at: number) => WORD_CHAR.test(text.charAt(at));
  const startedWord = !(
    WORD_CHAR.test(selector.exact.charAt(0)) && WORD_CHAR.test(selector.prefix.slice(-1))
  );
  const endedWord = !(
    WORD_CHAR.test(selector.exact.slice(-1)) && WORD_CHAR.test(selector.suffix.charAt(0))
  );
  // The marks around the quote's words ("“", "." or ".”"): a word taken in whole takes them too.
  const opening = /^[^\p{L}\p{N}\s]*/u.exec(selector.exact)?.[0] ?? "";
  const closing = /[^\p{L}\p{N}\s]*$/u.exec(selector.exact)?.[0] ?? "";
  let { start, end } = span;
  if (startedWord && isWordChar(start)) {
    let wordStart = start;
    while (wordStart > 0 && start - wordStart < MAX_WORD_SNAP && isWordChar(wordStart - 1))
      wordStart--;
    if (!isWordChar(wordStart - 1)) {
      const marked =
        opening !== "" && text.slice(wordStart - opening.length, wordStart) === opening;
      start = marked ? wordStart - opening.length : wordStart;
    }
  }
  if (endedWord && isWordChar(end - 1)) {
    let wordEnd = end;
    while (wordEnd - end < MAX_WORD_SNAP && isWordChar(wordEnd)) wordEnd++;
    if (!isWordChar(wordEnd)) {
      const marked = closing !== "" && text.startsWith(closing, wordEnd);
      end = marked ? wordEnd + closing.length : wordEnd;
    }
  }
  return { start, end };
}

function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, " ");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
