import { type ArgumentNode, everyNode, repliesToLoad } from "./debate";

/** Long threads: which branches start folded, and where a link to one argument leads. */

/** Whether the reader has read every argument of a branch: the node and all its replies. */
export function branchRead(node: ArgumentNode, isRead: (id: string) => boolean): boolean {
  return isRead(node.id) && node.children.every((child) => branchRead(child, isRead));
}

/**
 * Whether an argument's replies start folded: it has some, and the reader has read them all.
 * A new reply anywhere below keeps the branch open, so it is seen where it was posted. Replies
 * of a big debate the page does not hold yet start folded: they load when opened.
 */
export function foldedByDefault(node: ArgumentNode, isRead: (id: string) => boolean): boolean {
  if (node.children.length === 0) return repliesToLoad(node) > 0;
  return node.children.every((child) => branchRead(child, isRead));
}

/** What the page knows of new arguments it does not hold (see `newRepliesOf`). */
export interface NewOutside {
  /** Of each argument, how many new ones below it the page did not hold when it loaded. */
  atLoad: Readonly<Record<string, number>>;
  /** The arguments the page held when it loaded. */
  heldAtLoad: ReadonlySet<string>;
  /** Whether an argument arrived while the page was open (not new as of the load). */
  arrived: (id: string) => boolean;
  /** Of each argument, those that arrived below it under a branch the page does not hold. */
  arrivedBelow: Readonly<Record<string, string[]>>;
  /** The arguments the page holds now. */
  held: ReadonlySet<string>;
}

/**
 * How many replies below an argument, at any depth, are new to the reader: those the page
 * holds (`isNew`), those it did not hold when it loaded and has not loaded since, and those
 * that arrived under a branch it does not hold.
 */
export function newRepliesOf(
  node: ArgumentNode,
  isNew: (id: string) => boolean,
  outside: NewOutside,
): number {
  const shown = everyNode(node.children).filter((child) => isNew(child.id));
  // Loaded since, a new one counted at the load is now among those shown.
  const loaded = shown.filter(
    (child) => !outside.heldAtLoad.has(child.id) && !outside.arrived(child.id),
  ).length;
  const notLoaded = Math.max(0, (outside.atLoad[node.id] ?? 0) - loaded);
  const arrived = new Set(
    (outside.arrivedBelow[node.id] ?? []).filter((id) => !outside.held.has(id)),
  );
  return shown.length + notLoaded + arrived.size;
}

/**
 * Of each argument, the new ones that arrived below it under a branch the page does not hold:
 * those public now, the reader's own left out (posted elsewhere, they are not new to them), and
 * restored ones too (public before, they are as new as they were then, which their branch tells
 * once it loads).
 */
export function arrivedBelowOf(
  outside: Readonly<
    Record<string, { above: string[]; status: string; authorId: string; restored?: object }>
  >,
  viewerId: string | null,
): Record<string, string[]> {
  const below: Record<string, string[]> = {};
  for (const [id, arrived] of Object.entries(outside)) {
    if (arrived.status !== "published" || arrived.authorId === viewerId || arrived.restored) {
      continue;
    }
    for (const above of arrived.above) below[above] = [...(below[above] ?? []), id];
  }
  return below;
}

/**
 * Of the arguments new to a reader that a page does not hold, those it counts as it loads:
 * the ones public as of the motion's seq it was read at (`seq`). One published since comes in
 * the events replayed after that seq, and is counted as it arrives.
 */
export function newAtSeq(
  ids: readonly string[],
  shapes: readonly { id: string; publishedSeq: number | null }[],
  seq: number,
): string[] {
  const published = new Map(shapes.map((s) => [s.id, s.publishedSeq]));
  return ids.filter((id) => {
    const at = published.get(id);
    return at !== undefined && at !== null && at <= seq;
  });
}

/** Whether an argument's replies show: the reader's own choice first, then what a link opened. */
export function repliesShown(
  node: ArgumentNode,
  isRead: (id: string) => boolean,
  chosen: Readonly<Record<string, boolean>>,
  opened: ReadonlySet<string>,
): boolean {
  return chosen[node.id] ?? (opened.has(node.id) || !foldedByDefault(node, isRead));
}

/** The arguments above one, nearest first: the branches a link to it must unfold. */
export function ancestorsOf(
  argumentId: string,
  args: readonly { id: string; parentId: string | null }[],
): string[] {
  const parents = new Map(args.map((a) => [a.id, a.parentId]));
  const found: string[] = [];
  for (let at = parents.get(argumentId); at && !found.includes(at); at = parents.get(at)) {
    found.push(at);
  }
  return found;
}

/** The element id of an argument on its motion's page; links elsewhere use `#argument-<id>`. */
export const argumentAnchor = (argumentId: string) => `argument-${argumentId}`;

/** The argument a location hash links to (`#argument-<id>`), or null. */
export function linkedArgument(hash: string): string | null {
  const match = /^#argument-([0-9a-f-]{36})$/i.exec(hash);
  return match?.[1] ?? null;
}
