import { setImmediate as nextTurn } from "node:timers/promises";
import type {
  ArgumentShape,
  CitationRow,
  CitedSpanKey,
  CitedSpanRow,
  MotionRow,
  Repos,
  Store,
} from "../../../db/store";
import {
  type ArgumentNode,
  type ArgumentView,
  buildArgumentTree,
  type CitedPassage,
  linkedRoots,
  prunerOfThreads,
} from "../../../lib/debate";
import type { StoredEvent } from "../../../lib/eventLog";
import type { Side } from "../../../lib/projector";
import type { MotionEventType } from "../../../lib/protocol";
import { processWide } from "../processWide";
import type { HeldPart, summarise } from "./motionSummary";

/**
 * What a big debate's pages read of all its arguments (the tree's shape, where its citations
 * stand, the passages they cite), kept per motion for as long as the motion's log has not moved
 * on: every change to its arguments, or to the citations of those the room reads, is an event
 * (those of the rest are read again with their argument when it changes), so readers of an
 * unchanged debate (paging, many people opening one page) share one reading. Events that change
 * little of it (`CHANGES`) move the reading on with the log; after posts, the arguments and
 * citations are read on from the earliest post's time and the trees grow by the posts; after an
 * argument changed in its own rows (`touchedBy`, or its author renamed: `withRenamed`),
 * those rows are read again and its thread built again (`carryOver`). Per Store (each node, each
 * test database) and for the last motions asked only. What is kept holds for every reader: each
 * filters it by what they may read.
 */
const KEPT = 16;

/**
 * Events that change nothing of what is kept but these parts, which the next reader makes
 * again: a vote or an agreement changes none of it, a rating only which arguments are the room's
 * strongest (pages and the map rank by strength from the ratings read for each request), a pin
 * or the spotlight only the part a page holds (which keeps them on it), a document's new version
 * only where the citations stand and the passages counted from them (each citation of the
 * document moves to the new version, so they are read again whole; the arguments and their trees
 * are kept). The motion's own row (its wording, settings, status) is not kept: each reader reads
 * it, and hides authors in an anonymous motion from what is kept. A class votes, rates, runs its session and has the
 * moderator put arguments on the screen far more often than it posts, and a debate of 10,000
 * takes hundreds of ms to read again. Any event not here, not a post, not `touchedBy` and not an
 * author renamed (`withRenamed`) has the debate read whole.
 */
const CHANGES: Partial<Record<MotionEventType, readonly (keyof Kept)[]>> = {
  "vote.cast": [],
  "argument.agreed": [],
  "argument.rated": ["strongest"],
  "argument.pinned": ["readersPart", "moderatorsPart"],
  "argument.spotlighted": ["readersPart", "moderatorsPart"],
  "session.phase": [],
  "session.timer": [],
  "session.side": [],
  "motion.edited": [],
  "motion.settings": [],
  "motion.locked": [],
  "motion.status": [],
  "rubric.set": [],
  "grade.marked": [],
  "evidence.reanchored": ["cited", "passages"],
};

/** The most events a kept reading is moved on over; past that it is read again. */
const CARRIED = 50;

type CitedSpan = CitedSpanRow & CitedSpanKey;

interface Kept {
  shapes: ArgumentShape[];
  cited: CitedSpan[];
  /** The passages cited, counted from arguments posted `through` (ms) at the latest. */
  passages: { passages: CitedPassage[]; through: number };
  /** The part of the debate a page holds for readers, and for moderators. */
  readersPart: HeldPart | null;
  moderatorsPart: HeldPart | null;
  /** The tree of the debate's shapes as readers, and moderators, read it (`motionShape`). */
  readersTree: ArgumentNode[];
  moderatorsTree: ArgumentNode[];
  /** What the map draws of the debate for readers, and for moderators (`mapSummary`). */
  readersMap: MapPick;
  moderatorsMap: MapPick;
  /** The room's strongest arguments on each side (`strongestInRoom`). */
  strongest: Record<Side, string[]>;
}

interface MapPick {
  shapes: ArgumentNode[];
  summary: ReturnType<typeof summarise>;
  nodes: Map<string, ArgumentNode>;
}

type Motion = Pick<MotionRow, "id" | "lastSeq">;

