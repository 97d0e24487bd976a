import type {
  ArgumentRow,
  FollowRow,
  MotionRow,
  NewEvent,
  NotificationRow,
  Repos,
  SpaceRow,
  StoredEvent,
} from "../../../db/store";
import type { NotificationType } from "../../../lib/notifications";
import { authorize } from "../../policy";
import { newId } from "../ids";
import { placeOf } from "../spaces/access";
import { mentionedNames } from "./mentions";

/** The motion events that can notify someone; the others never do, so nothing is looked up. */
export const notifyingEvents = new Set<string>([
  "argument.posted",
  "argument.approved",
  "argument.edited",
  "argument.rejected",
  "argument.hidden",
  "motion.created",
  "motion.status",
]);

type Motion = Pick<MotionRow, "id" | "spaceId">;
type Draft = Omit<NotificationRow, "id" | "motionId" | "seq" | "at" | "readAt">;

/**
 * What a command's event means for the people who follow its motion, written in the command's
 * own transaction (P-NOTE-7), so a command that rolls back notifies nobody: its author follows
 * the motion once they post (P-NOTE-1), and the notifications it causes are stored, one per
 * recipient, never to whoever caused it.
 */
export async function notify(tx: Repos, motion: Motion, event: StoredEvent): Promise<void> {
  await tx.notifications.insert(notificationsOf(await recipients(tx, motion, event), event));
}

/** Who an event will notify, and of what: decided before it has its seq (see postArgument). */
export type Recipients = { motionId: string; drafts: Draft[] };

/** Rows a caller of `recipients` holds already, which it then does not read again. */
export interface Known {
  /** The argument the event tells of, when the caller just stored it. */
  stored?: ArgumentRow;
  /** Its parent. */
  parent?: ArgumentRow;
  /** The motion's space. */
  space?: SpaceRow;
}

/**
 * The first half of `notify`, for a command that appends its event under a lock it takes last:
 * what the event means for followers, before the lock. The author's follow is written too,
 * unless the caller stores it with the argument it just stored (`stored`, `authorFollows`).
 */
export async function recipients(
  tx: Repos,
  motion: Motion,
  event: NewEvent,
  known: Known = {},
): Promise<Recipients> {
  const { stored } = known;
  const drafts: Draft[] = [];
  const told = (id: string) => (stored?.id === id ? stored : tx.arguments.get(id));
  switch (event.type) {
    case "argument.submitted": {
      const argument = await told(event.data.argument.id);
      if (argument && !stored) await followOnPost(tx, argument, event.at);
      break;
    }
    case "argument.posted": {
      const argument = await told(event.data.argument.id);
      if (!argument) break;
      if (!stored) await followOnPost(tx, argument, event.at);
      drafts.push(...(await published(tx, motion, argument, known.parent)));
      break;
    }
    case "argument.approved": {
      const argument = await tx.arguments.get(event.data.argument.id);
      if (!argument) break;
      drafts.push(about(argument, "approved", event.actorId));
      drafts.push(...(await published(tx, motion, argument)));
      break;
    }
    case "argument.edited":
      drafts.push(...(await namedAnew(tx, motion, event.data.argumentId)));
      break;
    case "argument.rejected": {
      const argument = await tx.arguments.get(event.data.argumentId);
      if (argument) drafts.push(about(argument, "rejected", event.actorId));
      break;
    }
    case "argument.hidden": {
      // Gone from the page for its author too: they hear it went, and why.
      const argument = await tx.arguments.get(event.data.argumentId);
      if (argument) drafts.push(about(argument, "hidden", event.actorId));
      break;
    }
    case "motion.created":
      if (event.data.status === "open") drafts.push(...(await opened(tx, motion, event.actorId)));
      break;
    case "motion.status":
      if (event.data.status === "open" && event.data.previous === "draft") {
        drafts.push(...(await opened(tx, motion, event.actorId)));
      }
      break;
  }
  // Never to who caused it (P-NOTE-7), and once per recipient: a reply that also names its
  // parent's author is a reply, listed first.
  const seen = new Set<string>();
  const once = drafts.filter((draft) => {
    if (draft.userId === draft.actorId || seen.has(draft.userId)) return false;
    seen.add(draft.userId);
    return true;
  });
  const space =
    once.length === 0 ? undefined : (known.space ?? (await tx.spaces.get(motion.spaceId)));
  const readable = await Promise.all(once.map((draft) => mayRead(tx, draft.userId, space)));
  return { motionId: motion.id, drafts: once.filter((_, i) => readable[i]) };
}

/** The notifications to store once the event has its seq: the second half of `notify`. */
export function notificationsOf(
  recipients: Recipients,
  event: Pick<StoredEvent, "seq" | "at">,
): NotificationRow[] {
  return unnumbered(recipients).map((row) => ({ ...row, seq: event.seq, at: event.at }));
}

