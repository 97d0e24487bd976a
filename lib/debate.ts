import { z } from "zod";
import { PhaseLengths } from "./phases";

export const MotionStatus = z.enum(["draft", "open", "closed", "archived"]);
export type MotionStatus = z.infer<typeof MotionStatus>;

export const MotionSettings = z.object({
  evidenceRequired: z.boolean(),
  approvalRequired: z.boolean(),
  anonymous: z.boolean(),
  format: z.enum(["free", "oxford"]),
  /** A structured debate's phase lengths, when the moderator set them before the start. */
  phaseSeconds: PhaseLengths.optional(),
});
export type MotionSettings = z.infer<typeof MotionSettings>;

/** A new motion's settings; the demo's motions ask for evidence (db/demo/library.ts). */
export const defaultMotionSettings: MotionSettings = {
  evidenceRequired: false,
  approvalRequired: false,
  anonymous: false,
  format: "free",
};

/** "for"/"against" answer the motion; "supports"/"attacks" answer a parent argument. */
export const ArgumentRelation = z.enum(["for", "against", "supports", "attacks"]);
export type ArgumentRelation = z.infer<typeof ArgumentRelation>;

/** "retracted": withdrawn by its author before anyone else saw it (pending or rejected). */
export const ArgumentStatus = z.enum([
  "published",
  "pending",
  "rejected",
  "hidden",
  "withdrawn",
  "retracted",
]);
export type ArgumentStatus = z.infer<typeof ArgumentStatus>;

export const VotePhase = z.enum(["before", "after"]);
export type VotePhase = z.infer<typeof VotePhase>;

export const Stance = z.enum(["for", "against", "undecided"]);
export type Stance = z.infer<typeof Stance>;

/** Whether a participant agrees with an argument: apart from how strong they find it. */
export const AgreementStance = z.enum(["agree", "disagree", "pass"]);
export type AgreementStance = z.infer<typeof AgreementStance>;

/** How many participants agree, disagree or pass on an argument; never who. */
export type AgreementCounts = Record<AgreementStance, number>;

/** Who took which stance on an argument, by name: for moderators of a motion not anonymous. */
export interface WhoAgreed {
  argumentId: string;
  people: { user: { id: string; name: string }; stance: AgreementStance }[];
}

/** The counts of these stances. */
export function agreementOf(stances: Iterable<AgreementStance>): AgreementCounts {
  const counts: AgreementCounts = { agree: 0, disagree: 0, pass: 0 };
  for (const stance of stances) counts[stance] += 1;
  return counts;
}

/**
 * Where a cited passage stands in its document's current version: at its place ("exact"),
 * found elsewhere ("moved"), near but not the same ("fuzzy", to review), gone ("orphaned"), or
 * taken off its argument by a moderator ("detached").
 */
export type AnchorState = "exact" | "moved" | "fuzzy" | "orphaned" | "detached";

/** A quote selector into one version of a document, as an argument cites it. */
export interface CitationView {
  documentId: string;
  versionId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /** Where the passage is in the document's current version (null offsets: orphaned). */
  anchor: {
    status: AnchorState;
    confidence: number;
    versionId: string | null;
    start: number | null;
    end: number | null;
    /** What the current version says there, when it is not the quote (fuzzy, or reviewed). */
    text?: string;
  };
}

export interface Strength {
  /** The mean of the ratings, 0 to 4; null while nobody has rated. */
  mean: number | null;
  count: number;
}

export interface ArgumentView {
  id: string;
  motionId: string;
  parentId: string | null;
  relation: ArgumentRelation;
  /** Empty once withdrawn: the placeholder keeps the tree's shape, not the words. */
  body: string;
  author: { id: string; name: string };
  /** The author's number in this motion: "Participant N" where the motion is anonymous. */
  pseudonym: number;
  status: ArgumentStatus;
  /** Why a moderator rejected it; only its author and the moderators ever hold a rejected one. */
  rejectionReason: string | null;
  createdAt: string;
  editedAt: string | null;
  citations: CitationView[];
  /** Quotes a moderator detached because the document no longer says them. */
  detached?: string[];
  strength: Strength;
  /**
   * How many participants agree, disagree or pass on it; absent in events logged before
   * agreement was kept, where it reads as none.
   */
  agreement?: AgreementCounts;
  /**
   * How many replies it has, at any depth and directly under it, where a big debate's page holds
   * only some of them; absent where every reply is held.
   */
  replies?: ReplyCounts;
  /** The seq of the event that made it public, where a page loads it after the reading began. */
  publishedSeq?: number | null;
}