type KeptPromises = { [K in keyof Kept]?: Promise<Kept[K]> };

/** The parts a reading after posts goes on from, as kept before them. */
const GROWN = ["shapes", "cited", "passages", "readersTree", "moderatorsTree"] as const;

/** What the events since a part was kept did to the debate's arguments, but for `CHANGES`. */
interface Moved {
  /** The arguments posted, or sent to a moderator, if any. */
  posts: Posted | null;
  /** The arguments changed in their own rows, each keeping its place in the order (`touchedBy`). */
  touched: string[];
}

/** A part kept before posts or changes to arguments, and what they did since it. */
interface Before<T> extends Moved {
  kept: Promise<T>;
}

type GrownFrom = { [K in (typeof GROWN)[number]]?: Before<Kept[K]> };

/** The arguments posted since what is kept, and the earliest time stamped on one of them. */
interface Posted {
  posted: string[];
  since: Date;
}

/**
 * The events since what is kept: these posts came, these arguments changed (if any), these
 * authors deleted their accounts (each argument of theirs renamed) and these parts changed
 * (`CHANGES`), nothing else; null if more.
 */
type Since = (Moved & { changed: Set<keyof Kept>; renamed: Set<string> }) | null;

interface Entry {
  seq: number;
  kept: KeptPromises;
  grownFrom?: GrownFrom;
  /** What the events up to `to` did: asked once for all its readers. */
  carrying?: { to: number; since: Promise<Since> };
}

// One for the process: the socket doors, the pages and the route handlers read the same debates.
const byStore = processWide("keptReadings", () => new WeakMap<Store, Map<string, Entry>>());

/**
 * `read()`'s answer for the motion as of its seq (or later), read once while the seq holds or
 * the events since change other parts only. After posts, `read` is given what was kept before
 * them.
 */
export async function keptOr<K extends keyof Kept>(
  store: Store,
  motion: Motion,
  what: K,
  read: (before: Before<Kept[K]> | undefined) => Promise<Kept[K]>,
): Promise<Kept[K]> {
  const motions = byStore.get(store) ?? new Map<string, Entry>();
  byStore.set(store, motions);
  await carryOver(store, motions, motion);
  let entry = motions.get(motion.id);
  // Not one kept for a later seq either: what a reader makes of it (the part a page holds) can
  // depend on the motion as that reader read it, its pins and spotlight.
  if (entry?.seq !== motion.lastSeq) {
    entry = { seq: motion.lastSeq, kept: {} };
    remember(motions, motion.id, entry);
  }
  const kept = entry.kept as Partial<Record<K, Promise<Kept[K]>>>;
  const grownFrom = entry.grownFrom as Partial<Record<K, Before<Kept[K]>>> | undefined;
  kept[what] ??= read(grownFrom?.[what]).catch((error) => {
    kept[what] = undefined;
    throw error;
  });
  return kept[what] as Promise<Kept[K]>;
}

/**
 * Moves the kept reading on to the motion's seq when the events since change little of it (the
 * parts they change are made again); when they posted or changed arguments too, a reading at the
 * seq takes over the arguments and citations kept before them.
 */
async function carryOver(store: Store, motions: Map<string, Entry>, motion: Motion) {
  const entry = motions.get(motion.id);
  const behind = entry ? motion.lastSeq - entry.seq : 0;
  if (!entry || behind <= 0 || behind > CARRIED) return;
  if (entry.carrying?.to !== motion.lastSeq) {
    const since = store.events
      .after(motion.id, entry.seq, behind)
      .then((events) => eventsSince(events, motion.lastSeq, behind))
      .then(
        (since) => since && withRenamed(since, entry.kept.shapes ?? entry.grownFrom?.shapes?.kept),
      )
      // Not known: read again.
      .catch(() => null);
    entry.carrying = { to: motion.lastSeq, since };
  }
  const since = await entry.carrying.since;
  if (!since || motions.get(motion.id) !== entry || entry.seq >= motion.lastSeq) return;
  const { changed, renamed: _, ...moved } = since;
  if (!moved.posts && moved.touched.length === 0) {
    entry.seq = motion.lastSeq;
    for (const part of changed) delete entry.kept[part];
    entry.grownFrom = grownOn(entry.grownFrom, changed);
    return;
  }
  const grownFrom: Record<string, Before<unknown>> = {};
  for (const part of GROWN) {
    if (changed.has(part)) continue;
    const kept = entry.kept[part];
    const earlier = entry.grownFrom?.[part];
    if (kept) grownFrom[part] = { kept, ...moved };
    else if (earlier) grownFrom[part] = { kept: earlier.kept, ...joined(earlier, moved) };
  }
  remember(motions, motion.id, { seq: motion.lastSeq, kept: {}, grownFrom });
}

