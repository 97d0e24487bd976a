import { describe, expect, it } from "vitest";
import {
  mismatch,
  occurrences,
  QuoteSelector,
  selectorAt,
  selectorForQuote,
} from "../../lib/anchoring";

const text = "Astana hosts talks. Astana balances Russia and China. The talks end in March.";

describe("quote selectors", () => {
  it("a selector holds the quote with up to 32 characters of context each side", () => {
    const start = text.indexOf("balances");
    expect(selectorAt(text, start, start + 8)).toEqual({
      exact: "balances",
      prefix: "Astana hosts talks. Astana ",
      suffix: " Russia and China. The talks end",
      start,
      end: start + 8,
    });
  });

  it("finds every occurrence of a quote", () => {
    expect(occurrences(text, "Astana")).toEqual([0, 20]);
    expect(occurrences(text, "Tehran")).toEqual([]);
  });

  it("makes a selector only for a quote that occurs exactly once", () => {
    expect(selectorForQuote(text, "The talks end")).toMatchObject({ start: 54, end: 67 });
    expect(selectorForQuote(text, "Astana")).toEqual({
      problem: 'the quote occurs 2 times: "Astana"',
    });
    expect(selectorForQuote(text, "Tehran")).toEqual({
      problem: 'the quote is not in the document: "Tehran"',
    });
  });

  it("stops counting a quote that a text repeats over and over", () => {
    const monotone = "a ".repeat(1_000_000);
    const quote = "a ".repeat(5_000).trim();
    expect(selectorForQuote(monotone, quote)).toEqual({
      problem: `the quote occurs 10 times or more: "${quote}"`,
    });
    expect(occurrences("a a a a", "a", 3)).toEqual([0, 2, 4]);
  });

  it("accepts a selector that says what the text says, and names the mismatch otherwise", () => {
    const good = selectorAt(text, 20, 26);
    expect(mismatch(text, good)).toBeNull();
    expect(mismatch(text, { ...good, exact: "Moscow" })).toBe(
      "the quote is not what the document says there",
    );
    expect(mismatch(text, { ...good, prefix: "Tehran hosts" })).toBe(
      "the text around the quote is not what the document says there",
    );
    expect(mismatch(text, { ...good, start: 70, end: 90 })).toBe(
      "the passage runs past the end of the document",
    );
  });

  it("refuses an empty quote and an end before the start", () => {
    expect(
      QuoteSelector.safeParse({ exact: "", prefix: "", suffix: "", start: 0, end: 1 }).success,
    ).toBe(false);
    expect(
      QuoteSelector.safeParse({ exact: "a", prefix: "", suffix: "", start: 5, end: 2 }).success,
    ).toBe(false);
  });
});
