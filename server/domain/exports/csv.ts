import { sideOf } from "../../../lib/debate";
import { toCsv } from "../csv";
import { type DebateView, flatten } from "./debateView";
import { numbered, wordsOf } from "./numbering";

const fields = [
  "number",
  "parent",
  "relation",
  "side",
  "status",
  "author",
  "created at",
  "edited at",
  "text",
  "quotes",
  "strength",
  "ratings",
  "id",
  "parent id",
];

/**
 * One row per argument, in reading order, as RFC 4180 CSV: its place in the tree (number and
 * parent's number), which side of the motion it serves, its words and the passages it quotes
 * (one per line). Formula cells are neutralised (toCsv).
 */
export function debateCsv(view: DebateView): string {
  const rows = numbered(view);
  const numberOf = new Map(rows.map(({ node, n }) => [node.id, n]));
  const byId = new Map(flatten(view.motion.arguments).map((a) => [a.id, a]));
  return toCsv(
    fields,
    rows.map(({ node, n }) => [
      n,
      node.parentId ? (numberOf.get(node.parentId) ?? "") : "",
      node.relation,
      sideOf(node, byId),
      node.status,
      node.author.name,
      node.createdAt,
      node.editedAt,
      wordsOf(node),
      node.citations.map((c) => c.exact).join("\n"),
      node.strength.mean,
      node.strength.count,
      node.id,
      node.parentId,
    ]),
  );
}
