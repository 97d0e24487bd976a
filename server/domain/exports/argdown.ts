import type { ArgumentRelation } from "../../../lib/debate";
import type { DebateView } from "./debateView";
import { numbered, wordsOf } from "./numbering";

/**
 * User text on one Argdown line, read back by @argdown/core as written: line breaks become
 * spaces; what Argdown would take for markup is backslash-escaped: brackets and angle brackets
 * (statements, arguments, relations), # (tags), @ (mentions), * and _ (emphasis), braces (data),
 * parentheses and / (links and comments), a dot or colon touching the next character
 * (".name." and ":name:" are special characters), and + - = at the start (list items, relations).
 */
export const escapeArgdown = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\@#*_[\]<>{}()/]|[.:](?=\S)|^[-+=]/g, (c) => `\\${c}`);

const arrow: Record<ArgumentRelation, "+>" | "->"> = {
  for: "+>",
  supports: "+>",
  against: "->",
  attacks: "->",
};

/**
 * The argument map in Argdown: the motion as the central statement [Motion], each argument as
 * <Arg N> with its words and the passages it quotes, related to the motion (+> for, -> against)
 * or to the argument it answers (+> supports, -> attacks).
 */
export function debateArgdown(view: DebateView): string {
  const { motion } = view;
  const rows = numbered(view);
  const numberOf = new Map(rows.map(({ node, n }) => [node.id, n]));
  const titles = new Map(view.documents.map((d) => [d.id, d.title]));
  const out = [`[Motion]: ${escapeArgdown(motion.title)}`, ""];
  for (const { node, n } of rows) {
    const quoted = node.citations.map(
      (c) => ` “${c.exact}” (${titles.get(c.documentId) ?? "a document"})`,
    );
    const words = `${wordsOf(node)} (${node.author.name}, ${node.relation})${quoted.join("")}`;
    out.push(`<Arg ${n}>: ${escapeArgdown(words)}`);
    const target = node.parentId ? `<Arg ${numberOf.get(node.parentId)}>` : "[Motion]";
    out.push(`  ${arrow[node.relation]} ${target}`, "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