export interface ReplyCounts {
  all: number;
  direct: number;
  /**
   * When its thread last changed (see `latestActivity`), replies not held included: what the
   * "Latest activity" order sorts it by.
   */
  latest?: string;
}

/**
 * Where a new argument stands in a debate a page may hold only part of: the arguments above
 * it, top-level first, and the side of the motion it serves.
 */
export interface ArgumentPlace {
  above: string[];
  side: "for" | "against";
}

export interface ArgumentNode extends ArgumentView {
  children: ArgumentNode[];
}

export type Tally = Record<Stance, number>;
export interface VoteTally {
  before: Tally;
  after: Tally;
}

export const emptyTally = (): VoteTally => ({
  before: { for: 0, against: 0, undecided: 0 },
  after: { for: 0, against: 0, undecided: 0 },
});

/**
 * Arranges flat arguments into the tree a motion shows. A withdrawn argument, or a hidden one
 * (unless the reader moderates: `keepHidden`), stays as a placeholder while it has replies, and
 * goes once nothing hangs from it.
 */
export function buildArgumentTree(
  rows: ArgumentView[],
  { keepHidden = false } = {},
): ArgumentNode[] {
  const nodes = new Map(rows.map((row) => [row.id, { ...row, children: [] as ArgumentNode[] }]));
  return prunerOfThreads(keepHidden)(linkedRoots(nodes));
}

/** Hangs each node under its parent (one it does not hold is dropped): the top-level ones. */
export function linkedRoots(nodes: Map<string, ArgumentNode>): ArgumentNode[] {
  const roots: ArgumentNode[] = [];
  for (const node of nodes.values()) {
    if (node.parentId === null) roots.push(node);
    else nodes.get(node.parentId)?.children.push(node);
  }
  return roots;
}

/** Drops from threads what a reader no longer sees, keeping placeholders that have replies. */
export function prunerOfThreads(keepHidden: boolean) {
  const prune = (list: ArgumentNode[]): ArgumentNode[] =>
    list.flatMap((node) => {
      const children = prune(node.children);
      const gone = node.status === "withdrawn" || (node.status === "hidden" && !keepHidden);
      // A placeholder stays while it has replies, held here or not.
      const replied = children.length > 0 || (node.replies?.direct ?? 0) > 0;
      return gone && !replied ? [] : [{ ...node, children }];
    });
  return prune;
}

export const ArgumentOrder = z.enum(["strength", "newest", "replies", "activity"]);
export type ArgumentOrder = z.infer<typeof ArgumentOrder>;

/** Every node of a tree, each before its replies. */
export function everyNode(nodes: ArgumentNode[]): ArgumentNode[] {
  // Into one list as it goes: a big debate's tree has thousands of nodes.
  const all: ArgumentNode[] = [];
  const visit = (list: ArgumentNode[]) => {
    for (const node of list) {
      all.push(node);
      visit(node.children);
    }
  };
  visit(nodes);
  return all;
}

/** How many replies hang below an argument, at any depth, held or not. */
export const replyCount = (node: ArgumentNode): number =>
  node.replies?.all ?? node.children.reduce((sum, child) => sum + 1 + replyCount(child), 0);

/** How many replies an argument has that the page does not hold yet. */
export const repliesToLoad = (node: ArgumentNode): number =>
  Math.max(0, (node.replies?.direct ?? 0) - node.children.length);

/**
 * When a thread last changed: the newest post or edit of the argument and of all its replies,
 * so a long-quiet argument with a fresh reply deep down comes back to the top.
 */
