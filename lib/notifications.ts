import { z } from "zod";
import { Id } from "./ids";

/** What a notification tells its reader about. */
export const NotificationType = z.enum([
  "reply",
  "mention",
  "approved",
  "rejected",
  "hidden",
  "motion_opened",
]);
export type NotificationType = z.infer<typeof NotificationType>;

/**
 * How a member follows a motion: following (the default once they post in it), unfollowed (no
 * replies to their arguments), or muted (nothing from the motion at all).
 */
export const FollowState = z.enum(["following", "unfollowed", "muted"]);
export type FollowState = z.infer<typeof FollowState>;

/** `motion:follow` and PUT /api/motions/:id/follow: how the member wants to hear from a motion. */
export const FollowMotion = z.object({
  motionId: Id,
  state: FollowState,
});
export type FollowMotion = z.input<typeof FollowMotion>;

/** POST /api/me/notifications/read: some of one's notifications by id, or all of them. */
export const MarkNotificationsRead = z.union(
  [
    z
      .object({
        ids: z.array(Id).min(1).max(500),
      })
      .strict(),
    z.object({ all: z.literal(true) }).strict(),
  ],
  { error: "send {ids: [...]} with the ids to mark read, or {all: true}" },
);
export type MarkNotificationsRead = z.input<typeof MarkNotificationsRead>;

/**
 * A notification as its reader gets it. `actor` is who did it as the reader may know them: in
 * an anonymous motion, someone else's pseudonym ("Participant 3"), never a name or an id.
 */
export interface NotificationView {
  id: string;
  type: NotificationType;
  motionId: string;
  motionTitle: string;
  argumentId: string | null;
  actor: { id: string; name: string } | null;
  /** Why a moderator rejected or hid the post (rejected and hidden only). */
  reason: string | null;
  at: string;
  read: boolean;
}

export interface Inbox {
  notifications: NotificationView[];
  unread: number;
}

/**
 * Where a notification leads: the argument on its motion's page, or the motion (a hidden post is
 * not on the page: the motion it was in).
 */
export const notificationHref = (n: Pick<NotificationView, "motionId" | "argumentId" | "type">) =>
  n.argumentId && n.type !== "hidden"
    ? `/motions/${n.motionId}#argument-${n.argumentId}`
    : `/motions/${n.motionId}`;

/** What a notification says, in words. */
export function describeNotification(n: NotificationView): string {
  const who = n.actor?.name ?? "Someone";
  switch (n.type) {
    case "reply":
      return `${who} replied to your argument on “${n.motionTitle}”`;
    case "mention":
      return `${who} mentioned you on “${n.motionTitle}”`;
    case "approved":
      return `Your post on “${n.motionTitle}” was approved`;
    case "rejected":
      return n.reason
        ? `Your post on “${n.motionTitle}” was rejected: ${n.reason}`
        : `Your post on “${n.motionTitle}” was rejected`;
    case "hidden":
      return n.reason
        ? `A moderator hid your post on “${n.motionTitle}”: ${n.reason}`
        : `A moderator hid your post on “${n.motionTitle}”`;
    case "motion_opened":
      return `A new motion is open: ${n.motionTitle}`;
  }
}
