import type { ArgumentRow, Store } from "../../../db/store";
import type { ProjectorView } from "../../../lib/projector";
import type { Actor } from "../../policy";
import { done, type Outcome } from "../outcome";
import { bystander, sessionForViewer, treeForViewer } from "./audience";
import { readableMotion } from "./queries";
import { keptOr } from "./shapeCache";
import { byAge, placeInRoom, strongestInRoom } from "./strongest";
import { argumentViews, tallyOf } from "./views";

/**
 * The motion for the room's screen. The room sees what a participant sees, whoever opens the
 * screen (a moderator too): published arguments, pseudonyms in an anonymous motion, nobody's own
 * pending post. Only what the screen shows is sent, so it stays small in a debate of thousands:
 * the spotlighted argument and the strongest on each side, without quotes or replies. The
 * database ranks the rest (`strongestInRoom`), so no reading grows with the debate.
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
  // The same for everyone in the room, kept until an event that changes it (a rating; not a vote).
  const strongest = await keptOr(store, motion, "strongest", () =>
    strongestInRoom(store, motion.id),
  );
  const rows = new Map<string, ArgumentRow>();
  const spotlight = motion.spotlightId
    ? (await placeInRoom(store, rows, [motion.spotlightId])).get(motion.spotlightId)
    : undefined;
  const shown = new Set([
    ...(spotlight?.row.status === "published" && spotlight.row.motionId === motion.id
      ? [spotlight.row.id]
      : []),
    ...strongest.for,
    ...strongest.against,
  ]);
  const views = await argumentViews(store, (await store.arguments.byIds([...shown])).sort(byAge));
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
      mine: { votes: {}, ratings: {}, agreements: {} },
      pinned: motion.pinned,
      spotlightId: motion.spotlightId,
      session: sessionForViewer(motion.session, bystander, anonymous),
      serverNow: Date.now(),
      can: {
        post: false,
        edit: false,
        vote: false,
        rate: false,
        agree: false,
        moderate: false,
        postRefusal: "The projector shows the debate to the room: it does not post.",
      },
    },
    strongest,
  });
}
