export type BlockKind = "heading" | "paragraph" | "caption";

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** A heading's depth: 1 for a title or "1.", 2 for "2.1."; null for other kinds. */
  level: number | null;
}

export interface ImportedText {
  text: string;
  blocks: Block[];
}

type Draft = { kind: BlockKind; level: number | null; text: string };

const SENTENCE_OVER = /[.!?…]["'”’)\]]*$/;
const SENTENCE_END = /[.!?…:;,]["'”’)\]]*$/;
// "1. Introduction", "2.1. Title" and "2.1 Title"; not "20 years", nor "1. the" in a sentence.
const NUMBERED_HEADING = /^(\d+(?:\.\d+)*\.|\d+(?:\.\d+)+)\s+\p{Lu}/u;
const CAPTION = /^(?:Figure|Fig\.|Table)\s+\d+[.:]?\s+\p{Lu}/u;
const HYPHEN_AT_END = /\p{L}-$/u;
const STARTS_LOWER = /^\p{Ll}/u;

/** Whitespace runs (newlines, tabs, no-break spaces) become one space; the ends are trimmed. */
const squash = (text: string) => text.replace(/\s+/gu, " ").trim();

/** Turns raw text into one canonical text of blocks joined by a blank line, with offsets. */
export function importPlainText(raw: string): ImportedText {
  const lines = raw.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const drafts = isHardWrapped(lines) ? readWrapped(lines) : readLinePerParagraph(lines);
  return assemble(drafts);
}

/**
 * Text extracted from a PDF is hard-wrapped: most lines stop mid-sentence. Text with one
 * paragraph per line has most lines end a sentence. Counting the two tells them apart.
 */
function isHardWrapped(lines: string[]): boolean {
  const body = lines.map((l) => l.trim()).filter((l) => l.split(" ").length >= 6);
  if (body.length < 2) return false;
  const midSentence = body.filter((l) => !SENTENCE_END.test(l)).length;
  return midSentence / body.length > 0.5;
}

/**
 * Some extractions put an empty line after every line of text; then an empty line says
 * nothing about paragraphs. Elsewhere an empty line ends a paragraph.
 */
function isDoubleSpaced(lines: string[]): boolean {
  let text = 0;
  let followedByEmpty = 0;
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    text += 1;
    if (i + 1 < lines.length && lines[i + 1] === "") followedByEmpty += 1;
  });
  return text > 0 && followedByEmpty / text > 0.8;
}

/** The width the text was wrapped at: the longest lines, ignoring a few outliers. */
function wrapWidth(lines: string[]): number {
  const lengths = lines
    .map((l) => l.trimEnd().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 0;
}

/**
 * A numbered heading stands on a line of its own where a paragraph may begin (after a sentence
 * has ended), shorter than a full line and without a sentence's final punctuation.
 */
function headingLevel(line: string, width: number, afterSentence: boolean): number | null {
  const match = NUMBERED_HEADING.exec(line);
  if (!match?.[1] || !afterSentence || line.length >= width || /[.,;:]$/.test(line)) return null;
  return match[1].split(".").filter(Boolean).length;
}

function readWrapped(lines: string[]): Draft[] {
  const doubleSpaced = isDoubleSpaced(lines);
  const width = wrapWidth(lines);
  const drafts: Draft[] = [];
  let paragraph: string[] = [];

  const endParagraph = () => {
    if (paragraph.length > 0)
      drafts.push({ kind: "paragraph", level: null, text: joinLines(paragraph) });
    paragraph = [];
  };

  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (rawLine === "") {
      if (!doubleSpaced) endParagraph();
      continue;
    }
    if (line === "") {
      // A line of spaces alone is where a figure stood: it ends the paragraph.
      endParagraph();
      continue;
    }
    const previous = paragraph.at(-1);
    const level = headingLevel(line, width, previous === undefined || SENTENCE_OVER.test(previous));
    if (level !== null || CAPTION.test(line)) {
      endParagraph();
      drafts.push({ kind: level === null ? "caption" : "heading", level, text: squash(line) });
      continue;
    }
    // An indented line starts a paragraph, or a page: a page that starts in lower case
    // carries on the sentence the last page broke off.
    if (/^\s/.test(rawLine) && !STARTS_LOWER.test(line)) endParagraph();
    paragraph.push(line);
  }
  endParagraph();
  return drafts;
}

/** Joins wrapped lines with a space, or without the hyphen of a word broken at a line end. */
function joinLines(lines: string[]): string {
  let text = "";
  for (const line of lines) {
    if (text === "") text = line;
    else if (HYPHEN_AT_END.test(text) && STARTS_LOWER.test(line)) text = text.slice(0, -1) + line;
    else text = `${text} ${line}`;
  }
  return squash(text);
}

const LEAD_IN = 30;
const HEADING_MAX_LENGTH = 100;
const HEADING_MAX_WORDS = 16;

function isLinearHeading(line: string): boolean {
  return (
    line.length <= HEADING_MAX_LENGTH &&
    line.split(" ").length <= HEADING_MAX_WORDS &&
    /^[\p{Lu}\d]/u.test(line) &&
    !SENTENCE_END.test(line)
  );
}

function readLinePerParagraph(lines: string[]): Draft[] {
  const texts = lines.map(squash).filter((line) => line !== "");
  const drafts: Draft[] = [];
  for (let i = 0; i < texts.length; i++) {
    const line = texts[i] as string;
    const next = texts[i + 1];
    // A short lead-in ending in a colon ("Read more:") belongs to the line it introduces.
    if (next !== undefined && line.length <= LEAD_IN && line.endsWith(":")) {
      drafts.push({ kind: "paragraph", level: null, text: `${line} ${next}` });
      i += 1;
    } else if (isLinearHeading(line)) {
      drafts.push({ kind: "heading", level: i === 0 ? 1 : 2, text: line });
    } else {
      drafts.push({ kind: "paragraph", level: null, text: line });
    }
  }
  return drafts;
}

function assemble(drafts: Draft[]): ImportedText {
  const blocks: Block[] = [];
  let text = "";
  for (const draft of drafts) {
    if (text !== "") text += "\n\n";
    blocks.push({
      kind: draft.kind,
      level: draft.level,
      start: text.length,
      end: text.length + draft.text.length,
    });
    text += draft.text;
  }
  return { text, blocks };
}
