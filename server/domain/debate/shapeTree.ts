import type { ArgumentShape, MotionRow, Store } from "../../../db/store";
import { type ArgumentNode, everyNode, prunerOfThreads } from "../../../lib/debate";
import type { Viewer } from "./audience";
import { keptOr, treeInTurns } from "./shapeCache";

/** An argument's place in the tree and its times, without its words, quotes or ratings. */
export const shapeOf = (row: ArgumentShape): ArgumentNode => ({
  id: row.id,
  motionId: row.motionId,
  parentId: row.parentId,
  relation: row.relation,
  body: "",
  author: { id: row.authorId, name: row.authorName },
  pseudonym: row.pseudonym,
  status: row.status,
  rejectionReason: null,
  createdAt: row.createdAt.toISOString(),
  editedAt: row.editedAt?.toISOString() ?? null,
  citations: [],
  strength: { mean: null, count: 0 },
  children: [],
});

/** Whether the viewer has a post of their own waiting for a moderator, or turned down. */
export const hasOwnAside = (rows: ArgumentShape[], viewer: Viewer) =>
  rows.some(
    (row) => row.authorId === viewer.id && (row.status === "pending" || row.status === "rejected"),
  );

/**
 * The tree of the shapes of `rows` (what the viewer may read of the motion's), pruned as the whole
 * view prunes it. Readers with nothing of their own waiting or turned down read the same tree
 * (moderators theirs), kept while the debate is unchanged: a big debate's tree takes a while to
 * build. After posts, the tree kept before them grows by them (`grownTree`).
 */
export async function shapeTree(
  store: Store,
  motion: Pick<MotionRow, "id" | "lastSeq">,
  viewer: Viewer,
  rows: ArgumentShape[],
): Promise<ArgumentNode[]> {
  const keepHidden = viewer.moderates;
  const build = () => treeInTurns(rows.map(shapeOf), { keepHidden });
  if (hasOwnAside(rows, viewer)) return build();
  const part = keepHidden ? "moderatorsTree" : "readersTree";
  return keptOr(store, motion, part, async (before) => {
    const tree = await before?.kept.catch(() => undefined);
    if (!before || !tree) return build();
    const posted = new Set(before.posts?.posted ?? []);
    const grown =
      posted.size > 0
        ? grownTree(tree, rows.filter((row) => posted.has(row.id)).map(shapeOf))
        : tree;
    return grown ? rebuiltThreads(grown, rows, shapeOf, before.touched, keepHidden) : build();
  });
}

/**
 * `tree` with each thread that holds one of the arguments `touched` built again from `rows` (what
 * the tree is built from now, in the order read) as a whole build would, the other threads
 * shared: an argument withdrawn, hidden, restored or approved changes its own thread alone.
 */
export function rebuiltThreads<R extends { id: string; parentId: string | null }>(
  tree: ArgumentNode[],
  rows: R[],
  nodeOf: (row: R) => ArgumentNode,
  touched: readonly string[],
  keepHidden: boolean,
): ArgumentNode[] {
  if (touched.length === 0) return tree;
  const parentOf = new Map<string, string | null>();
  const orderOf = new Map<string, number>();
  const repliesTo = new Map<string, R[]>();
  rows.forEach((row, i) => {
    parentOf.set(row.id, row.parentId);
    orderOf.set(row.id, i);
    if (row.parentId === null) return;
    const replies = repliesTo.get(row.parentId);
    if (replies) replies.push(row);
    else repliesTo.set(row.parentId, [row]);
  });
  // One the rows no longer hold (turned down, say) was in the tree: its thread loses it.
  if (touched.some((id) => !parentOf.has(id))) {
    for (const node of everyNode(tree))
      if (!parentOf.has(node.id)) parentOf.set(node.id, node.parentId);
  }
  const threads = new Set<string>();
  for (const id of touched) {
    const top = topOf(id, parentOf);
    if (top !== undefined) threads.add(top);
  }
  const linked = (row: R): ArgumentNode => ({
    ...nodeOf(row),
    children: (repliesTo.get(row.id) ?? []).map(linked),
  });
  const prune = prunerOfThreads(keepHidden);
  const roots = [...tree];
  const placed: ArgumentNode[] = [];
  for (const id of threads) {
    const row = orderOf.has(id) ? rows[orderOf.get(id) as number] : undefined;
    const rebuilt = row ? prune([linked(row)]) : [];
    const at = roots.findIndex((node) => node.id === id);
    if (at >= 0) roots.splice(at, 1, ...rebuilt);
    else placed.push(...rebuilt);
  }
  // A thread the tree did not hold goes where the rows put it, among the threads that stay.
  for (const thread of placed) {
    const order = orderOf.get(thread.id) as number;
    const after = roots.findIndex((node) => (orderOf.get(node.id) ?? -1) > order);
    roots.splice(after < 0 ? roots.length : after, 0, thread);
  }
  return roots;
}

