import { z } from "zod";
import { text } from "./text";

/**
 * A passage of a document version, as a W3C Web Annotation TextQuoteSelector (exact, prefix,
 * suffix) together with a TextPositionSelector (start, end) into the canonical text.
 */
export const QuoteSelector = z
  .object({
    exact: text().min(1, "the quote is empty"),
    prefix: text(),
    suffix: text(),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .refine((s) => s.end > s.start, { message: "end must be after start", path: ["end"] });
export type QuoteSelector = z.infer<typeof QuoteSelector>;

export const CONTEXT_LENGTH = 32;

export function selectorAt(text: string, start: number, end: number): QuoteSelector {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  };
}

/** Every offset at which `quote` occurs in `text`, or the first `limit` of them. */
export function occurrences(
  text: string,
  quote: string,
  limit = Number.POSITIVE_INFINITY,
): number[] {
  const found: number[] = [];
  if (quote.length === 0) return found;
  for (
    let at = text.indexOf(quote);
    at !== -1 && found.length < limit;
    at = text.indexOf(quote, at + 1)
  ) {
    found.push(at);
  }
  return found;
}

/** Past this many, a quote's occurrences are not counted on: the answer is no all the same. */
const COUNTED_OCCURRENCES = 10;

/** The selector for a quote that occurs exactly once in the text, or why it cannot be made. */
export function selectorForQuote(text: string, quote: string): QuoteSelector | { problem: string } {
  // Counting every occurrence of a long quote in a text that repeats it (one word over and
  // over) would take time growing with both lengths multiplied, on the event loop.
  const found = occurrences(text, quote, COUNTED_OCCURRENCES);
  if (found.length === 0) return { problem: `the quote is not in the document: "${quote}"` };
  if (found.length >= COUNTED_OCCURRENCES) {
    return { problem: `the quote occurs ${COUNTED_OCCURRENCES} times or more: "${quote}"` };
  }
  if (found.length > 1) return { problem: `the quote occurs ${found.length} times: "${quote}"` };
  const start = found[0] as number;
  return selectorAt(text, start, start + quote.length);
}

/** Null when the selector says exactly what the text says at its offsets, else the mismatch. */
export function mismatch(text: string, selector: QuoteSelector): string | null {
  if (selector.end > text.length) return "the passage runs past the end of the document";
  const actual = selectorAt(text, selector.start, selector.end);
  if (actual.exact !== selector.exact) return "the quote is not what the document says there";
  if (!actual.prefix.endsWith(selector.prefix) || !actual.suffix.startsWith(selector.suffix)) {
    return "the text around the quote is not what the document says there";
  }
  return null;
}
