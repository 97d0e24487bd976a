import type { Store } from "../../db/store";
import { moderatorsRoom, motionRoom, type OutgoingEvent, ownRoom } from "../../lib/protocol";
import { bystander, eventForViewer, ownerOf } from "../domain/debate/audience";
import { notificationsOf } from "../domain/notifications/inbox";
import type { MootServer } from "./index";

/**
 * Every connection of one user, so a removed member can be taken out of rooms at once, and
 * their notifications reach them wherever they are.
 */
export const userRoom = (userId: string) => `user:${userId}`;

/**
 * Sends committed events to a motion's room, each as its audience may see it (P-MOD-3,
 * P-ANON-1): the moderators and the event's owner get it whole; everyone else gets it as the
 * audience rules make it for a bystander, if that differs. In an anonymous motion the owner
 * does not learn who else acted on their post either.
 */
export function publisher(io: MootServer) {
  return (events: OutgoingEvent[]) => {
    for (const { anonymous = false, notified: _pushedApart, ...event } of events) {
      const room = motionRoom(event.motionId);
      const forOthers = eventForViewer(event, bystander, anonymous);
      if (forOthers === event) {
        io.to(room).emit("motion:event", event);
        continue;
      }
      const moderators = moderatorsRoom(event.motionId);
      io.to(moderators).emit("motion:event", event);
      const owner = ownerOf(event);
      const insiders = [moderators];
      if (owner) {
        const own = ownRoom(event.motionId, owner);
        const forOwner = eventForViewer(event, { id: owner, moderates: false }, anonymous);
        io.to(own).except(moderators).emit("motion:event", forOwner);
        insiders.push(own);
      }
      io.to(room).except(insiders).emit("motion:event", forOthers);
    }
  };
}

/**
 * Sends the notifications committed events caused to each recipient's connections, on any node
 * (P-NOTE-10). They are read back from the database after the commit, as each recipient may see
 * them; a user who is offline finds them in their inbox instead.
 */
export function pushNotifications(io: MootServer, store: Store) {
  return (events: OutgoingEvent[]) => {
    void notificationsOf(store, events)
      .then((pushed) => {
        for (const { userId, notification } of pushed) {
          io.to(userRoom(userId)).emit("notification", notification);
        }
      })
      .catch((error) => console.error("could not push notifications", error));
  };
}
