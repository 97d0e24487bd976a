import type { Store } from "../../../db/store";
import { buildArgumentTree } from "../../../lib/debate";
import { flattenTree } from "../../../lib/live";
import { type ProjectorView, strongestOn } from "../../../lib/projector";
import type { Actor } from "../../policy";
import { done, type Outcome } from "../outcome";
import { rateAll, shapeOf } from "./argumentPages";
import { bystander, sessionForViewer, treeForViewer } from "./audience";
import { readableMotion, readableRows } from "./queries";
import { argumentViews, tallyOf } from "./views";

/**
 * The motion for the room's screen. The room sees what a participant sees, whoever opens the
 * screen (a moderator too): published arguments, pseudonyms in an anonymous motion, nobody's own
 * pending post. Only what the screen shows is sent, so it stays small in a debate of thousands:
 * the spotlighted argument and the strongest on each side, without quotes or replies. The rest
 * is read as shapes (no words, quotes or citations) to rank it.
 */
export async function projectorView(
  store: Store,
  actor: Actor,
  motionId: unknown,
): Promise<Outcome<ProjectorView>> {
  const found = await readableMotion(store, actor, motionId);
  if (!found.ok) return found;
  const motion = found.value;
  const { anonymous } = motion.settings;
  // The seq was read with the motion, before the rows: a replay from it may repeat, never miss.
  const rows = readableRows(await store.motions.arguments(motion.id), bystander);
  // The tree decides a reply's side, and drops what hangs from a post the room never saw.
  const room = flattenTree(buildArgumentTree(rows.map(shapeOf)));
  await rateAll(
    store,
    room.filter((argument) => argument.status === "published"),
  );
  const strongest = {
    for: strongestOn(room, "for").map((argument) => argument.id),
    against: strongestOn(room, "against").map((argument) => argument.id),
  };
  const spotlight = room.find((a) => a.id === motion.spotlightId && a.status === "published");
  const shown = new Set([
    ...(spotlight ? [spotlight.id] : []),
    ...strongest.for,
    ...strongest.against,
  ]);
  const views = await argumentViews(
    store,
    rows.filter((row) => shown.has(row.id)),
  );
  return done({
    motion: {
      id: motion.id,
      spaceId: motion.spaceId,
      title: motion.title,
      description: motion.description,
      status: motion.status,
      createdAt: motion.createdAt.toISOString(),
      sources: [],
      settings: motion.settings,
      seq: motion.lastSeq,
      arguments: treeForViewer(
        views.map((view) => ({ ...view, citations: [], detached: [], children: [] })),
        bystander,
        anonymous,
      ),
      votes: tallyOf(await store.votes.list(motion.id)),
      // The screen is the room's: nobody's own votes or ratings, and no commands.
      mine: { votes: {}, ratings: {} },
      pinned: motion.pinned,
      spotlightId: motion.spotlightId,
      session: sessionForViewer(motion.session, bystander, anonymous),
      serverNow: Date.now(),
      can: { post: false, vote: false, rate: false, moderate: false },
    },
    strongest,
  });
}
