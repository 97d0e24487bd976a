import type { ArgumentShape, CitedSpanRow, MotionRow, Store } from "../../../db/store";
import type { CitedPassage } from "../../../lib/debate";
import type { HeldPart } from "./motionSummary";

/**
 * What a big debate's pages read of all its arguments (the tree's shape, where its citations
 * stand, the passages they cite), kept per motion for as long as the motion's log has not moved
 * on: every change to its arguments or their citations is an event, so readers of an unchanged
 * debate (paging, many people opening one page) share one reading. Per Store (each node, each
 * test database) and for the last motions asked only. What is kept holds for every reader: each
 * filters it by what they may read.
 */
const KEPT = 16;

interface Kept {
  shapes: ArgumentShape[];
  cited: CitedSpanRow[];
  passages: CitedPassage[];
  /** The part of the debate a page holds for readers, and for moderators. */
  readersPart: HeldPart | null;
  moderatorsPart: HeldPart | null;
}

type Motion = Pick<MotionRow, "id" | "lastSeq">;

const byStore = new WeakMap<
  Store,
  Map<string, { seq: number; kept: { [K in keyof Kept]?: Promise<Kept[K]> } }>
>();

/** `read()`'s answer for the motion as of its seq (or later), read once while the seq holds. */
export function keptOr<K extends keyof Kept>(
  store: Store,
  motion: Motion,
  what: K,
  read: () => Promise<Kept[K]>,
): Promise<Kept[K]> {
  const motions = byStore.get(store) ?? new Map();
  byStore.set(store, motions);
  let entry = motions.get(motion.id);
  if (entry?.seq !== motion.lastSeq) {
    entry = { seq: motion.lastSeq, kept: {} };
    motions.delete(motion.id);
    motions.set(motion.id, entry);
    // The motion asked longest ago goes first.
    if (motions.size > KEPT) motions.delete(motions.keys().next().value as string);
  }
  const { kept } = entry;
  kept[what] ??= read().catch((error) => {
    kept[what] = undefined;
    throw error;
  });
  return kept[what] as Promise<Kept[K]>;
}

/** The motion's arguments without their words, as of the motion row's seq or later. */
export const argumentShapesOf = (store: Store, motion: Motion) =>
  keptOr(store, motion, "shapes", () => store.motions.argumentShapes(motion.id));

/** Where the citations of the motion's published arguments stand, as of its seq or later. */
export const citedSpansOf = (store: Store, motion: Motion) =>
  keptOr(store, motion, "cited", () => store.motions.citedSpans(motion.id));
