/**
 * From the text runs of a PDF's pages to the plain text importPlainText reads: a line per
 * printed line, an empty line where the page leaves a gap (between paragraphs, around headings),
 * a leading space where a line is indented (a paragraph's first line), running headers, footers
 * and page numbers left out, and the pages joined so that a sentence broken by a page goes on.
 */
import { squash } from "./blocks";

/** A run of text where the PDF puts it: PDF units, origin at the page's bottom left. */
export interface PageItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
}

/** A gap this many times the usual line spacing separates paragraphs. */
const GAP = 1.4;
/** Lines at each edge of a page where running heads and page numbers are looked for. */
const EDGE = 2;
const SENTENCE_OVER = /[.!?…]["'”’)\]]*$/u;
/** "12", "- 12 -", "Page 12", "12 of 30", "xii" (front matter). */
const PAGE_NUMBER =
  /^(?:[Pp]age\s+)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|\/)\s*\d{1,4})?\s*[-–—]?$/u;

/** The gap between lines seen most often (to the point), the smaller one when two tie. */
function usualGap(gaps: number[]): number {
  const counts = new Map<number, number>();
  for (const gap of gaps.map(Math.round)) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  let usual = 0;
  let most = 0;
  for (const [gap, count] of [...counts].sort(([a], [b]) => a - b)) {
    if (count > most) [usual, most] = [gap, count];
  }
  return usual;
}

/** One page's text, laid out line by line as it is printed. */
export function pageText(items: PageItem[]): string {
  const lines = linesOf(items);
  const gaps = lines.slice(1).map((line, i) => (lines[i] as Line).y - line.y);
  // Most gaps are between the lines of a paragraph: the others stand out against them.
  const spacing = usualGap(gaps.filter((gap) => gap > 0));
  // Directly below: the next printed line of the same column (a gap upwards is a new column).
  const below = (upper: Line | undefined, lower: Line | undefined) =>
    upper !== undefined &&
    lower !== undefined &&
    upper.y > lower.y &&
    upper.y - lower.y <= GAP * spacing;
  const startsRightOf = (line: Line, other: Line) => line.x - other.x > 0.5 * line.size;

  return lines
    .flatMap((line, i) => {
      const previous = lines[i - 1];
      const next = lines[i + 1];
      const gapAbove = previous !== undefined && previous.y - line.y > GAP * spacing;
      // Indented against the lines around it, not against the page, so that a second column
      // is not taken for one long indentation.
      const indented =
        (below(line, next) && startsRightOf(line, next as Line)) ||
        (below(previous, line) && startsRightOf(line, previous as Line));
      const text = indented ? ` ${line.text}` : line.text;
      return gapAbove ? ["", text] : [text];
    })
    .join("\n");
}

/** Runs on about the same baseline make a line; pdfjs marks some gaps with space runs, not all. */
function linesOf(items: PageItem[]): Line[] {
  const lines: Line[] = [];
  let line: Line | undefined;
  let lastEnd = 0;
  for (const item of items) {
    const size = item.fontSize > 0 ? item.fontSize : 1;
    const sameLine =
      line !== undefined && Math.abs(item.y - line.y) < 0.5 * Math.max(size, line.size);
    if (line !== undefined && sameLine) {
      // The line's last character alone: a search for `\s$` would read the whole line each time.
      const apart =
        item.x - lastEnd > 0.2 * size &&
        !/\s/u.test(line.text.at(-1) ?? "") &&
        !/^\s/u.test(item.str);
      line.text += apart ? ` ${item.str}` : item.str;
      line.size = Math.max(line.size, size);
    } else if (item.str.trim() !== "") {
      line = { text: item.str, x: item.x, y: item.y, size };
      lines.push(line);
    } else {
      // pdfjs's end-of-line markers and stray spaces carry no text and no position worth keeping.
      continue;
    }
    lastEnd = item.x + item.width;
  }
  return lines.map((l) => ({ ...l, text: squash(l.text) })).filter((l) => l.text !== "");
}

/**
 * The pages without their running headers and footers (a line at a page's top or bottom that
 * repeats at the edges of at least half the pages, page numbers aside) and bare page numbers.
 */
export function withoutRunningHeads(pages: string[]): string[] {
  const pageLines = pages.map((page) => page.split("\n"));
  const seen = new Map<string, number>();
  for (const lines of pageLines) {
    for (const key of new Set(edgeLines(lines).map(headKey)))
      seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const often = Math.max(2, pages.length / 2);
  const running = (line: string) =>
    PAGE_NUMBER.test(line) || (seen.get(headKey(line)) ?? 0) >= often;
  return pageLines.map((lines) =>
    trimEdge(trimEdge(lines, running).reverse(), running).reverse().join("\n"),
  );
}

/** A header reads the same on every page but for its page number: "Harbour Review 3". */
const headKey = (line: string) => squash(line).toLowerCase().replace(/\d+/gu, "#");

function edgeLines(lines: string[]): string[] {
  const text = lines.map(squash).filter((line) => line !== "");
  return [...text.slice(0, EDGE), ...text.slice(-EDGE)];
}

/** Drops empty lines, and up to EDGE running lines, from the start of a page. */
function trimEdge(lines: string[], running: (line: string) => boolean): string[] {
  let dropped = 0;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = squash(lines[i] ?? "");
    if (line !== "" && (dropped >= EDGE || !running(line))) break;
    if (line !== "") dropped++;
  }
  return lines.slice(i);
}

/**
 * One text of all pages. A page whose previous page stopped mid-sentence goes straight on; any
 * other page opens with an indented line, importPlainText's sign of a page break, which starts
 * a paragraph unless the page opens in lower case. An empty line would always end the paragraph.
 */
export function joinPages(pages: string[]): string {
  let text = "";
  for (const page of pages) {
    if (page.trim() === "") continue;
    if (text === "") text = page;
    else if (SENTENCE_OVER.test(text.trimEnd())) text += `\n ${page.trimStart()}`;
    else text += `\n${page.trimStart()}`;
  }
  return text;
}
