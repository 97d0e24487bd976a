import { setImmediate as nextTurn } from "node:timers/promises";
import type { ArgumentShape, MotionRow, Store } from "../../../db/store";
import {
  type ArgumentNode,
  countCites,
  everyNode,
  type ListOrder,
  type ReplyCounts,
  sidesOf,
  sortArguments,
} from "../../../lib/debate";
import { newAtSeq } from "../../../lib/threads";
import type { MotionPartial } from "../../../lib/views";
import { cursorAfter, listOf } from "./argumentPages";
import { argumentShapesOf, citedSpansOf, keptOr } from "./shapeCache";

/**
 * For each held argument, how many of `ids` (arguments the page does not hold) are below it at
 * any depth: where the arguments new to a reader stand in a big debate held in part. Only those
 * public as of the motion's seq count: one published since reaches the page in the events after
 * that seq, and is counted as it arrives.
 */
export async function countBelow(
  store: Store,
  motion: Pick<MotionRow, "id" | "lastSeq">,
  held: ReadonlySet<string>,
  ids: readonly string[],
): Promise<Record<string, number>> {
  if (ids.length === 0) return {};
  const rows = await argumentShapesOf(store, motion);
  const parents = new Map(rows.map((row) => [row.id, row.parentId]));
  const below: Record<string, number> = {};
  for (const id of newAtSeq(ids, rows, motion.lastSeq)) {
    const seen = new Set<string>();
    for (let at = parents.get(id) ?? null; at && !seen.has(at); at = parents.get(at) ?? null) {
      seen.add(at);
      if (held.has(at)) below[at] = (below[at] ?? 0) + 1;
    }
  }
  return below;
}

/**
 * How much of a big debate the motion's page holds at first: the newest top-level arguments of
 * each side and the first replies under them, level by level, up to a budget. A debate within
 * the budget is held whole.
 */
export const SUMMARY: SummaryLimits = {
  perSide: 15,
  repliesPerArgument: 3,
  budget: 60,
  order: "newest",
};

/** What a page holds of a big debate, before the passages cited across it are added. */
export interface HeldPart {
  held: ArgumentShape[];
  partial: Omit<MotionPartial, "cited">;
  replies: Map<string, ReplyCounts>;
  seqs: Map<string, number | null>;
}

export interface SummaryLimits {
  perSide: number;
  repliesPerArgument: number;
  budget: number;
  order: ListOrder;
}

/**
 * Which arguments of the shape tree the page holds, and the cursors of the lists it holds only
 * the start of (the sides, and replies); null when it holds them all. `keep` names arguments
 * held whatever the budget (with those above them): the spotlight, pinned ones, posts waiting
 * for a moderator, the reader's own.
 */
export function summarise(
  tree: ArgumentNode[],
  keep: ReadonlySet<string>,
  limits: SummaryLimits = SUMMARY,
): { ids: Set<string>; partial: Omit<MotionPartial, "cited"> } | null {
  if (everyNode(tree).length <= limits.budget) return null;
  const { order } = limits;
  const ids = new Set<string>();
  const cursors: Record<string, string> = {};
  const ends: Record<string, string> = {};
  const totals = { for: 0, against: 0 };
  let level: ArgumentNode[] = [];
  for (const side of ["for", "against"] as const) {
    const all = sortArguments(
      tree.filter((node) => node.relation === side),
      order,
    );
    totals[side] = all.length;
    const taken = all.slice(0, limits.perSide);
    const last = taken.at(-1);
    if (last && taken.length < all.length) {
      cursors[side] = cursorAfter(taken, order, listOf(last.motionId, { side })) as string;
      ends[side] = last.id;
    }
    level.push(...taken);
  }
  for (const node of level) ids.add(node.id);
  while (level.length > 0 && ids.size < limits.budget) {
    const next: ArgumentNode[] = [];
    for (const node of level) {
      if (node.children.length === 0) continue;
      const room = Math.min(limits.repliesPerArgument, limits.budget - ids.size);
      if (room <= 0) break;
      const taken = sortArguments(node.children, order).slice(0, room);
      for (const child of taken) ids.add(child.id);
      if (taken.length < node.children.length) {
        cursors[node.id] = cursorAfter(
          taken,
          order,
          listOf(node.motionId, { parentId: node.id }),
        ) as string;
      }
      next.push(...taken);
    }
    level = next;
  }
  // What must be on the page whatever the budget, with the thread above it.
  const parents = new Map(everyNode(tree).map((node) => [node.id, node.parentId]));
  for (const id of keep) {
    for (let at: string | null | undefined = id; at && parents.has(at); at = parents.get(at)) {
      ids.add(at);
    }
  }
  return { ids, partial: { order, totals, cursors, ends } };
}

/**
 * Each passage the motion's published arguments cite, counted for and against, from where the
 * stored citations stand: what the reader marks without holding every argument. The same for
 * every reader: only published arguments count.
 */
export const citedIn = async (store: Store, motion: Pick<MotionRow, "id" | "lastSeq">) =>
  (
    await keptOr(store, motion, "passages", async (before) => {
      const spans = await citedSpansOf(store, motion);
      const rows = await argumentShapesOf(store, motion);
      const counted = await before?.kept.catch(() => undefined);
      // Counting is a turn of its own, apart from reading where each citation stands.
      await nextTurn();
      const published = new Set(
        rows.filter((row) => row.status === "published").map((row) => row.id),
      );
      // After posts alone, theirs are counted on top of the counts before them; after an
      // argument changed, all again (it may have left or joined what is published), and so when
      // a post is no later than the newest argument those counts were made from (committed while
      // they were being made, and counted there).
      const posts = before?.touched.length === 0 ? before.posts : null;
      const onTop = counted && posts && posts.since.getTime() > counted.through ? posts : null;
      const counting = onTop ? new Set(onTop.posted) : published;
      const side = sidesOf(rows);
      const cites = spans
        .filter((span) => counting.has(span.argumentId) && published.has(span.argumentId))
        .map((span) => ({
          documentId: span.documentId,
          start: span.anchorStart,
          end: span.anchorEnd,
          side: side(span.argumentId),
        }));
      return {
        passages: countCites(cites, onTop ? counted?.passages : undefined),
        through: rows.at(-1)?.createdAt.getTime() ?? Number.NEGATIVE_INFINITY,
      };
    })
  ).passages;