/** What a reading may still grow from once `changed` are to be made again whole. */
function grownOn(
  grownFrom: GrownFrom | undefined,
  changed: Set<keyof Kept>,
): GrownFrom | undefined {
  if (!grownFrom) return grownFrom;
  return Object.fromEntries(
    Object.entries(grownFrom).filter(([part]) => !changed.has(part as keyof Kept)),
  );
}

/** What two stretches of the log did, one after the other. */
function joined(earlier: Moved, later: Moved): Moved {
  const posts =
    earlier.posts && later.posts
      ? {
          posted: [...earlier.posts.posted, ...later.posts.posted],
          since: new Date(Math.min(earlier.posts.since.getTime(), later.posts.since.getTime())),
        }
      : (earlier.posts ?? later.posts);
  return { posts, touched: [...earlier.touched, ...later.touched] };
}

/** Keeps the motion's entry as the one asked last; the motion asked longest ago goes first. */
function remember(motions: Map<string, Entry>, motionId: string, entry: Entry) {
  motions.delete(motionId);
  motions.set(motionId, entry);
  if (motions.size > KEPT) motions.delete(motions.keys().next().value as string);
}

function eventsSince(events: StoredEvent[], upTo: number, count: number): Since {
  if (events.length !== count || events.some((event) => event.seq > upTo)) return null;
  const posted: string[] = [];
  const touched: string[] = [];
  const renamed = new Set<string>();
  let since = Number.POSITIVE_INFINITY;
  const changed = new Set<keyof Kept>();
  for (const event of events) {
    const parts = CHANGES[event.type];
    const argumentId = touchedBy(event);
    if (event.type === "argument.posted" || event.type === "argument.submitted") {
      posted.push(event.data.argument.id);
      since = Math.min(since, Date.parse(event.data.argument.createdAt));
    } else if (event.type === "author.deleted" || event.type === "author.renamed") {
      renamed.add(event.data.authorId);
    } else if (argumentId) touched.push(argumentId);
    else if (!parts) return null;
    for (const part of parts ?? []) changed.add(part);
  }
  if (Number.isNaN(since)) return null;
  const posts = posted.length > 0 ? { posted, since: new Date(since) } : null;
  return { posts, touched, changed, renamed };
}

/**
 * `since` with the arguments of the authors it renamed among those it touched, as the shapes
 * kept before it name them: what was posted after those is read again whatever its author. Null
 * where no shapes are kept to say, or where that touches too many.
 */
async function withRenamed(
  since: NonNullable<Since>,
  kept: Promise<ArgumentShape[]> | undefined,
): Promise<Since> {
  if (since.renamed.size === 0) return since;
  const shapes = await kept;
  if (!shapes) return null;
  const theirs = shapes.filter((shape) => since.renamed.has(shape.authorId));
  // As many as the events carried would read again at most: the threads they are in are built
  // again at once, where a whole reading builds a big debate's in turns.
  if (since.touched.length + theirs.length > CARRIED) return null;
  return { ...since, touched: [...since.touched, ...theirs.map((shape) => shape.id)] };
}

/**
 * The argument an event changes in its own rows alone, where it stands in the debate's order
 * unchanged: its words, its status (the passages it cites count while it is published) or where
 * a citation of it stands (a moderator's review). Its row and citations are read again, and what
 * is made of the arguments made again from them.
 */
function touchedBy(event: StoredEvent): string | null {
  switch (event.type) {
    case "argument.edited":
    case "argument.withdrawn":
    case "argument.hidden":
    case "argument.rejected":
    case "citation.reviewed":
      return event.data.argumentId;
    case "argument.restored":
    case "argument.approved":
      return event.data.argument.id;
    default:
      return null;
  }
}

