import { setImmediate as nextTurn } from "node:timers/promises";
import type {
  ArgumentShape,
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
import type { Side } from "../../../lib/projector";
import type { MotionEventType } from "../../../lib/protocol";
import type { HeldPart, summarise } from "./motionSummary";

/**
 * What a big debate's pages read of all its arguments (the tree's shape, where its citations
 * stand, the passages they cite), kept per motion for as long as the motion's log has not moved
 * on: every change to its arguments or their citations is an event, so readers of an unchanged
 * debate (paging, many people opening one page) share one reading. Events that change nothing
 * kept (`UNCHANGING`) move the reading on with the log. Per Store (each node, each test database)
 * and for the last motions asked only. What is kept holds for every reader: each filters it by
 * what they may read.
 */
const KEPT = 16;

/**
 * Events that change no argument, citation, rating, pin or spotlight: what is kept of a motion
 * before them holds after them. A class votes, agrees and runs its session's clock far more often
 * than it posts, and a debate of 10,000 takes hundreds of ms to read again.
 */
const UNCHANGING: ReadonlySet<MotionEventType> = new Set<MotionEventType>([
  "vote.cast",
  "argument.agreed",
  "session.phase",
  "session.timer",
  "session.side",
  "motion.edited",
  "rubric.set",
  "grade.marked",
]);

/** The most events a kept reading is moved on over; past that it is read again. */
const CARRIED = 50;

interface Kept {
  shapes: ArgumentShape[];
  cited: CitedSpanRow[];
  passages: CitedPassage[];
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

interface Entry {
  seq: number;
  kept: { [K in keyof Kept]?: Promise<Kept[K]> };
  /** Whether the events up to `to` change nothing kept: asked once for all its readers. */
  carrying?: { to: number; unchanged: Promise<boolean> };
}

const byStore = new WeakMap<Store, Map<string, Entry>>();

/**
 * `read()`'s answer for the motion as of its seq (or later), read once while the seq holds or
 * the events since change nothing kept.
 */
export async function keptOr<K extends keyof Kept>(
  store: Store,
  motion: Motion,
  what: K,
  read: () => Promise<Kept[K]>,
): Promise<Kept[K]> {
  const motions = byStore.get(store) ?? new Map<string, Entry>();
  byStore.set(store, motions);
  await carryOver(store, motions, motion);
  let entry = motions.get(motion.id);
  if (entry?.seq !== motion.lastSeq) {
    entry = { seq: motion.lastSeq, kept: {} };
    motions.delete(motion.id);
    motions.set(motion.id, entry);
    // The motion asked longest ago goes first.
    if (motions.size > KEPT) motions.delete(motions.keys().next().value as string);
  }
  const kept = entry.kept as Partial<Record<K, Promise<Kept[K]>>>;
  kept[what] ??= read().catch((error) => {
    kept[what] = undefined;
    throw error;
  });
  return kept[what] as Promise<Kept[K]>;
}

/** Moves the kept reading on to the motion's seq when the events since change nothing kept. */
async function carryOver(store: Store, motions: Map<string, Entry>, motion: Motion) {
  const entry = motions.get(motion.id);
  const behind = entry ? motion.lastSeq - entry.seq : 0;
  if (!entry || behind <= 0 || behind > CARRIED) return;
  if (entry.carrying?.to !== motion.lastSeq) {
    const unchanged = store.events
      .after(motion.id, entry.seq, behind)
      .then(
        (events) =>
          events.length === behind &&
          events.every((event) => event.seq <= motion.lastSeq && UNCHANGING.has(event.type)),
      )
      // Not known to be unchanged: read again.
      .catch(() => false);
    entry.carrying = { to: motion.lastSeq, unchanged };
  }
  const unchanged = await entry.carrying.unchanged;
  if (unchanged && motions.get(motion.id) === entry && entry.seq < motion.lastSeq) {
    entry.seq = motion.lastSeq;
  }
}

/**
 * How many rows one read of a debate takes: a read of the embedded database, and making objects
 * of its rows, hold the event loop, so a big debate is read in turns with other requests between.
 */
const BATCH = 500;

/**
 * Every row `read` pages through, keyed after the last row of each page, a turn between pages:
 * all of them from one snapshot, so a post committed between two pages is in none of them or in
 * the answer whole, never counted by one page and missed by the next.
 */
export function inTurns<R, A>(
  store: Store,
  read: (repos: Repos, page: { after: A | null; limit: number }) => Promise<R[]>,
  keyOf: (row: R) => A,
): Promise<R[]> {
  return store.snapshot(async (repos) => {
    const rows: R[] = [];
    for (let after: A | null = null; ; ) {
      const page = await read(repos, { after, limit: BATCH });
      for (const row of page) rows.push(row);
      const last = page.at(-1);
      if (page.length < BATCH || last === undefined) return rows;
      after = keyOf(last);
      await nextTurn();
    }
  });
}

/** The motion's arguments without their words, as of the motion row's seq or later. */
export const argumentShapesOf = (store: Store, motion: Motion) =>
  keptOr(store, motion, "shapes", () =>
    inTurns<ArgumentShape, Pick<ArgumentShape, "createdAt" | "id">>(
      store,
      (repos, page) => repos.motions.argumentShapes(motion.id, page),
      ({ createdAt, id }) => ({ createdAt, id }),
    ),
  );

/** Where the citations of the motion's published arguments stand, as of its seq or later. */
export const citedSpansOf = (store: Store, motion: Motion) =>
  keptOr(store, motion, "cited", () =>
    inTurns<CitedSpanRow & CitedSpanKey, CitedSpanKey>(
      store,
      (repos, page) => repos.motions.citedSpans(motion.id, page),
      ({ postedAt, argumentId, position }) => ({ postedAt, argumentId, position }),
    ),
  );

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