export function latestActivity(node: ArgumentNode): string {
  // ISO timestamps sort as text. Where the page holds only part of the thread, the server says.
  const times = [
    node.createdAt,
    node.editedAt ?? "",
    node.replies?.latest ?? "",
    ...node.children.map(latestActivity),
  ];
  return times.sort().at(-1) ?? node.createdAt;
}

/** The orders a list of arguments can be read in: the page's, and "oldest" (the tree's own). */
export const ListOrder = z.enum([...ArgumentOrder.options, "oldest"]);
export type ListOrder = z.infer<typeof ListOrder>;

/**
 * Where an argument stands in an order: `rank`, compared field by field, largest first; ties keep
 * the older argument first, then go by id, so every order is total and a list read in pages
 * can resume after any argument.
 */
export interface SortKey {
  rank: (number | string)[];
  createdAt: string;
  id: string;
}

/** Where a strength ranks in "Strongest first": by its mean, then by how many rated. */
export const strengthRank = (strength: Strength): number[] => [strength.mean ?? -1, strength.count];

const ranks: Record<ListOrder, (node: ArgumentNode) => (number | string)[]> = {
  strength: (node) => strengthRank(node.strength),
  newest: (node) => [node.createdAt],
  replies: (node) => [replyCount(node)],
  activity: (node) => [latestActivity(node)],
  oldest: () => [],
};

export const sortKey = (node: ArgumentNode, order: ListOrder): SortKey => ({
  rank: ranks[order](node),
  createdAt: node.createdAt,
  id: node.id,
});

const ascending = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

/** Negative when rank `a` comes first (ranks higher), 0 when the two tie. */
export function compareRanks(a: SortKey["rank"], b: SortKey["rank"]): number {
  for (let i = 0; i < a.length; i++) {
    const byRank = ascending(b[i] ?? "", a[i] ?? "");
    if (byRank !== 0) return byRank;
  }
  return 0;
}

/** Negative when `a` comes first. */
export function compareKeys(a: SortKey, b: SortKey): number {
  return (
    compareRanks(a.rank, b.rank) || ascending(a.createdAt, b.createdAt) || ascending(a.id, b.id)
  );
}

/** Arguments in an order, each key worked out once. */
export function sortArguments(nodes: ArgumentNode[], order: ListOrder): ArgumentNode[] {
  return nodes
    .map((node) => ({ node, key: sortKey(node, order) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ node }) => node);
}

/** The tree with every level sorted (see `sortKey`). */
export function sortArgumentTree(nodes: ArgumentNode[], order: ListOrder): ArgumentNode[] {
  return sortArguments(nodes, order).map((node) => ({
    ...node,
    children: sortArgumentTree(node.children, order),
  }));
}

/**
 * Which side of the motion an argument serves: a top-level argument's own, kept by a reply
 * that supports its parent and turned over by one that attacks it.
 */
export function sideOf<A extends Pick<ArgumentView, "relation" | "parentId">>(
  argument: A,
  byId: Map<string, A>,
): "for" | "against" {
  if (argument.relation === "for" || argument.relation === "against") return argument.relation;
  const parent = argument.parentId ? byId.get(argument.parentId) : undefined;
  return sideOfReply(parent ? sideOf(parent, byId) : "for", argument.relation);
}

/** The side a reply serves, from its parent's: kept by one that supports it, else turned over. */
export function sideOfReply(
  parentSide: "for" | "against",
  relation: ArgumentRelation,
): "for" | "against" {
  if (relation === "supports") return parentSide;
  return parentSide === "for" ? "against" : "for";
}

/** Where a cited passage stands now: its document and its offsets in the current version. */
export interface CitedSpot {
  documentId: string;
  start: number;
  end: number;
}

/**
 * Where a public argument's passages stood before they moved (a document's new version, a
 * moderator's review), and the side of the motion it serves: what a page that neither holds nor
 * counts the argument apart moves in its counts of cited passages.
 */
export interface MovedPassages {
  side: "for" | "against";
  was: CitedSpot[];
}

