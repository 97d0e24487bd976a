import { z } from "zod";
import { assembleBlocks, type DraftBlock, draftsOf } from "./blocks";
import type { ImportedText } from "./import";

/**
 * What a moderator changes in the preview before a document is stored: a block's kind, two
 * blocks the importer cut apart, or one it left whole. Each edit's index counts the blocks as
 * they stand after the edits before it, as the preview shows them.
 */
const Index = z.number().int().min(0);

export const BlockEdit = z.discriminatedUnion("op", [
  z.object({
    op: z.literal("kind"),
    index: Index,
    kind: z.enum(["heading", "paragraph", "caption"]),
    level: z.number().int().min(1).max(6).optional(),
  }),
  z.object({ op: z.literal("join"), index: Index }),
  z.object({ op: z.literal("split"), index: Index, at: z.number().int().min(0) }),
]);
export type BlockEdit = z.infer<typeof BlockEdit>;

export const MAX_BLOCK_EDITS = 1_000;
export const BlockEdits = z.array(BlockEdit).max(MAX_BLOCK_EDITS);

type Problem = { problem: string };

/** The imported text with the edits made, offsets exact; or the first edit that cannot be made. */
export function applyBlockEdits(
  imported: ImportedText,
  edits: BlockEdit[],
): ImportedText | Problem {
  let drafts = draftsOf(imported);
  for (const [n, edit] of edits.entries()) {
    const next = applyEdit(drafts, edit);
    if ("problem" in next) return { problem: `Edit ${n + 1}: ${next.problem}` };
    drafts = next;
  }
  return assembleBlocks(drafts);
}

function applyEdit(drafts: DraftBlock[], edit: BlockEdit): DraftBlock[] | Problem {
  const block = drafts[edit.index];
  if (!block) return { problem: `there is no block ${edit.index}.` };
  const before = drafts.slice(0, edit.index);
  const after = drafts.slice(edit.index + 1);
  switch (edit.op) {
    case "kind": {
      if (edit.kind !== "heading" && edit.level !== undefined) {
        return { problem: "only a heading has a level." };
      }
      const level = edit.kind === "heading" ? (edit.level ?? block.level ?? 1) : null;
      return [...before, { kind: edit.kind, level, text: block.text }, ...after];
    }
    case "join": {
      const [following, ...rest] = after;
      if (!following) return { problem: `block ${edit.index} is the last; there is none to join.` };
      return [...before, paragraph(`${block.text} ${following.text}`), ...rest];
    }
    case "split": {
      const parts = splitAt(block.text, edit.at);
      if (!parts) {
        return { problem: `block ${edit.index} cannot be split at ${edit.at}: not between words.` };
      }
      return [...before, ...parts.map(paragraph), ...after];
    }
  }
}

const paragraph = (text: string): DraftBlock => ({ kind: "paragraph", level: null, text });

/** Two non-empty halves cut where a space is, so that no word is cut in two. */
function splitAt(text: string, at: number): [string, string] | null {
  if (at <= 0 || at >= text.length) return null;
  if (!/\s/u.test(text[at - 1] ?? "") && !/\s/u.test(text[at] ?? "")) return null;
  const head = text.slice(0, at).trim();
  const tail = text.slice(at).trim();
  return head && tail ? [head, tail] : null;
}
