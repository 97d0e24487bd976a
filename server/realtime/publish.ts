import { moderatorsRoom, motionRoom, ownRoom } from "../../lib/protocol";
import { bystander, eventForViewer, type OutgoingEvent, ownerOf } from "../domain/debate/audience";
import type { MootServer } from "./index";

/**
 * Sends committed events to a motion's room, each as its audience may see it (P-MOD-3,
 * P-ANON-1): the moderators and the event's owner get it whole; everyone else gets it as the
 * audience rules make it for a bystander, if that differs.
 */
export function publisher(io: MootServer) {
  return (events: OutgoingEvent[]) => {
    for (const { anonymous = false, ...event } of events) {
      const room = motionRoom(event.motionId);
      const forOthers = eventForViewer(event, bystander, anonymous);
      if (forOthers === event) {
        io.to(room).emit("motion:event", event);
        continue;
      }
      const owner = ownerOf(event);
      const insiders = [moderatorsRoom(event.motionId)];
      if (owner) insiders.push(ownRoom(event.motionId, owner));
      io.to(insiders).emit("motion:event", event);
      io.to(room).except(insiders).emit("motion:event", forOthers);
    }
  };
}