/** The same, for a store that gives them the event's seq and time as it logs it. */
export function unnumbered({
  motionId,
  drafts,
}: Recipients): Omit<NotificationRow, "seq" | "at">[] {
  return drafts.map((draft) => ({ ...draft, id: newId(), motionId, readAt: null }));
}

/**
 * The author follows the motion from their first post, unless they chose otherwise (P-NOTE-1):
 * the row to write, if the author has none yet.
 */
export const authorFollows = (argument: ArgumentRow, at: Date): FollowRow => ({
  userId: argument.authorId,
  motionId: argument.motionId,
  state: "following",
  changedAt: at,
});

async function followOnPost(tx: Repos, argument: ArgumentRow, at: Date) {
  await tx.follows.put(authorFollows(argument, at), { keepExisting: true });
}

const about = (argument: ArgumentRow, type: NotificationType, actorId: string | null): Draft => ({
  userId: argument.authorId,
  type,
  argumentId: argument.id,
  actorId: actorId === "system" ? null : actorId,
});

/** A post the room can now read: a reply to its parent's author (P-NOTE-3), and its mentions (P-NOTE-4). */
async function published(
  tx: Repos,
  motion: Motion,
  argument: ArgumentRow,
  /** Its parent, when the caller read it. */
  parentRead?: ArgumentRow,
): Promise<Draft[]> {
  const drafts: Draft[] = [];
  const parentId = argument.parentId;
  const parent =
    parentId && parentRead?.id === parentId
      ? parentRead
      : parentId && (await tx.arguments.get(parentId));
  if (parent) {
    const follow = await tx.follows.get(parent.authorId, motion.id);
    if (follow?.state === "following") drafts.push(byAuthorOf(argument, parent.authorId, "reply"));
  }
  drafts.push(...(await mentionsIn(tx, motion, argument)));
  return drafts;
}

const byAuthorOf = (argument: ArgumentRow, userId: string, type: NotificationType): Draft => ({
  userId,
  type,
  argumentId: argument.id,
  actorId: argument.authorId,
});

/** The members an argument's words name, but those who muted its motion (P-NOTE-4). */
async function mentionsIn(tx: Repos, motion: Motion, argument: ArgumentRow): Promise<Draft[]> {
  if (!argument.body.includes("@")) return [];
  const members = await tx.memberships.list(motion.spaceId);
  const named = new Set(
    mentionedNames(
      argument.body,
      members.map((m) => m.name),
    ).map((name) => name.toLowerCase()),
  );
  const mentioned = members.filter((m) => named.has(m.name.trim().toLowerCase()));
  const muted = await mutedAmong(
    tx,
    motion.id,
    mentioned.map((m) => m.userId),
  );
  return mentioned
    .filter((member) => !muted.has(member.userId))
    .map((member) => byAuthorOf(argument, member.userId, "mention"));
}

/**
 * A published argument its author rewrote: whoever the new words name who has heard nothing of
 * it yet (a mention or a reply) hears of it now, once (P-NOTE-4). A pending one names them when
 * it is approved.
 */
async function namedAnew(tx: Repos, motion: Motion, argumentId: string): Promise<Draft[]> {
  const argument = await tx.arguments.get(argumentId);
  if (argument?.status !== "published") return [];
  const drafts = await mentionsIn(tx, motion, argument);
  if (drafts.length === 0) return [];
  const told = new Set(
    (await tx.notifications.ofArgument(motion.id, argumentId)).map((row) => row.userId),
  );
  return drafts.filter((draft) => !told.has(draft.userId));
}

/** A motion now open: every member of its space hears of it, but who muted it (P-NOTE-6). */
async function opened(tx: Repos, motion: Motion, actorId: string): Promise<Draft[]> {
  const members = await tx.memberships.list(motion.spaceId);
  const muted = await mutedAmong(
    tx,
    motion.id,
    members.map((m) => m.userId),
  );
  return members
    .filter((m) => !muted.has(m.userId))
    .map((m) => ({
      userId: m.userId,
      type: "motion_opened" as const,
      argumentId: null,
      actorId: actorId === "system" ? null : actorId,
    }));
}

async function mutedAmong(tx: Repos, motionId: string, userIds: string[]) {
  const rows = await tx.follows.ofMotion(motionId, userIds);
  return new Set(rows.filter((row) => row.state === "muted").map((row) => row.userId));
}

/** Whether a user may read the motion's space: nobody hears of a motion they cannot open (P-NOTE-8). */
async function mayRead(tx: Repos, userId: string, space: SpaceRow | undefined) {
  const user = { kind: "user" as const, id: userId, name: "", guestOf: null };
  return authorize(user, "space.read", await placeOf(tx, user, space)) === null;
}
