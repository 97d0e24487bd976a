import { moderatorsRoom, motionRoom, ownRoom } from "../../lib/protocol";
import type { Effect } from "../domain/outcome";
import type { MootServer } from "./index";
import { userRoom } from "./publish";

/**
 * Takes a removed member's open connections, on every node, out of the space's motions' rooms at
 * once, and one who no longer moderates out of their moderators' rooms.
 */
export function evictMember(io: MootServer, effect: Extract<Effect, { type: "member.evicted" }>) {
  const { userId, motionIds, stopsModerating } = effect;
  const rooms = motionIds.flatMap((id) => [
    motionRoom(id),
    moderatorsRoom(id),
    ownRoom(id, userId),
  ]);
  io.in(userRoom(userId)).socketsLeave([...rooms, ...stopsModerating.map(moderatorsRoom)]);
}

/**
 * Tells a member's open connections, on every node, that what they may do in the space changed
 * (P-MEMBER-1): their pages of its motions read it again.
 */
export function tellMember(io: MootServer, effect: Extract<Effect, { type: "member.standing" }>) {
  io.to(userRoom(effect.userId)).emit("membership:update", { spaceId: effect.spaceId });
}