/**
 * How many rows one read of a debate takes: a read of the embedded database, and making objects
 * of its rows, hold the event loop, so a big debate is read in turns with other requests between.
 */
const BATCH = 500;

/**
 * Every row `read` pages through after the key `from` (from the start if null), keyed after the
 * last row of each page, a turn between pages: all of them from one snapshot, so a post committed
 * between two pages is in none of them or in the answer whole, never counted by one page and
 * missed by the next.
 */
function inTurns<R, A>(
  store: Store,
  read: (repos: Repos, page: { after: A | null; limit: number }) => Promise<R[]>,
  keyOf: (row: R) => A,
  from: A | null = null,
): Promise<R[]> {
  return store.snapshot(async (repos) => {
    const rows: R[] = [];
    for (let after: A | null = from; ; ) {
      const page = await read(repos, { after, limit: BATCH });
      for (const row of page) rows.push(row);
      const last = page.at(-1);
      if (page.length < BATCH || last === undefined) return rows;
      after = keyOf(last);
      await nextTurn();
    }
  });
}

type ShapeKey = Pick<ArgumentShape, "createdAt" | "id">;

/** How a motion's rows of one kind are read in pages, in time order first. */
interface Rows<R, A> {
  read: (repos: Repos, page: { after: A | null; limit: number }) => Promise<R[]>;
  keyOf: (row: R) => A;
  timeOf: (row: R) => Date;
  /** The key just before every row stamped at `at` or later. */
  keyBefore: (at: Date) => A;
}

const shapeRows = (motionId: string): Rows<ArgumentShape, ShapeKey> => ({
  read: (repos, page) => repos.motions.argumentShapes(motionId, page),
  keyOf: ({ createdAt, id }) => ({ createdAt, id }),
  timeOf: (shape) => shape.createdAt,
  keyBefore: (at) => ({ createdAt: at, id: "" }),
});

const citedRows = (motionId: string): Rows<CitedSpan, CitedSpanKey> => ({
  read: (repos, page) => repos.motions.citedSpans(motionId, page),
  keyOf: ({ postedAt, argumentId, position }) => ({ postedAt, argumentId, position }),
  timeOf: (span) => span.postedAt,
  keyBefore: (at) => ({ postedAt: at, argumentId: "", position: -1 }),
});

/**
 * Every row, from what was kept before posts where there is one: its rows stamped before the
 * earliest post, then the rows from that post's time on, read again (`added`). A post is stamped
 * after its motion's newest argument, so this reads little more than the posts; reading from
 * their times rather than from the end of what was kept holds without relying on it.
 */
async function readOn<R, A>(
  store: Store,
  rows: Rows<R, A>,
  before: Before<R[]> | undefined,
): Promise<{ all: R[]; added: R[] }> {
  const kept = await before?.kept.catch(() => undefined);
  if (!before || !kept) {
    const all = await inTurns(store, rows.read, rows.keyOf);
    return { all, added: all };
  }
  if (!before.posts) return { all: kept, added: [] };
  const { since } = before.posts;
  let count = kept.length;
  while (count > 0 && rows.timeOf(kept[count - 1] as R).getTime() >= since.getTime()) count--;
  const added = await inTurns(store, rows.read, rows.keyOf, rows.keyBefore(since));
  return { all: [...kept.slice(0, count), ...added], added };
}

/** The motion's arguments without their words, as of the motion row's seq or later. */
export const argumentShapesOf = (store: Store, motion: Motion) =>
  keptOr(store, motion, "shapes", async (before) => {
    const rows = shapeRows(motion.id);
    const whole = async () => (await readOn(store, rows, undefined)).all;
    const { all, added } = await readOn(store, rows, before);
    // A post not found from its own time on (stamped otherwise than its event says) has the
    // whole debate read again.
    const found = new Set(added.map((shape) => shape.id));
    if (!(before?.posts?.posted ?? []).every((id) => found.has(id))) return whole();
    return (await withTouched(store, all, before?.touched ?? [])) ?? whole();
  });

/**
 * `shapes` with the arguments `touched` read again, each where it stood: undefined where one is
 * gone, or stamped with another time (its place in the order would change).
 */
