import type { Repos } from "../../../db/store";
import type { OutgoingEvent } from "../../../lib/protocol";
import { outgoing } from "../events";

/**
 * Names the member `name` on every argument they wrote and in their motions' earlier events,
 * and logs `type` in each motion they argued in, so open pages rename them too. Where nothing
 * of theirs in a motion went public, the room never knew they wrote anything there: the event
 * is theirs alone, and only the moderators, who saw their posts wait, hear of it (P-MOD-3).
 */
export async function renameAuthor(
  tx: Repos,
  userId: string,
  name: string,
  type: "author.deleted" | "author.renamed",
  at: Date,
): Promise<OutgoingEvent[]> {
  const events: OutgoingEvent[] = [];
  for (const { motionId, wasPublic } of await tx.people.renameAuthor(userId, name)) {
    await tx.events.renameAuthor(motionId, userId, name);
    const motion = await tx.motions.get(motionId);
    if (!motion) continue;
    const row = await tx.events.append({
      motionId,
      type,
      data: { authorId: userId, name, ...(wasPublic ? {} : { onlyFor: userId }) },
      actorId: userId,
      at,
    });
    events.push(outgoing(row, motion));
  }
  return events;
}
