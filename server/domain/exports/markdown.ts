import type { ArgumentNode, ArgumentRelation, CitationView, Tally } from "../../../lib/debate";
import type { DebateView } from "./debateView";
import { numbered, wordsOf } from "./numbering";

/**
 * User text as Markdown that reads as written: every character Markdown (or the HTML inside it)
 * would act on is backslash-escaped, so a body can neither format the report nor inject markup.
 */
export const escapeMarkdown = (text: string) =>
  text
    .replace(/[\\`*_{}[\]<>#|~&]/g, (c) => `\\${c}`)
    // What starts a list item or an underline only does so at the start of a line.
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");

/** Lines of user text, each escaped, for a place that is indented by `indent`. */
const lines = (text: string, indent: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => `${indent}${escapeMarkdown(line)}`);

const relationLabel: Record<ArgumentRelation, string> = {
  for: "For",
  against: "Against",
  supports: "Supports",
  attacks: "Attacks",
};

function quotes(citations: CitationView[], indent: string, view: DebateView): string[] {
  const titles = new Map(view.documents.map((d) => [d.id, d.title]));
  return citations.flatMap((c) => [
    `${indent}> ${lines(c.exact, "").join(" ")}`,
    `${indent}> — ${escapeMarkdown(titles.get(c.documentId) ?? "a document")}`,
    "",
  ]);
}

const tallyLine = (label: string, t: Tally) =>
  `| ${label} | ${t.for} | ${t.against} | ${t.undecided} |`;

// A report is read by people: a date as they write it, in UTC so every reader sees the same.
const exportedOn = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "UTC",
});

/** A readable report: the motion, its sources, the result, and the tree with its quotes. */
export function debateMarkdown(view: DebateView): string {
  const { motion, result } = view;
  const numberOf = new Map(numbered(view).map(({ node, n }) => [node.id, n]));
  const out: string[] = [`# ${escapeMarkdown(motion.title)}`, ""];
  out.push(
    `Status: ${motion.status}. Exported ${exportedOn.format(new Date(view.exportedAt))} UTC.`,
    "",
  );
  if (motion.description) out.push(...lines(motion.description, ""), "");
  if (motion.sources.length > 0) {
    out.push("## Drawn from", "");
    for (const source of motion.sources) {
      out.push(`> ${lines(source.exact, "").join(" ")}`);
      out.push(`> — ${escapeMarkdown(source.documentTitle)}`, "");
    }
  }
  out.push("## Result", "");
  out.push(
    result.sentence
      ? `${result.sentence}.`
      : "No result yet: nobody has voted both before and after.",
    "",
  );
  out.push("| Vote | For | Against | Undecided |", "| --- | --- | --- | --- |");
  out.push(tallyLine("Before", motion.votes.before), tallyLine("After", motion.votes.after), "");
  if (view.movers && view.movers.length > 0) {
    out.push("Who voted:", "");
    for (const m of view.movers) {
      out.push(`- ${escapeMarkdown(m.user.name)}: ${m.before ?? "—"} → ${m.after ?? "—"}`);
    }
    out.push("");
  }
  out.push(...opinionLines(view, numberOf), "## Arguments", "");
  if (motion.arguments.length === 0) out.push("Nobody has argued yet.", "");
  const walk = (nodes: ArgumentNode[], depth: number) => {
    for (const node of nodes) {
      const indent = "  ".repeat(depth);
      const status = node.status === "published" ? "" : ` (${node.status})`;
      const when = node.createdAt.slice(0, 10);
      out.push(
        `${indent}- **${numberOf.get(node.id)}. ${relationLabel[node.relation]}**${status} — ${escapeMarkdown(node.author.name)}, ${when}`,
        "",
      );
      out.push(...lines(wordsOf(node), `${indent}  `), "");
      out.push(...quotes(node.citations, `${indent}  `, view));
      walk(node.children, depth + 1);
    }
  };
  walk(motion.arguments, 0);
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

const share = (value: number) => `${Math.round(value * 100)}%`;

/** The room's opinion groups, naming arguments by their numbers in this file. */
function opinionLines(view: DebateView, numberOf: Map<string, number>): string[] {
  const { opinions } = view;
  if (!opinions || opinions.groups.length === 0) return [];
  const named = (id: string) => `argument ${numberOf.get(id) ?? "?"}`;
  const out = ["## Opinion groups", ""];
  out.push(
    `${opinions.participants} participants: ${opinions.groups.map((g) => `${g.label} (${g.size})`).join(", ")}.`,
    "",
  );
  if (opinions.consensus.length > 0) {
    out.push("Every group agrees:", "");
    for (const c of opinions.consensus)
      out.push(`- ${named(c.argumentId)} (${share(c.agreeShare)} agree)`);
    out.push("");
  }
  if (opinions.divisive.length > 0) {
    out.push("What divides them:", "");
    for (const d of opinions.divisive) {
      const shares = Object.entries(d.byGroup).map(([g, v]) => `Group ${g} ${share(v)}`);
      out.push(`- ${named(d.argumentId)} (${shares.join(", ")} agree)`);
    }
    out.push("");
  }
  return out;
}
