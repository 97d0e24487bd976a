import type { ArgumentRow, MotionRow, NotificationRow, Repos } from "../../../db/store";
import type { NotificationView } from "../../../lib/notifications";
import { type Actor, authorize } from "../../policy";
import { pseudonymName } from "../debate/audience";
import { placeOf } from "../spaces/access";

/** What the room reads of an argument; the rest only its author, or a moderator, may read. */
const public_ = new Set<ArgumentRow["status"]>(["published", "withdrawn"]);

/**
 * Turns one reader's notifications into views as they may read them now (P-NOTE-8, P-NOTE-9):
 * one whose motion or argument they may no longer read (they left the space, the argument was
 * hidden, or withdrawn by someone else) is left out, and in an anonymous motion someone else is
 * their pseudonym. Remembers what it looked up, for the next notification of the same motion.
 */
export function notificationReader(repos: Repos, reader: Actor) {
  const motions = new Map<string, Promise<{ motion: MotionRow; moderates: boolean } | null>>();
  const motionFor = (id: string) => {
    let found = motions.get(id);
    if (!found) {
      found = readableMotion(repos, reader, id);
      motions.set(id, found);
    }
    return found;
  };

  return async function viewOf(row: NotificationRow): Promise<NotificationView | null> {
    if (row.userId !== reader.id) return null;
    const readable = await motionFor(row.motionId);
    if (!readable) return null;
    const { motion, moderates } = readable;
    const argument = row.argumentId ? await repos.arguments.get(row.argumentId) : undefined;
    if (row.argumentId) {
      const own = argument?.authorId === reader.id && argument.status !== "retracted";
      const seen = argument && (public_.has(argument.status) || own || moderates);
      if (!seen) return null;
      // Restored since (or gone another way): "a moderator hid your post" is no longer so; and
      // hidden again, the latest hiding's notice alone is.
      if (row.type === "hidden" && (argument.status !== "hidden" || !(await latest(repos, row))))
        return null;
      // Its author took the words back: "replied to you" would lead to nothing to read.
      if (argument.status === "withdrawn" && argument.authorId !== reader.id) return null;
    }
    return {
      id: row.id,
      type: row.type,
      motionId: row.motionId,
      motionTitle: motion.title,
      argumentId: row.argumentId,
      actor: await actorAsSeen(repos, row, motion, moderates, argument),
      reason:
        row.type === "rejected"
          ? (argument?.rejectionReason ?? null)
          : row.type === "hidden"
            ? await hidingReason(repos, row)
            : null,
      at: row.at.toISOString(),
      read: row.readAt !== null,
    };
  };
}

/** Whether the row is its reader's latest notification of its type about its argument. */
async function latest(repos: Repos, row: NotificationRow) {
  if (!row.argumentId) return true;
  const rows = await repos.notifications.ofArgument(row.motionId, row.argumentId);
  return rows.filter((r) => r.userId === row.userId && r.type === row.type).at(-1)?.id === row.id;
}

async function readableMotion(repos: Repos, reader: Actor, motionId: string) {
  const motion = await repos.motions.get(motionId);
  if (!motion) return null;
  const place = await placeOf(repos, reader, motion.spaceId);
  if (authorize(reader, "space.read", place)) return null;
  const moderates = authorize(reader, "motion.moderate", place) === null;
  if (motion.status === "draft" && !moderates) return null;
  return { motion, moderates };
}

/**
 * Who did it, as the reader may know them. In an anonymous motion a reader who does not moderate
 * learns an author's pseudonym, the one the motion's page shows, and a moderator's act is a
 * moderator's, unnamed.
 */
async function actorAsSeen(
  repos: Repos,
  row: NotificationRow,
  motion: MotionRow,
  moderates: boolean,
  argument: ArgumentRow | undefined,
): Promise<NotificationView["actor"]> {
  if (!row.actorId) return null;
  if (motion.settings.anonymous && !moderates) {
    const byAuthor = argument?.authorId === row.actorId;
    return byAuthor && argument.pseudonym
      ? { id: `participant-${argument.pseudonym}`, name: pseudonymName(argument.pseudonym) }
      : {
          id: byAuthor ? "participant" : "moderator",
          name: byAuthor ? "A participant" : "A moderator",
        };
  }
  const user = await repos.users.get(row.actorId);
  return user ? { id: user.id, name: user.name } : null;
}

/** The reason the moderator gave when hiding the post: its event's, the one that notified. */
async function hidingReason(repos: Repos, row: NotificationRow): Promise<string | null> {
  const [event] = await repos.events.after(row.motionId, row.seq - 1, 1);
  return event?.type === "argument.hidden" ? event.data.reason : null;
}
