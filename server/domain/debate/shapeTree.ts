import type { ArgumentShape, MotionRow, Store } from "../../../db/store";
import type { ArgumentNode } from "../../../lib/debate";
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
    const posted = new Set(before.posts.posted);
    return grownTree(tree, rows.filter((row) => posted.has(row.id)).map(shapeOf)) ?? build();
  });
}

/**
 * `tree` with the published arguments `added` (in the order posted) hung where a whole build of
 * the tree would put them: last under their parent, or last at the top. The nodes on the way
 * from each to the top are copied, the rest shared: other readers may still hold `tree`.
 * Undefined where growing cannot tell what a whole build would: a parent the tree does not hold
 * (pruned, say), an argument that would not come last, or one it holds already.
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
    if (held.has(node.id) || node.status !== "published") return undefined;
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
