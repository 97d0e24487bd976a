import { setImmediate as nextTurn } from "node:timers/promises";
import type { ArgumentShape, MotionRow, Store } from "../../../db/store";
import { type ArgumentNode, type ArgumentView, everyNode } from "../../../lib/debate";
import { rowsOf } from "./argumentPages";
import { treeForViewer, type Viewer } from "./audience";
import { shapeTree } from "./shapeTree";
import { argumentViews, CHUNK } from "./views";

/**
 * The whole tree of a motion as `viewer` reads it (`rows`: the shapes of what they may read), a
 * few top-level threads at a time, in order: its shape is the one kept for the motion's readers
 * (`shapeTree`, as of the motion's seq or later), and each batch of threads has its arguments
 * read whole and made views, hung as the shape hangs them. Only one batch's rows and views are
 * alive at once, so a debate of 10,000 is not held whole while it is written: the young
 * collections that copied all of it while it was held stopped the process for tens of ms. An
 * argument read after the shape may be newer than the seq (edited since, say), as with the
 * motion's page; a client replaying events from the seq applies them again, which changes nothing.
 */
export async function* wholeThreads(
  store: Store,
  motion: Pick<MotionRow, "id" | "lastSeq" | "settings">,
  viewer: Viewer,
  rows: ArgumentShape[],
): AsyncGenerator<ArgumentNode[]> {
  const tree = await shapeTree(store, motion, viewer, rows);
  for (let start = 0; start < tree.length; ) {
    if (start > 0) await nextTurn();
    // Whole threads, about CHUNK arguments of them (a thread larger than that, alone).
    const threads: ArgumentNode[] = [];
    let held = 0;
    while (start < tree.length && (threads.length === 0 || held < CHUNK)) {
      const thread = tree[start++] as ArgumentNode;
      threads.push(thread);
      held += everyNode([thread]).length;
    }
    yield treeForViewer(await viewed(store, threads, viewer), viewer, motion.settings.anonymous);
  }
}

/** `threads` of shapes, each node made the view of its argument as read now. */
async function viewed(store: Store, threads: ArgumentNode[], viewer: Viewer) {
  const shapes = everyNode(threads);
  const views = await argumentViews(store, await rowsOf(store, shapes), {
    revealHidden: viewer.moderates,
  });
  const viewOf = new Map<string, ArgumentView>(views.map((view) => [view.id, view]));
  const hung = (node: ArgumentNode): ArgumentNode => ({
    ...(viewOf.get(node.id) as ArgumentView),
    children: node.children.map(hung),
  });
  return threads.map(hung);
}
