import { setImmediate as nextTurn } from "node:timers/promises";
import type { Store } from "../../../db/store";
import { type MapSummary, published } from "../../../lib/argumentMap";
import { type ArgumentNode, buildArgumentTree, everyNode, replyCount } from "../../../lib/debate";
import type { Actor } from "../../policy";
import { done, type Outcome } from "../outcome";
import { motionShape, repliesOf, rowsOf } from "./argumentPages";
import { treeForViewer } from "./audience";
import { type SummaryLimits, summarise } from "./motionSummary";
import { readableMotion } from "./queries";
import { keptOr } from "./shapeCache";
import { argumentViews } from "./views";

/**
 * How much of a big debate the map draws at first: the oldest top-level arguments of each side
 * and their first replies, level by level, about seventy cards in all; a debate within the budget
 * is drawn whole. Oldest first, so each list drawn in part goes on where it stopped.
 */
export const MAP_SUMMARY: SummaryLimits = {
  // Ten a side keeps the first screen readable: the map opens on all of what it draws.
  perSide: 10,
  repliesPerArgument: 4,
  budget: 60,
  order: "oldest",
};

/**
 * What the map page draws of a motion, as GET /api/motions/:id shows it to the caller (the same
 * rows, placeholders and names), but only the arguments the map draws: published ones and the
 * wordless placeholders replies hang from. On a big debate, the summary `summarise` picks within
 * `limits`; citations, quotes and ratings are read for the arguments drawn alone.
 */
export async function mapSummary(
  store: Store,
  actor: Actor,
  motionId: unknown,
  limits: SummaryLimits = MAP_SUMMARY,
): Promise<Outcome<MapSummary>> {
  const found = await readableMotion(store, actor, motionId);
  if (!found.ok) return found;
  const motion = found.value;
  const { viewer, rows, tree } = await motionShape(store, actor, motion);
  const pick = async () => {
    // Pending and rejected posts are never on the map: the counts leave them out too.
    const shapes = published(tree);
    await nextTurn();
    const summary = summarise(shapes, new Set(), limits);
    // What the map holds of the pick, in a turn of its own: a big debate's tree takes a while.
    await nextTurn();
    return { shapes, summary, nodes: new Map(everyNode(shapes).map((node) => [node.id, node])) };
  };
  // Without pending posts, every reader's map is the same (moderators' theirs): kept while the
  // debate is unchanged.
  const { shapes, summary, nodes } =
    limits === MAP_SUMMARY
      ? await keptOr(store, motion, viewer.moderates ? "moderatorsMap" : "readersMap", pick)
      : await pick();
  const drawn = await rowsOf(
    store,
    rows.filter((row) => summary?.ids.has(row.id) ?? nodes.has(row.id)),
  );
  const views = await argumentViews(store, drawn, { revealHidden: viewer.moderates });
  const counted = summary
    ? views.map((view) => ({ ...view, replies: repliesOf(nodes.get(view.id) as ArgumentNode) }))
    : views;
  const view: MapSummary = {
    id: motion.id,
    title: motion.title,
    arguments: treeForViewer(
      published(buildArgumentTree(counted, { keepHidden: viewer.moderates })),
      viewer,
      motion.settings.anonymous,
    ),
  };
  if (!summary) return done(view);
  const rest = (side: "for" | "against") => {
    const left = shapes.filter((node) => node.relation === side && !summary.ids.has(node.id));
    return { top: left.length, all: left.reduce((sum, node) => sum + 1 + replyCount(node), 0) };
  };
  return done({
    ...view,
    partial: {
      order: limits.order,
      sides: { for: rest("for"), against: rest("against") },
      cursors: summary.partial.cursors,
    },
  });
}
