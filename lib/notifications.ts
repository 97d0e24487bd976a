import { z } from "zod";

/** What a notification tells its reader about. */
export const NotificationType = z.enum(["reply", "mention", "approved", "rejected", "motion_opened"]);
export type NotificationType = z.infer<typeof NotificationType>;

/**
 * How a member follows a motion: following (the default once they post in it), unfollowed (no
 * replies to their arguments), or muted (nothing from the motion at all).
 */
export const FollowState = z.enum(["following", "unfollowed", "muted"]);
export type FollowState = z.infer<typeof FollowState>;
