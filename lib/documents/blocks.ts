import type { Block, BlockKind, ImportedText } from "./import";

/** A block before it has a place in the canonical text: its kind, depth and words. */
export interface DraftBlock {
  kind: BlockKind;
  level: number | null;
  text: string;
}

/** Whitespace runs (newlines, tabs, no-break spaces) become one space; the ends are trimmed. */
export const squash = (text: string) => text.replace(/\s+/gu, " ").trim();

/**
 * Joins blocks into one canonical text, a blank line between each, as importPlainText does, and
 * gives each block its exact offsets in it. Empty blocks are left out: they have no place.
 */
export function assembleBlocks(drafts: DraftBlock[]): ImportedText {
  const blocks: Block[] = [];
  let text = "";
  for (const { kind, level, text: blockText } of drafts) {
    if (blockText === "") continue;
    if (text !== "") text += "\n\n";
    blocks.push({ kind, start: text.length, end: text.length + blockText.length, level });
    text += blockText;
  }
  return { text, blocks };
}

/** The blocks of an imported text as drafts again, to be changed and assembled anew. */
export function draftsOf({ text, blocks }: ImportedText): DraftBlock[] {
  return blocks.map(({ kind, level, start, end }) => ({
    kind,
    level,
    text: text.slice(start, end),
  }));
}