/** A passage arguments cite, where it stands now, with how many cite it on each side. */
export interface CitedPassage extends CitedSpot {
  for: number;
  against: number;
}

/** What `citedPassages` reads of an argument. */
export type CitingArgument = Pick<ArgumentView, "id" | "parentId" | "relation" | "status"> & {
  citations: { documentId: string; anchor: { start: number | null; end: number | null } }[];
};

/**
 * Each cited passage once, where it stands in its document's current version, with how many
 * arguments for and against the motion cite it. An orphaned citation is nowhere, so not counted.
 */
export function citedPassages(args: CitingArgument[]): CitedPassage[] {
  const side = sidesOf(args);
  const cites: Cite[] = [];
  for (const argument of args) {
    if (argument.status !== "published") continue;
    for (const { documentId, anchor } of argument.citations) {
      cites.push({ documentId, start: anchor.start, end: anchor.end, side: side(argument.id) });
    }
  }
  return countCites(cites);
}

/** One citation by a published argument, where it stands now, and the side its argument serves. */
export interface Cite {
  documentId: string;
  start: number | null;
  end: number | null;
  side: "for" | "against";
}

/**
 * Each passage of `cites` once, counted by side, in document order (see `citedPassages`), on top
 * of the counts `from` where given.
 */
export function countCites(cites: Iterable<Cite>, from: CitedPassage[] = []): CitedPassage[] {
  const passages = new Map<string, CitedPassage>();
  for (const passage of from) {
    passages.set(`${passage.documentId}:${passage.start}:${passage.end}`, { ...passage });
  }
  // Counted where each passage is now, in its document's current version.
  for (const { documentId, start, end, side } of cites) {
    if (start === null || end === null) continue;
    const key = `${documentId}:${start}:${end}`;
    const passage = passages.get(key) ?? { documentId, start, end, for: 0, against: 0 };
    passage[side] += 1;
    passages.set(key, passage);
  }
  return [...passages.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * `sideOf` for each of `args` by id, each worked out once: a big debate's replies share the
 * threads above them.
 */
export function sidesOf(
  args: Iterable<Pick<ArgumentView, "id" | "relation" | "parentId">>,
): (id: string) => "for" | "against" {
  const byId = new Map<string, Pick<ArgumentView, "relation" | "parentId">>();
  for (const argument of args) byId.set(argument.id, argument);
  const sides = new Map<string, "for" | "against">();
  const side = (id: string): "for" | "against" => {
    const known = sides.get(id);
    if (known) return known;
    const argument = byId.get(id);
    const { relation, parentId } = argument ?? { relation: "for", parentId: null };
    const found =
      relation === "for" || relation === "against"
        ? relation
        : sideOfReply(parentId && byId.has(parentId) ? side(parentId) : "for", relation);
    sides.set(id, found);
    return found;
  };
  return side;
}

const times = (n: number) => `${n} time${n === 1 ? "" : "s"}`;

/** How often arguments cite a passage, naming only the sides that do. */
export function citedLabel(p: { for: number; against: number }) {
  if (p.against === 0) return `Cited ${times(p.for)} for the motion`;
  if (p.for === 0) return `Cited ${times(p.against)} against the motion`;
  return `Cited ${times(p.for)} for the motion, ${p.against} against`;
}

/** A stance's share of a tally, in whole percent (0 when nobody voted). */
export function shareOf(tally: Tally, stance: Stance): number {
  const total = tally.for + tally.against + tally.undecided;
  return total === 0 ? 0 : Math.round((tally[stance] / total) * 100);
}

/** How many voted in a tally, whatever their stance. */
export const totalOf = (tally: Tally) => tally.for + tally.against + tally.undecided;

/**
 * How many points support for the motion moved from the vote before to the vote after; 0
 * until both votes have been cast by someone.
 */
export const supportShift = (votes: VoteTally) =>
  totalOf(votes.before) === 0 || totalOf(votes.after) === 0
    ? 0
    : shareOf(votes.after, "for") - shareOf(votes.before, "for");
