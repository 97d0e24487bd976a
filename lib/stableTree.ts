import { type ArgumentNode, everyNode } from "./debate";

/**
 * The new tree with every node that did not change taken from the previous one, the very same
 * object: a node is unchanged when each of its fields is the same value or object as before
 * and its replies are the same nodes in the same order. A live event then gives new objects
 * only along the path to what it changed, so a renderer that compares by identity redraws
 * that path alone.
 */
export function reuseUnchanged(previous: ArgumentNode[], next: ArgumentNode[]): ArgumentNode[] {
  const before = new Map(everyNode(previous).map((node) => [node.id, node]));
  const reuse = (nodes: ArgumentNode[]): ArgumentNode[] =>
    nodes.map((node) => {
      const children = reuse(node.children);
      const old = before.get(node.id);
      const candidate = { ...node, children };
      return old && sameNode(old, candidate) ? old : candidate;
    });
  const reused = reuse(next);
  return reused.length === previous.length && reused.every((node, i) => node === previous[i])
    ? previous
    : reused;
}

function sameNode(a: ArgumentNode, b: ArgumentNode): boolean {
  const keys = Object.keys(b) as (keyof ArgumentNode)[];
  if (keys.length !== Object.keys(a).length) return false;
  return keys.every((key) =>
    key === "children"
      ? a.children.length === b.children.length && a.children.every((c, i) => c === b.children[i])
      : a[key] === b[key],
  );
}
