import type { Edge, Node } from "@xyflow/react";
import { hierarchy, tree } from "d3-hierarchy";
import type { ArgumentNode, ArgumentRelation, Strength } from "./debate";

/** Every card on the map has one size, so the layout needs no measuring. */
export const MAP_CARD = { width: 260, height: 150 };
const GAP = { x: 32, y: 72 };
const EXCERPT_CHARS = 140;

export const MOTION_NODE_ID = "motion";

/** A card of the map: the motion, or one argument as the viewer may read it. */
export interface MapCard extends Record<string, unknown> {
  kind: "motion" | "argument";
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
}

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
  /** How tall the map is for its width, so its frame can take the map's shape. */
  aspect: number;
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

export const strengthLabel = (s: Strength) =>
  s.mean === null
    ? "Not rated yet"
    : `Strength ${s.mean.toFixed(1)} of 4, ${s.count} rating${s.count === 1 ? "" : "s"}`;

/**
 * The arguments the map draws: the published ones, and a hidden or withdrawn one only as a
 * wordless placeholder while published replies hang from it. Pending and rejected posts are
 * never on the map, not even their authors'.
 */
function published(nodes: ArgumentNode[]): ArgumentNode[] {
  return nodes.flatMap((node) => {
    const children = published(node.children);
    if (node.status === "published") return [{ ...node, children }];
    const placeholder = node.status === "hidden" || node.status === "withdrawn";
    return placeholder && children.length > 0 ? [{ ...node, children }] : [];
  });
}

function cardOf(node: ArgumentNode, motionId: string): MapCard {
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
    strengthLabel: placeholder ? null : strengthLabel(node.strength),
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
  return [
    `${card.relationLabel}: ${card.excerpt}`,
    card.author ? `by ${card.author}` : null,
    card.strengthLabel,
  ]
    .filter(Boolean)
    .join(". ");
}

/**
 * A motion's argument tree as a map: the motion on top, the arguments for it on the left and
 * those against on the right, each reply below what it answers. d3-hierarchy's tidy tree places
 * the cards; the nodes come in reading order (depth first), which is also the Tab order.
 */
export function argumentMap(motion: {
  id: string;
  title: string;
  arguments: ArgumentNode[];
}): ArgumentMap {
  const shown = published(motion.arguments);
  // For on the left, against on the right; each side keeps the order it was given.
  const firstLevel = [
    ...shown.filter((a) => a.relation === "for"),
    ...shown.filter((a) => a.relation !== "for"),
  ];
  const toItem = (node: ArgumentNode): MapItem => ({
    id: node.id,
    card: cardOf(node, motion.id),
    children: node.children.map(toItem),
  });
  const root: MapItem = {
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
    children: firstLevel.map(toItem),
  };
  const link = (item: MapItem, parent: MapItem | null) => {
    item.card.parent = parent?.id ?? null;
    item.card.children = item.children.map((c) => c.id);
    item.children.forEach((child, i) => {
      child.card.previous = item.children[i - 1]?.id ?? null;
      child.card.next = item.children[i + 1]?.id ?? null;
      link(child, item);
    });
  };
  link(root, null);

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
    ariaRole: "link",
  }));
  // Each edge runs from an argument to what it answers, as the arrows of an argument map do.
  const edges: Edge[] = laidOut.links().map(({ source, target }) => {
    const relation = target.data.card.relation as ArgumentRelation;
    const opposes = relation === "against" || relation === "attacks";
    const mean = target.data.card.strength?.mean ?? 0;
    const colour = opposes ? "var(--against)" : "var(--for)";
    return {
      id: `${target.data.id}->${source.data.id}`,
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
  return { nodes, edges, root, aspect: height / width };
}
