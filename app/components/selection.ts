/** Offsets into a document's canonical text of what the reader has selected in `container`. */
export function selectedRange(
  container: HTMLElement,
  text: string,
): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const start = offsetOf(container, range.startContainer, range.startOffset, "start");
  const end = offsetOf(container, range.endContainer, range.endOffset, "end");
  if (start === null || end === null || end <= start) return null;
  // Leave out the spaces and line breaks a drag picks up at either end.
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] ?? "")) from++;
  while (to > from && /\s/.test(text[to - 1] ?? "")) to--;
  if (to <= from) return null;
  // A drag that starts or stops inside a word takes the whole word: a quote cut mid-word ("ab"
  // for "about") reads as the document's typo wherever the citation is shown.
  const inWord = (at: number) => WORD.test(text[at] ?? "");
  while (from > 0 && inWord(from - 1) && inWord(from)) from--;
  while (to < text.length && inWord(to) && inWord(to - 1)) to++;
  return { start: from, end: to };
}

/** A character of a word: a letter, a digit, or a mark on one. */
const WORD = /[\p{L}\p{N}\p{M}]/u;

/**
 * A point of a selection as an offset: its block's start plus the text before it in the block.
 * A point between blocks (a triple-click ends in the paragraph's "Cite this paragraph" button)
 * counts as the end of the block before it, or the start of the block after it.
 */
function offsetOf(
  container: HTMLElement,
  node: Node,
  offset: number,
  edge: "start" | "end",
): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest<HTMLElement>("[data-start]");
  if (block) {
    const before = document.createRange();
    before.selectNodeContents(block);
    before.setEnd(node, offset);
    return Number(block.dataset.start) + before.toString().length;
  }
  const blocks = [...container.querySelectorAll<HTMLElement>("[data-start]")];
  const follows = (b: HTMLElement) =>
    (b.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  if (edge === "end") {
    const last = blocks.filter(follows).at(-1);
    return last ? Number(last.dataset.start) + (last.textContent ?? "").length : null;
  }
  const next = blocks.find((b) => !follows(b) && !b.contains(node));
  return next ? Number(next.dataset.start) : null;
}
