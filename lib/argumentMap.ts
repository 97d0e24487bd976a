import type { Edge, Node } from "@xyflow/react";
import { hierarchy, tree } from "d3-hierarchy";
import type { ArgumentPageItem } from "./argumentPages";
import type { ArgumentNode, ArgumentRelation, ArgumentView, ListOrder, Strength } from "./debate";
import { strengthSummary } from "./ratingScale";

/** Every card on the map has one size, so the layout needs no measuring. */
export const MAP_CARD = { width: 260, height: 150 };
const GAP = { x: 32, y: 72 };
const EXCERPT_CHARS = 140;

export const MOTION_NODE_ID = "motion";

/**
 * A card of the map: the motion, one argument as the viewer may read it, or, on a big debate,
 * the arguments of a branch not drawn yet ("more"), which open on demand.
 */
export interface MapCard extends Record<string, unknown> {
  kind: "motion" | "argument" | "more";
  relation: ArgumentRelation | null;
  /** The card's relation in words, e.g. "For the motion", "Attacks its parent". */
  relationLabel: string;
  excerpt: string;
  /** As the viewer may see it ("Participant N" in an anonymous motion); none on a placeholder. */
  author: string | null;
  strength: Strength | null;
  strengthLabel: string | null;
  /** Where clicking or pressing Enter on the card goes. */
  href: string;
  /** Hidden or withdrawn, kept wordless because replies hang from it. */
  placeholder: boolean;
  /** Neighbours for the arrow keys. */
  parent: string | null;
  children: string[];
  previous: string | null;
  next: string | null;
  /** On a "more" card: the branch it opens (an argument's id, or a side of the motion). */
  opens?: string;
  /** On a "more" card: how many arguments it stands for, replies at any depth included. */
  count?: number;
  /** On a "more" card: where the list it opens goes on (GET /api/motions/:id/arguments). */
  cursor?: string | null;
}

/**
 * What the map page draws of a debate at first (server/domain/debate/mapSummary.ts): the motion
 * and its arguments as the reader may read them, whole on a small debate. On a big one
 * `arguments` holds the top-level arguments and the first levels of replies within a budget,
 * each held argument counting its replies (`replies`), and `partial` tells what is left.
 */
export interface MapSummary {
  id: string;
  title: string;
  arguments: ArgumentNode[];
  partial?: MapPartial;
}

export interface MapPartial {
  /** The order every list is drawn in, oldest first, so a list goes on where it stopped. */
  order: ListOrder;
  /** Each side's top-level arguments not drawn, and every argument in their branches. */
  sides: Record<"for" | "against", { top: number; all: number }>;
  /** Where each list drawn only in part goes on: by side, or by the argument replied to. */
  cursors: Record<string, string>;
}

/** The page of arguments a "more" card asks for when opened. */
export function morePath(motionId: string, card: MapCard, limit = 100): string {
  const opens = card.opens ?? "";
  const list = isSide(opens) ? `side=${opens}` : `parentId=${encodeURIComponent(opens)}`;
  const after = card.cursor ? `&cursor=${encodeURIComponent(card.cursor)}` : "";
  return `/api/motions/${motionId}/arguments?${list}&order=oldest&view=map&limit=${limit}${after}`;
}

const isSide = (opens: string): opens is "for" | "against" =>
  opens === "for" || opens === "against";

export type MapNode = Node<MapCard>;

/** The map's tree: what the list beside the map shows, the same cards in the same order. */
export interface MapItem {
  id: string;
  card: MapCard;
  children: MapItem[];
}

export interface ArgumentMap {
  nodes: MapNode[];
  edges: Edge[];
  root: MapItem;
  /** How wide and tall the map is drawn at full size (px), so its frame can take its shape. */
  size: { width: number; height: number };
}

export const relationLabels: Record<ArgumentRelation, string> = {
  for: "For the motion",
  against: "Against the motion",
  supports: "Supports its parent",
  attacks: "Attacks its parent",
};

const edgeWords: Record<ArgumentRelation, string> = {
  for: "for",
  against: "against",
  supports: "supports",
  attacks: "attacks",
};

