import type { NotificationRow, Repos, Store } from "../../../db/store";
import {
  type Inbox,
  MarkNotificationsRead,
  type NotificationView,
} from "../../../lib/notifications";
import type { MotionEvent } from "../../../lib/protocol";
import type { Actor } from "../../policy";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { notifyingEvents } from "./notify";
import { notificationReader } from "./views";

/** The most notifications the inbox lists, and counts as unread. */
const INBOX_SIZE = 100;
const UNREAD_COUNTED = 500;

const signInFirst = () =>
  refuse("unauthenticated", "Sign in to see the notifications of your account.");

/** A member's notifications they may still read, newest first, and how many are unread. */
export async function listNotifications(store: Store, actor: Actor): Promise<Outcome<Inbox>> {
  if (actor.kind !== "user") return signInFirst();
  const viewOf = notificationReader(store, actor);
  const rows = await store.notifications.ofUser(actor.id, INBOX_SIZE);
  const notifications = await readable(rows, viewOf);
  return done({ notifications, unread: await unreadOf(store, actor, viewOf) });
}

/** How many notifications wait unread: the header's badge. */
export async function unreadCount(store: Store, actor: Actor): Promise<number> {
  if (actor.kind !== "user") return 0;
  return unreadOf(store, actor, notificationReader(store, actor));
}

async function unreadOf(repos: Repos, actor: Actor, viewOf: ReturnType<typeof notificationReader>) {
  const rows = await repos.notifications.ofUser(actor.id, UNREAD_COUNTED, true);
  return (await readable(rows, viewOf)).length;
}

/**
 * Marks some of the member's notifications read, by id, or all of them (P-NOTE-11); an id of
 * someone else's notification is ignored, never marked. Answers how many remain unread.
 */
export async function markNotificationsRead(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<{ unread: number }>> {
  if (actor.kind !== "user") return signInFirst();
  const parsed = MarkNotificationsRead.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const ids = "ids" in parsed.data ? parsed.data.ids : null;
  await store.transaction((tx) => tx.notifications.markRead(actor.id, ids, new Date()));
  return done({ unread: await unreadCount(store, actor) });
}

/**
 * The notifications committed events caused, each as its recipient may read it: what the
 * runtime pushes once the events are published (P-NOTE-10). Read after the commit, so a
 * command that rolled back pushes nothing.
 */
export async function notificationsOf(
  store: Store,
  events: (Pick<MotionEvent, "motionId" | "seq" | "type"> & { notified?: boolean })[],
): Promise<{ userId: string; notification: NotificationView }[]> {
  const seqs = new Map<string, number[]>();
  for (const event of events) {
    if (!notifyingEvents.has(event.type) || event.notified === false) continue;
    seqs.set(event.motionId, [...(seqs.get(event.motionId) ?? []), event.seq]);
  }
  const pushed: { userId: string; notification: NotificationView }[] = [];
  for (const [motionId, motionSeqs] of seqs) {
    for (const row of await store.notifications.ofEvents(motionId, motionSeqs)) {
      const reader: Actor = { kind: "user", id: row.userId, name: "", guestOf: null };
      const notification = await notificationReader(store, reader)(row);
      if (notification) pushed.push({ userId: row.userId, notification });
    }
  }
  return pushed;
}

/** One after another: each lookup is remembered for the next notification of its motion. */
async function readable(rows: NotificationRow[], viewOf: ReturnType<typeof notificationReader>) {
  const views: NotificationView[] = [];
  for (const row of rows) {
    const view = await viewOf(row);
    if (view) views.push(view);
  }
  return views;
}

/** The events after which an argument's notifications may no longer be read (P-NOTE-8). */
const unreadableAfter = new Set<MotionEvent["type"]>(["argument.withdrawn", "argument.hidden"]);

/** Notification ids by recipient. */
export type IdsByUser = { userId: string; ids: string[] }[];

/**
 * How committed events changed their recipients' inboxes beyond new notifications, by
 * recipient, so each one's count and list follow at once:
 * - `gone` (P-NOTE-12): those of an argument its author withdrew or a moderator hid that the
 *   recipient may no longer read (a moderator still reads a hidden one), and, once a moderator
 *   restores it, the notification that told its author it was hidden;
 * - `returned` (P-NOTE-13): once a moderator restores it, those its recipients may read again.
 */
export async function inboxChanges(
  store: Store,
  events: (Pick<MotionEvent, "motionId" | "type"> & { data: unknown })[],
): Promise<{ gone: IdsByUser; returned: IdsByUser }> {
  const gone = new Map<string, string[]>();
  const returned = new Map<string, string[]>();
  const add = (to: Map<string, string[]>, row: NotificationRow) =>
    to.set(row.userId, [...(to.get(row.userId) ?? []), row.id]);
  for (const event of events) {
    const restored = event.type === "argument.restored";
    if (!restored && !unreadableAfter.has(event.type)) continue;
    const argumentId = restored
      ? (event.data as { argument: { id: string } }).argument.id
      : (event.data as { argumentId: string }).argumentId;
    for (const row of await store.notifications.ofArgument(event.motionId, argumentId)) {
      const reader: Actor = { kind: "user", id: row.userId, name: "", guestOf: null };
      const readable = (await notificationReader(store, reader)(row)) !== null;
      if (restored && readable) add(returned, row);
      else if (restored ? row.type === "hidden" : !readable) add(gone, row);
    }
  }
  const byUser = (ids: Map<string, string[]>) =>
    [...ids].map(([userId, each]) => ({ userId, ids: each }));
  return { gone: byUser(gone), returned: byUser(returned) };
}
