import type { ArgumentNode } from "../../../lib/debate";
import { type DebateView, flatten } from "./debateView";

/** The arguments in reading order, numbered from 1 ("Arg 3" in every format). */
export function numbered(view: DebateView): { node: ArgumentNode; n: number }[] {
  return flatten(view.motion.arguments).map((node, i) => ({ node, n: i + 1 }));
}

/** What stands in for the words of an argument the viewer may not read, or that are gone. */
export function wordsOf(node: ArgumentNode): string {
  if (node.status === "withdrawn") return "(withdrawn by its author)";
  if (node.status === "hidden" && node.body === "") return "(hidden by a moderator)";
  return node.body;
}
