import { moderatorsRoom, motionRoom, ownRoom } from "../../lib/protocol";
import type { Effect } from "../domain/outcome";
import type { MootServer } from "./index";
import { userRoom } from "./publish";

/**
 * Takes a removed member's open connections, on every node, out of the space's motions' rooms at
 * once, and one who no longer moderates out of their moderators' rooms.
 */
export function evictMember(io: MootServer, effect: Effect) {
  const { userId, motionIds, stopsModerating } = effect;
  const rooms = motionIds.flatMap((id) => [
    motionRoom(id),
    moderatorsRoom(id),
    ownRoom(id, userId),
  ]);
  io.in(userRoom(userId)).socketsLeave([...rooms, ...stopsModerating.map(moderatorsRoom)]);
}