export function excerptOf(text: string, limit = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : limit)}…`;
}

/**
 * The arguments the map draws: the published ones, and a hidden or withdrawn one only as a
 * wordless placeholder while published replies hang from it (drawn or not). Pending and
 * rejected posts are never on the map, not even their authors'.
 */
export function published(nodes: ArgumentNode[]): ArgumentNode[] {
  return nodes.flatMap((node) => {
    const children = published(node.children);
    if (node.status === "published") return [{ ...node, children }];
    const placeholder = node.status === "hidden" || node.status === "withdrawn";
    // Replies not held here count: on a debate drawn in part they are still below it.
    const replied = children.length > 0 || (node.replies?.direct ?? 0) > 0;
    return placeholder && replied ? [{ ...node, children }] : [];
  });
}

/** An argument's replies at any depth, counted where they are not all held. */
const repliesUnder = (node: ArgumentNode): number =>
  node.replies?.all ?? node.children.reduce((sum, child) => sum + 1 + repliesUnder(child), 0);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The card standing for arguments not drawn yet: an argument's replies (those after the ones
 * drawn, if any), or a side's further top-level arguments with their replies.
 */
export function moreItem(
  motionId: string,
  opens: string,
  count: number,
  { cursor = null, after = false }: { cursor?: string | null; after?: boolean } = {},
): MapItem {
  const side = isSide(opens) ? opens : null;
  const words = side
    ? `+${plural(count, "more argument", "more arguments")}`
    : `+${plural(count, after ? "more reply" : "reply", after ? "more replies" : "replies")}`;
  return {
    id: `more:${opens}`,
    card: {
      kind: "more",
      relation: side,
      relationLabel: side ? relationLabels[side] : "Not drawn yet",
      excerpt: words,
      author: null,
      strength: null,
      strengthLabel: null,
      href: side ? `/motions/${motionId}` : `/motions/${motionId}#argument-${opens}`,
      placeholder: false,
      parent: null,
      children: [],
      previous: null,
      next: null,
      opens,
      count,
      cursor,
    },
    children: [],
  };
}

export function cardOf(node: ArgumentView, motionId: string): MapCard {
  const placeholder = node.status !== "published";
  return {
    kind: "argument",
    relation: node.relation,
    relationLabel: relationLabels[node.relation],
    excerpt: placeholder
      ? node.status === "hidden"
        ? "Hidden by a moderator"
        : "Withdrawn by its author"
      : excerptOf(node.body),
    author: placeholder ? null : node.author.name,
    strength: placeholder ? null : node.strength,
    strengthLabel: placeholder ? null : strengthSummary(node.strength),
    href: `/motions/${motionId}#argument-${node.id}`,
    placeholder,
    parent: null,
    children: [],
    previous: null,
    next: null,
  };
}

/** What a card reads as to a screen reader: relation, words, author and strength. */
export function cardLabel(card: MapCard): string {
  if (card.kind === "motion") return `The motion: ${card.excerpt}`;
  if (card.kind === "more") {
    const side = card.relation ? ` ${card.relationLabel.toLowerCase()}` : "";
    return `${card.excerpt}${side}, not drawn yet. Press Enter to draw them.`;
  }
  return [
    `${card.relationLabel}: ${card.excerpt}`,
    card.author ? `by ${card.author}` : null,
    card.strengthLabel,
  ]
    .filter(Boolean)
    .join(". ");
}

/** The motion's card, at the root of the map. */
export const motionItem = (
  motion: { id: string; title: string },
  children: MapItem[],
): MapItem => ({
  id: MOTION_NODE_ID,
  card: {
    kind: "motion",
    relation: null,
    relationLabel: "The motion",
    excerpt: excerptOf(motion.title),
    author: null,
    strength: null,
    strengthLabel: null,
    href: `/motions/${motion.id}`,
    placeholder: false,
    parent: null,
    children: [],
    previous: null,
    next: null,
  },
  children,
});

/**
 * A motion's argument tree as a map: the motion on top, the arguments for it on the left and
 * those against on the right, each reply below what it answers. d3-hierarchy's tidy tree places
 * the cards; the nodes come in reading order (depth first), which is also the Tab order. On a
 * debate drawn in part, a "more" card ends each list with arguments not drawn yet.
 */
export function argumentMap(motion: MapSummary): ArgumentMap {
  const root = mapTree(motion);
  return { ...layOut(root), root };
}

/** The map's tree of cards, "more" cards included, before it is laid out. */
export function mapTree(motion: MapSummary): MapItem {
  const { partial } = motion;
  const toItem = (node: ArgumentNode): MapItem => {
    const children = node.children.map(toItem);
    // What hangs below it and is not below a reply drawn: its replies after those drawn.
    const rest = node.replies
      ? node.replies.all - node.children.reduce((sum, c) => sum + 1 + repliesUnder(c), 0)
      : 0;
    if (partial && rest > 0) {
      const cursor = partial.cursors[node.id] ?? null;
      children.push(
        moreItem(motion.id, node.id, rest, { cursor, after: node.children.length > 0 }),
      );
    }
    return { id: node.id, card: cardOf(node, motion.id), children };
  };
  const drawn = published(motion.arguments);
  const side = (relation: "for" | "against") => {
    const items = drawn.filter((node) => (relation === "for") === (node.relation === "for"));
    const rest = partial?.sides[relation];
    return [
      ...items.map(toItem),
      ...(partial && rest && rest.all > 0
        ? [
            moreItem(motion.id, relation, rest.all, {
              cursor: partial.cursors[relation] ?? null,
              after: items.length > 0,
            }),
          ]
        : []),
    ];
  };
  // For on the left, against on the right; each side keeps the order it was given.
  return motionItem(motion, [...side("for"), ...side("against")]);
}