async function withTouched(
  store: Store,
  shapes: ArgumentShape[],
  touched: string[],
): Promise<ArgumentShape[] | undefined> {
  if (touched.length === 0) return shapes;
  const ids = [...new Set(touched)];
  const fresh = new Map<string, ArgumentShape>();
  for (const { body: _, rejectionReason: __, ...shape } of await store.arguments.byIds(ids)) {
    fresh.set(shape.id, shape);
  }
  let replaced = 0;
  const patched = shapes.map((shape) => {
    const now = fresh.get(shape.id);
    if (now?.createdAt.getTime() !== shape.createdAt.getTime()) return shape;
    replaced += 1;
    return now;
  });
  return replaced === ids.length ? patched : undefined;
}

/** Where the citations of the motion's arguments stand, as of its seq or later. */
export const citedSpansOf = (store: Store, motion: Motion) =>
  keptOr(store, motion, "cited", async (before) => {
    const rows = citedRows(motion.id);
    const { all } = await readOn(store, rows, before);
    return (
      (await withCitationsOf(store, all, before?.touched ?? [])) ??
      (await readOn(store, rows, undefined)).all
    );
  });

/** A stored citation as a span, its argument posted at `postedAt`. */
const spanOf = (citation: CitationRow, postedAt: Date): CitedSpan => ({
  postedAt,
  argumentId: citation.argumentId,
  position: citation.position,
  documentId: citation.documentId,
  anchorVersionId: citation.anchorVersionId,
  anchorStart: citation.anchorStart,
  anchorEnd: citation.anchorEnd,
});

/**
 * `spans` with the citations of the arguments `touched` read again in place of theirs: a new
 * version of a document moves the citations of an argument nobody reads (hidden, say) without
 * its motion hearing, and the argument may be public again now. Undefined where one has
 * citations now and none kept: where they go among the rest is a whole reading's to tell.
 */
async function withCitationsOf(
  store: Store,
  spans: CitedSpan[],
  touched: string[],
): Promise<CitedSpan[] | undefined> {
  if (touched.length === 0) return spans;
  const ids = new Set(touched);
  const fresh = new Map<string, CitationRow[]>();
  for (const citation of await store.arguments.citations([...ids])) {
    if (citation.anchorStatus === "detached") continue;
    const theirs = fresh.get(citation.argumentId) ?? [];
    theirs.push(citation);
    fresh.set(citation.argumentId, theirs);
  }
  const patched: CitedSpan[] = [];
  const replaced = new Set<string>();
  for (const span of spans) {
    if (!ids.has(span.argumentId)) patched.push(span);
    else if (!replaced.has(span.argumentId)) {
      replaced.add(span.argumentId);
      for (const citation of fresh.get(span.argumentId) ?? []) {
        patched.push(spanOf(citation, span.postedAt));
      }
    }
  }
  return [...fresh.keys()].every((id) => replaced.has(id)) ? patched : undefined;
}

/**
 * `buildArgumentTree(rows, { keepHidden })`, node for node, built a thousand arguments at a
 * time with other requests running between: the whole tree of a big debate takes a while.
 */
export async function treeInTurns<V extends ArgumentView>(
  rows: V[],
  { keepHidden = false } = {},
): Promise<ArgumentNode[]> {
  if (rows.length <= BATCH) return buildArgumentTree(rows, { keepHidden });
  const nodes = new Map<string, ArgumentNode>();
  for (let i = 0; i < rows.length; i += BATCH) {
    if (i > 0) await nextTurn();
    for (const row of rows.slice(i, i + BATCH)) nodes.set(row.id, { ...row, children: [] });
  }
  await nextTurn();
  const roots = linkedRoots(nodes);
  const prune = prunerOfThreads(keepHidden);
  // Each top-level argument's thread is pruned on its own: a few hundred threads a turn.
  const tree: ArgumentNode[] = [];
  for (let i = 0; i < roots.length; i += PRUNED) {
    await nextTurn();
    for (const node of prune(roots.slice(i, i + PRUNED))) tree.push(node);
  }
  return tree;
}

/** How many top-level threads one turn prunes. */
const PRUNED = 500;
