/** A paragraph added whole to the motion being drafted, from the text to the drafting panel. */
const ADD_PARAGRAPH = "moot:add-paragraph";

export type ParagraphRange = { start: number; end: number };

export function addParagraph(start: number, end: number) {
  window.dispatchEvent(new CustomEvent<ParagraphRange>(ADD_PARAGRAPH, { detail: { start, end } }));
}

/** Calls `add` for each paragraph added until the returned function is called. */
export function onParagraphAdded(add: (range: ParagraphRange) => void): () => void {
  const listener = (event: Event) => add((event as CustomEvent<ParagraphRange>).detail);
  window.addEventListener(ADD_PARAGRAPH, listener);
  return () => window.removeEventListener(ADD_PARAGRAPH, listener);
}