/** Whether the map draws an argument a page of a list brought: as `published` decides. */
const drawable = (item: ArgumentPageItem) =>
  item.status === "published" ||
  ((item.status === "hidden" || item.status === "withdrawn") && item.replies.all > 0);

/**
 * The map's tree with a "more" card opened: the page of arguments it brought drawn in its place,
 * each with a "more" card of its own for its replies, and the card kept after them while the
 * list goes on. Also the ids of the cards drawn, first to last.
 */
export function withPage(
  root: MapItem,
  motionId: string,
  more: MapCard,
  page: { arguments: ArgumentPageItem[]; nextCursor: string | null },
): { root: MapItem; drawn: string[] } {
  const held = new Set<string>();
  const collect = (item: MapItem) => {
    held.add(item.id);
    item.children.forEach(collect);
  };
  collect(root);
  const opens = more.opens ?? "";
  const brought = page.arguments.filter((item) => drawable(item) && !held.has(item.id));
  const items: MapItem[] = brought.map((item) => ({
    id: item.id,
    card: cardOf(item, motionId),
    children: item.replies.all > 0 ? [moreItem(motionId, item.id, item.replies.all)] : [],
  }));
  const left = (more.count ?? 0) - brought.reduce((sum, item) => sum + 1 + item.replies.all, 0);
  const still = page.nextCursor
    ? [moreItem(motionId, opens, Math.max(left, 1), { cursor: page.nextCursor, after: true })]
    : [];
  const open = (item: MapItem): MapItem => ({
    ...item,
    children: item.children.flatMap((child) =>
      child.id === `more:${opens}` ? [...items, ...still] : [open(child)],
    ),
  });
  return { root: open(root), drawn: items.map((item) => item.id) };
}

/** Every card with its neighbours for the arrow keys, on copies: the tree given is left as it was. */
function linked(
  item: MapItem,
  parent: string | null = null,
  previous: string | null = null,
  next: string | null = null,
): MapItem {
  const children = item.children.map((child, i, all) =>
    linked(child, item.id, all[i - 1]?.id ?? null, all[i + 1]?.id ?? null),
  );
  const card = { ...item.card, parent, previous, next, children: children.map((c) => c.id) };
  return { ...item, card, children };
}

/** The nodes and edges xyflow draws for a map's tree, placed by d3-hierarchy's tidy tree. */
export function layOut(whole: MapItem): Omit<ArgumentMap, "root"> {
  const root = linked(whole);
  const laidOut = tree<MapItem>()
    .nodeSize([MAP_CARD.width + GAP.x, MAP_CARD.height + GAP.y])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.25))(
    hierarchy(root, (item) => item.children),
  );
  // Depth first (eachBefore), not level by level (descendants): the order one reads a tree in.
  const inReadingOrder: (typeof laidOut)[] = [];
  laidOut.eachBefore((d) => {
    inReadingOrder.push(d);
  });
  const nodes: MapNode[] = inReadingOrder.map((d) => ({
    id: d.data.id,
    type: d.data.card.kind,
    // d3 gives each card's centre; xyflow places a node by its top left corner.
    position: { x: (d.x ?? 0) - MAP_CARD.width / 2, y: d.y ?? 0 },
    width: MAP_CARD.width,
    height: MAP_CARD.height,
    data: d.data.card,
    ariaLabel: cardLabel(d.data.card),
    ariaRole: d.data.card.kind === "more" ? "button" : "link",
  }));
  // Each edge runs from an argument to what it answers, as the arrows of an argument map do.
  const edges: Edge[] = laidOut.links().map(({ source, target }) => {
    const id = `${target.data.id}->${source.data.id}`;
    if (target.data.card.kind === "more") {
      // What is not drawn yet hangs by a faint dotted line, saying nothing of how it argues.
      return {
        id,
        source: target.data.id,
        target: source.data.id,
        style: { stroke: "var(--muted)", strokeWidth: 1.5, strokeDasharray: "2 4" },
      };
    }
    const relation = target.data.card.relation as ArgumentRelation;
    const opposes = relation === "against" || relation === "attacks";
    const mean = target.data.card.strength?.mean ?? 0;
    const colour = opposes ? "var(--against)" : "var(--for)";
    return {
      id,
      source: target.data.id,
      target: source.data.id,
      label: edgeWords[relation],
      // Colour and dashes both say which way it argues, and the label says it in words.
      style: {
        stroke: colour,
        strokeWidth: 1.5 + mean * 0.75,
        strokeDasharray: opposes ? "6 4" : undefined,
      },
      markerEnd: { type: "arrowclosed", color: colour },
      data: { relation },
    };
  });
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  const width = Math.max(...xs) - Math.min(...xs) + MAP_CARD.width;
  const height = Math.max(...ys) - Math.min(...ys) + MAP_CARD.height;
  return { nodes, edges, size: { width, height } };
}
