"use client";

import { useState } from "react";

/** Longer than this, a quote shows its first lines until the reader asks for the rest. */
const LONG_QUOTE = 280;

/**
 * A quote an argument cites. A long one is cut to a few lines, so the thread reads as a thread,
 * with a button to read it whole.
 */
export function CitedQuote({ text }: { text: string }) {
  const [whole, setWhole] = useState(false);
  const long = text.length > LONG_QUOTE;
  return (
    <>
      <blockquote className={long && !whole ? "quote-cut" : undefined}>
        <p>{text}</p>
      </blockquote>
      {long ? (
        <button
          type="button"
          className="link quote-toggle"
          aria-expanded={whole}
          onClick={() => setWhole(!whole)}
        >
          {whole ? "Show less of the quote" : "Show the whole quote"}
        </button>
      ) : null}
    </>
  );
}
