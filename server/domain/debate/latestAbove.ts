import { isDeepStrictEqual } from "node:util";
import type { Store } from "../../../db/store";
import {
  type ArgumentPlace,
  buildArgumentTree,
  everyNode,
  latestActivity,
} from "../../../lib/debate";
import type { Side } from "../../../lib/session";
import { readableRows } from "./queries";
import { shapeOf } from "./shapeTree";

/** "Latest activity" of arguments, by id, as pages read them. */
export type LatestActivity = Record<string, string>;

/**
 * The "Latest activity" of each argument above one that has just left some readers' threads
 * (withdrawn, or hidden), as a page read now counts it (`repliesOf`): a page holding the
 * thread only in part cannot tell what came before the argument that left (P-LIVE-5). Read
 * from the thread's top-level argument down, after the change, for the room's readers and for
 * its moderators, whose threads keep hidden arguments.
 */
export async function latestAbove(
  store: Pick<Store, "arguments">,
  motionId: string,
  place: ArgumentPlace,
): Promise<{ readers: LatestActivity; moderators: LatestActivity; thread?: Side }> {
  const [top] = place.above;
  if (!top) return { readers: {}, moderators: {} };
  const ids = [top];
  for (let parents = [top]; parents.length > 0; ) {
    parents = (await store.arguments.repliesTo(motionId, parents)).map((reply) => reply.id);
    ids.push(...parents);
  }
  const rows = await store.arguments.byIds(ids);
  const above = new Set(place.above);
  const latestFor = (moderates: boolean) => {
    const readable = readableRows(rows, { id: "", moderates }).map(shapeOf);
    return Object.fromEntries(
      everyNode(buildArgumentTree(readable, { keepHidden: moderates }))
        .filter((node) => above.has(node.id))
        .map((node) => [node.id, latestActivity(node)]),
    );
  };
  const relation = rows.find((row) => row.id === top)?.relation;
  const thread = relation === "for" || relation === "against" ? relation : undefined;
  return { readers: latestFor(false), moderators: latestFor(true), ...(thread && { thread }) };
}

/**
 * latestAbove as an "argument.withdrawn" event carries it: the readers' `latest`, given for a reply
 * even when it names nothing (an argument above that it does not name left those threads with the
 * reply, P-LIVE-3); `latestForModerators` where the moderators' differ; the thread's side.
 */
export async function latestOnWithdrawal(
  store: Pick<Store, "arguments">,
  motionId: string,
  place: ArgumentPlace,
) {
  const { readers, moderators, thread } = await latestAbove(store, motionId, place);
  return {
    ...(place.above.length > 0 && { latest: readers }),
    ...(!isDeepStrictEqual(readers, moderators) && { latestForModerators: moderators }),
    ...(thread && { thread }),
  };
}

/**
 * latestAbove as an "argument.hidden" event carries it: as a withdrawal's, for the readers alone
 * (a moderator's threads keep the hidden argument).
 */
export async function latestOnHiding(
  store: Pick<Store, "arguments">,
  motionId: string,
  place: ArgumentPlace,
) {
  const { latest, thread } = await latestOnWithdrawal(store, motionId, place);
  return { ...(latest && { latest }), ...(thread && { thread }) };
}
