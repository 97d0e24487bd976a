import type { Store } from "../../db/store";
import { moderatorsRoom, motionRoom, type OutgoingEvent, ownRoom } from "../../lib/protocol";
import { bystander, eventForViewer, ownerOf } from "../domain/debate/audience";
import { inboxChanges, notificationsOf } from "../domain/notifications/inbox";
import type { MootServer } from "./index";

/**
 * Every connection of one user, so a removed member can be taken out of rooms at once, and
 * their notifications reach them wherever they are.
 */
export const userRoom = (userId: string) => `user:${userId}`;

/**
 * Sends committed events to their motions' rooms, each as its audience may see it (P-MOD-3,
 * P-ANON-1): the moderators and an event's owner get it whole; everyone else gets it as the
 * audience rules make it for a bystander, if that differs. In an anonymous motion the owner
 * does not learn who else acted on their post either. The events of one motion go to each
 * audience as one `motion:events`, in seq order (P-JOIN-5).
 */
export function publisher(io: MootServer) {
  return (events: OutgoingEvent[]) => {
    const byMotion = new Map<string, OutgoingEvent[]>();
    for (const event of events) {
      const ofMotion = byMotion.get(event.motionId);
      if (ofMotion) ofMotion.push(event);
      else byMotion.set(event.motionId, [event]);
    }
    for (const [motionId, ofMotion] of byMotion) {
      ofMotion.sort((a, b) => a.seq - b.seq);
      // Sent after the turn, outside any command: a fault stops this motion's events only.
      try {
        sendToRoom(io, motionId, ofMotion);
      } catch (error) {
        console.error(`could not send the events of motion ${motionId}`, error);
      }
    }
  };
}

function sendToRoom(io: MootServer, motionId: string, events: OutgoingEvent[]) {
  const shaped = events.map(({ anonymous = false, notified: _pushedApart, ...event }) => {
    const forOthers = eventForViewer(event, bystander, anonymous);
    const owner = forOthers === event ? null : ownerOf(event);
    return { event, forOthers, anonymous, owner };
  });
  const room = motionRoom(motionId);
  const forOthers = shaped.map((each) => each.forOthers);
  if (shaped.every(({ event }, i) => forOthers[i] === event)) {
    io.to(room).emit("motion:events", forOthers);
    return;
  }
  const moderators = moderatorsRoom(motionId);
  io.to(moderators).emit(
    "motion:events",
    shaped.map(({ event }) => event),
  );
  const insiders = [moderators];
  const owners = new Set(shaped.flatMap(({ owner }) => (owner ? [owner] : [])));
  for (const owner of owners) {
    const own = ownRoom(motionId, owner);
    const viewer = { id: owner, moderates: false };
    const forOwner = shaped.map((each) =>
      each.owner === owner ? eventForViewer(each.event, viewer, each.anonymous) : each.forOthers,
    );
    io.to(own).except(moderators).emit("motion:events", forOwner);
    insiders.push(own);
  }
  io.to(room).except(insiders).emit("motion:events", forOthers);
}

/**
 * Sends the notifications committed events caused to each recipient's connections, on any node
 * (P-NOTE-10), and tells them of those the events took out of their inbox (P-NOTE-12) or a
 * restore gave back (P-NOTE-13). All are read from the database after the commit, as each
 * recipient may see them; a user who is offline finds their inbox as it is now.
 */
export function pushNotifications(io: MootServer, store: Store) {
  return (events: OutgoingEvent[]) => {
    void Promise.all([notificationsOf(store, events), inboxChanges(store, events)])
      .then(([pushed, { gone, returned }]) => {
        for (const { userId, notification } of pushed) {
          io.to(userRoom(userId)).emit("notification:push", notification);
        }
        for (const { userId, ids } of gone)
          io.to(userRoom(userId)).emit("notification:gone", { ids });
        for (const { userId, ids } of returned)
          io.to(userRoom(userId)).emit("notification:returned", { ids });
      })
      .catch((error) => console.error("could not push notifications", error));
  };
}
