/**
 * Turns plain text into one canonical text (its blocks joined by a blank line) and the blocks'
 * offsets in it. Two layouts are recognised: text extracted from a PDF, hard-wrapped at a fixed
 * width, and text with one paragraph per line.
 */
import { squash } from "./blocks";
export type BlockKind = "heading" | "paragraph" | "caption";

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** A heading's depth, 1 to 6: 1 for a title or "1.", 2 for "2.1."; null for other kinds. */
  level: number | null;
}

export interface ImportedText {
  text: string;
  blocks: Block[];
}

type Draft = { kind: BlockKind; level: number | null; text: string };

/** Final punctuation, then perhaps closing quotes or brackets: `end.`, `[4].`, `end.”`. */
const SENTENCE_OVER = /[.!?…]["'”’)\]]*$/u;
/** What a line ends with when a sentence or at least a clause ends there. */
const CLAUSE_OVER = /[.!?…:;,]["'”’)\]]*$/u;
/** The punctuation a numbered heading never ends with; "2. Why balance?" is still a heading. */
const NOT_A_HEADING_END = /[.,;:]["'”’)\]]*$/u;
/** "1. Introduction", "2.1. The character…", "2.1 Sea power", at most six levels deep. */
const NUMBERED_HEADING = /^(\d+(?:\.\d+){0,5})\.?\s+\p{L}/u;
const CAPTION = /^(?:Figure|Fig\.|Table)\s+\d+[.:]?\s+\p{Lu}/u;
const HYPHEN_AT_END = /\p{L}-$/u;
const STARTS_LOWER = /^\p{Ll}/u;

/** Whitespace runs (newlines, tabs, no-break spaces) become one space; the ends are trimmed. */
const wordCount = (line: string) => squash(line).split(" ").length;
const paragraph = (text: string): Draft => ({ kind: "paragraph", level: null, text });

export function importPlainText(raw: string): ImportedText {
  const lines = raw.replace(/^\uFEFF/u, "").split(/\r\n|\r|\n/u);
  const drafts = isHardWrapped(lines) ? readWrapped(lines) : readOneParagraphPerLine(lines);
  return assemble(drafts);
}

/**
 * A PDF's text is wrapped at a fixed width, so most of its lines stop mid-sentence; with one
 * paragraph per line, nearly every line ends a sentence. Only lines of six words or more are
 * counted, so that headings and stray short lines do not sway the vote.
 */
function isHardWrapped(lines: string[]): boolean {
  const body = lines.map((line) => line.trim()).filter((line) => wordCount(line) >= 6);
  if (body.length < 2) return false;
  const midSentence = body.filter((line) => !CLAUSE_OVER.test(line)).length;
  return midSentence / body.length > 0.5;
}

/**
 * Some extractions put an empty line after every line of text: there an empty line says
 * nothing about paragraphs, while in ordinary wrapped text it ends one.
 */
function isDoubleSpaced(lines: string[]): boolean {
  const nextToText = lines.flatMap((line, i) => (line.trim() === "" ? [] : [lines[i + 1]]));
  const followed = nextToText.filter((next) => next !== undefined);
  const empty = followed.filter((next) => next === "").length;
  return followed.length > 0 && empty / followed.length > 0.8;
}

/** The width the text was wrapped at: the length of the longest lines, bar a few outliers. */
function wrapWidth(lines: string[]): number {
  const lengths = lines
    .map((line) => line.trim().length)
    .filter((length) => length > 0)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 0;
}

function readWrapped(allLines: string[]): Draft[] {
  const emptyLinesMeanNothing = isDoubleSpaced(allLines);
  const shortLine = 0.9 * wrapWidth(allLines);
  const lines = withoutPageBreaks(allLines, shortLine);
  const drafts: Draft[] = [];
  let open: string[] = [];
  const endParagraph = () => {
    if (open.length > 0) drafts.push(paragraph(joinWrapped(open)));
    open = [];
  };

  for (const raw of lines) {
    const line = raw.trim();
    if (raw === "") {
      if (!emptyLinesMeanNothing) endParagraph();
    } else if (line === "") {
      // A line of spaces alone is where the extraction left out a figure.
      endParagraph();
    } else {
      const block = lineOfItsOwn(line, open.at(-1), shortLine);
      // An indented line opens a paragraph or a page; a page opening in lower case carries on
      // the sentence the previous page broke off.
      if (block !== null || (/^\s/u.test(raw) && !STARTS_LOWER.test(line))) endParagraph();
      if (block !== null) drafts.push({ ...block, text: squash(line) });
      else open.push(line);
    }
  }
  endParagraph();
  return drafts;
}

/** "12", "- 12 -", "Page 12", "12 of 40": a page number on a line of its own (squashed). */
const PAGE_NUMBER = /^(?:page )?[-–—]? ?\d{1,4}(?: ?(?:of|\/) ?\d{1,4})? ?[-–—]?$/iu;

/** A running header reads the same on every page but for its page number: "Harbour Review 3". */
const headKey = (line: string) => line.toLowerCase().replace(/\d+/gu, "#");

/**
 * The lines without what a page break left in the middle of a sentence: the page number, a
 * running header or footer (a short line that repeats), and the empty lines around them, so
 * that the sentence's two halves join up. Anywhere else such a line is left as it is.
 */
function withoutPageBreaks(lines: string[], shortLine: number): string[] {
  const squashed = lines.map(squash);
  const repeats = new Map<string, number>();
  for (const line of squashed) {
    if (line !== "" && line.length < shortLine) {
      repeats.set(headKey(line), (repeats.get(headKey(line)) ?? 0) + 1);
    }
  }
  const pageFurniture = (line: string) =>
    line !== "" &&
    line.length < shortLine &&
    (PAGE_NUMBER.test(line) || (/\p{L}/u.test(line) && (repeats.get(headKey(line)) ?? 0) >= 2));

  const kept: string[] = [];
  let lastText: string | undefined;
  for (let i = 0; i < lines.length; ) {
    // A run of empty lines and page furniture, with at least one line of furniture.
    let end = i;
    let furniture = false;
    while (end < lines.length && (squashed[end] === "" || pageFurniture(squashed[end] as string))) {
      furniture ||= squashed[end] !== "";
      end++;
    }
    const midSentence = lastText !== undefined && !SENTENCE_OVER.test(lastText);
    if (furniture && midSentence && end < lines.length) {
      i = end;
      continue;
    }
    const next = Math.max(end, i + 1);
    for (const [j, line] of lines.slice(i, next).entries()) {
      kept.push(line);
      if (squashed[i + j] !== "") lastText = squashed[i + j];
    }
    i = next;
  }
  return kept;
}

/**
 * Headings and captions stand on a line of their own, shorter than wrapped body lines. A
 * numbered heading also comes where a sentence has just ended, so that a wrapped body line
 * that happens to start with a number ("in" / "1991 the…") stays body text.
 */
function lineOfItsOwn(
  line: string,
  previous: string | undefined,
  shortLine: number,
): Omit<Draft, "text"> | null {
  if (line.length >= shortLine) return null;
  if (CAPTION.test(line)) return { kind: "caption", level: null };
  const number = NUMBERED_HEADING.exec(line)?.[1];
  const afterSentence = previous === undefined || SENTENCE_OVER.test(previous);
  if (number === undefined || !afterSentence || NOT_A_HEADING_END.test(line)) return null;
  return { kind: "heading", level: number.split(".").length };
}

/** Joins wrapped lines with a space; a word hyphenated at a line end ("inter-") is made whole. */
export function joinWrapped(lines: string[]): string {
  // Pieces joined once at the end, and only the text's last characters looked at for a hyphen:
  // testing the whole text so far at every line took quadratic time in a long paragraph.
  const pieces: string[] = [];
  let tail = "";
  for (const line of lines) {
    const last = pieces.length - 1;
    if (last >= 0 && HYPHEN_AT_END.test(tail) && STARTS_LOWER.test(line)) {
      pieces[last] = (pieces[last] as string).slice(0, -1);
      pieces.push(line);
      tail = (tail.slice(0, -1) + line).slice(-3);
    } else {
      const piece = last >= 0 ? ` ${line}` : line;
      pieces.push(piece);
      tail = (tail + piece).slice(-3);
    }
  }
  return squash(pieces.join(""));
}

const LEAD_IN_MAX_LENGTH = 30;
const HEADING_MAX_LENGTH = 100;
const HEADING_MAX_WORDS = 16;

/** A short line without a sentence's punctuation, such as "Conclusion", is a heading. */
function isHeadingLine(line: string): boolean {
  return (
    line.length <= HEADING_MAX_LENGTH &&
    wordCount(line) <= HEADING_MAX_WORDS &&
    /^[\p{Lu}\d]/u.test(line) &&
    !CLAUSE_OVER.test(line)
  );
}

function readOneParagraphPerLine(lines: string[]): Draft[] {
  const drafts: Draft[] = [];
  // A short lead-in ending in a colon ("Read more:") belongs with the line it introduces.
  let leadIn: string | null = null;
  for (const line of lines.map(squash).filter((text) => text !== "")) {
    if (leadIn !== null) {
      drafts.push(paragraph(`${leadIn} ${line}`));
      leadIn = null;
    } else if (line.length <= LEAD_IN_MAX_LENGTH && line.endsWith(":")) {
      leadIn = line;
    } else if (isHeadingLine(line)) {
      drafts.push({ kind: "heading", level: drafts.length === 0 ? 1 : 2, text: line });
    } else {
      drafts.push(paragraph(line));
    }
  }
  if (leadIn !== null) drafts.push(paragraph(leadIn));
  return drafts;
}

function assemble(drafts: Draft[]): ImportedText {
  const blocks: Block[] = [];
  let text = "";
  for (const { kind, level, text: blockText } of drafts) {
    if (text !== "") text += "\n\n";
    blocks.push({ kind, start: text.length, end: text.length + blockText.length, level });
    text += blockText;
  }
  return { text, blocks };
}