/** The top-level argument above `id`, by way of `parentOf`; undefined where one is not known. */
function topOf(id: string, parentOf: Map<string, string | null>): string | undefined {
  let at = id;
  for (let step = 0; step <= parentOf.size; step += 1) {
    const parent = parentOf.get(at);
    if (parent === undefined) return undefined;
    if (parent === null) return at;
    at = parent;
  }
  return undefined;
}

/**
 * `tree` with the arguments `added` (in the order posted) hung where a whole build of the tree
 * would put them: last under their parent, or last at the top. The nodes on the way from each to
 * the top are copied, the rest shared: other readers may still hold `tree`. Undefined where
 * growing cannot tell what a whole build would: a parent the tree does not hold (pruned, say), an
 * argument that would not come last, one it holds already, or one withdrawn or hidden.
 */
export function grownTree(tree: ArgumentNode[], added: ArgumentNode[]): ArgumentNode[] | undefined {
  const held = new Map<string, ArgumentNode>();
  const hold = (list: ArgumentNode[]) => {
    for (const node of list) {
      held.set(node.id, node);
      hold(node.children);
    }
  };
  hold(tree);
  const roots = [...tree];
  const rootAt = new Map(roots.map((node, i) => [node.id, i]));
  for (const node of added) {
    // Pruning drops only the withdrawn and the hidden: a post waiting for a moderator hangs too.
    if (held.has(node.id) || node.status === "withdrawn" || node.status === "hidden") {
      return undefined;
    }
    if (node.parentId === null) {
      if (!comesAfter(node, roots.at(-1))) return undefined;
      rootAt.set(node.id, roots.length);
      roots.push(node);
      held.set(node.id, node);
      continue;
    }
    const parent = held.get(node.parentId);
    if (!parent || !comesAfter(node, parent.children.at(-1))) return undefined;
    held.set(node.id, node);
    // The parent with the new reply, then each node above it with its copied child in place.
    let was = parent;
    let copy: ArgumentNode = { ...parent, children: [...parent.children, node] };
    held.set(copy.id, copy);
    while (copy.parentId !== null) {
      const above = held.get(copy.parentId);
      if (!above) return undefined;
      const child = copy;
      const replaced = was;
      copy = {
        ...above,
        children: above.children.map((sibling) => (sibling === replaced ? child : sibling)),
      };
      was = above;
      held.set(copy.id, copy);
    }
    const at = rootAt.get(copy.id);
    if (at === undefined) return undefined;
    roots[at] = copy;
  }
  return roots;
}

/**
 * Whether `node` sorts after `last` as the rows are read, by time first. A post is stamped after
 * its motion's newest argument, so it never shares a time with one before it; where it would, a
 * whole build tells their order.
 */
const comesAfter = (node: ArgumentNode, last: ArgumentNode | undefined) =>
  !last || last.createdAt < node.createdAt;
