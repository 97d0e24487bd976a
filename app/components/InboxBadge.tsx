"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { NotificationView } from "@/lib/notifications";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/protocol";
import { callApi } from "./api";

/** What the inbox says when it marks notifications read, so the header's count follows. */
export const UNREAD_CHANGED = "moot:unread";

/** How many times this page has marked notifications read, to tell a list asked for before. */
let marks = 0;

export const announceUnread = (unread: number) =>
  window.dispatchEvent(new CustomEvent<number>(UNREAD_CHANGED, { detail: unread }));

/** The inbox marked notifications read, and the server answered with how many are left. */
export const announceMarked = (unread: number) => {
  marks++;
  announceUnread(unread);
};

/** How many times a list overtaken by a mark is asked for before the caller keeps what it has. */
const ASKS = 3;

/**
 * The member's notifications as the server holds them now, or null if it could not say. A list
 * asked for before the inbox marked some read, and answered after, would bring them back
 * unread: it is asked for again, a few times at most (each mark's own answer already told the
 * page what is left unread).
 */
export async function currentNotifications(): Promise<NotificationView[] | null> {
  for (let ask = 0; ask < ASKS; ask++) {
    const asked = marks;
    const answer = await callApi<NotificationView[]>("/api/me/notifications", { method: "GET" });
    if (!answer.ok) return null;
    if (marks === asked) return answer.body;
  }
  return null;
}

export const unreadLabel = (unread: number) =>
  unread === 0 ? "Notifications" : `Notifications, ${unread} unread`;

/**
 * The header's link to the inbox with how many notifications wait unread, counted up as new
 * ones arrive over Socket.IO on the user's own connection, counted again on each (re)connection,
 * and set again when the inbox marks some read.
 */
export function InboxBadge({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);

  useEffect(() => setUnread(initialUnread), [initialUnread]);

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      transports: ["websocket", "polling"],
    });
    socket.on("notification:push", () => setUnread((n) => n + 1));
    // Only the latest count is kept: one asked for before a notification left and answered
    // after the count asked for since would bring it back.
    let counts = 0;
    const recount = async () => {
      const asked = ++counts;
      const notifications = await currentNotifications();
      if (notifications && asked === counts) setUnread(notifications.filter((n) => !n.read).length);
    };
    // What arrived between the page's render and this connection, or while it was down.
    socket.on("connect", recount);
    // Some left the inbox (P-NOTE-12) or came back to it (P-NOTE-13): counted again, as the badge
    // does not know which are unread.
    socket.on("notification:gone", recount);
    socket.on("notification:returned", recount);
    const changed = (event: Event) => setUnread((event as CustomEvent<number>).detail);
    window.addEventListener(UNREAD_CHANGED, changed);
    return () => {
      window.removeEventListener(UNREAD_CHANGED, changed);
      socket.disconnect();
    };
  }, []);

  return (
    <Link href="/inbox" className="inbox-link" aria-label={unreadLabel(unread)}>
      Notifications
      {unread > 0 ? (
        <span className="unread-count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
