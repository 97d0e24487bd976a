"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import {
  describeNotification,
  type Inbox,
  type NotificationView,
  notificationHref,
} from "@/lib/notifications";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/protocol";
import { callApi } from "../components/api";
import { announceMarked, announceUnread, currentNotifications } from "../components/InboxBadge";
import { useHydrated } from "../components/useHydrated";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** The signed-in member's notifications: new ones arrive live; opening one marks it read. */
export function InboxList({ initial }: { initial: Inbox }) {
  const [notifications, setNotifications] = useState(initial.notifications);
  const [problem, setProblem] = useState<string | null>(null);
  // The button waits for hydration: a click on the server's HTML alone would be lost.
  const hydrated = useHydrated();
  const unread = notifications.filter((n) => !n.read).length;

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      transports: ["websocket", "polling"],
    });
    socket.on("notification:push", (n) =>
      setNotifications((list) => [n, ...list.filter((old) => old.id !== n.id)]),
    );
    // A reply withdrawn or hidden since: its notification leaves the list (P-NOTE-12), and stays
    // out of a list asked for before and answered after.
    const gone = new Set<string>();
    socket.on("notification:gone", ({ ids }) => {
      for (const id of ids) gone.add(id);
      setNotifications((list) => list.filter((n) => !gone.has(n.id)));
    });
    const readAgain = async () => {
      const current = (await currentNotifications())?.filter((n) => !gone.has(n.id));
      if (!current) return;
      setNotifications(current);
      announceUnread(current.filter((n) => !n.read).length);
    };
    // The list as it is now, on each (re)connection: a page brought back from the browser's
    // history may hold an older one, and notifications may have come while the connection was down.
    socket.on("connect", readAgain);
    // A moderator restored a hidden reply (P-NOTE-13): read again, it takes its place in the list.
    socket.on("notification:returned", ({ ids }) => {
      for (const id of ids) gone.delete(id);
      void readAgain();
    });
    return () => {
      socket.disconnect();
    };
  }, []);

  const markRead = async (body: { ids: string[] } | { all: true }) => {
    const ids = "ids" in body ? new Set(body.ids) : null;
    const markLocally = () =>
      setNotifications((list) =>
        list.map((n) => (!ids || ids.has(n.id) ? { ...n, read: true } : n)),
      );
    markLocally();
    const answer = await callApi<{ unread: number }>("/api/me/notifications/read", {
      method: "POST",
      json: body,
    });
    if (answer.ok) {
      // Again after the answer: a list fetched on (re)connection may have landed in between.
      markLocally();
      announceMarked(answer.body.unread);
    }
    setProblem(answer.ok ? null : answer.problem);
  };

  // Marked all read, the button is disabled and would drop the keyboard's focus to the top of the
  // page: the focus goes to the heading that now says "All read".
  const heading = useRef<HTMLHeadingElement>(null);
  const markAllRead = (button: HTMLButtonElement) => {
    const fromKeyboardOrFocus = document.activeElement === button;
    void markRead({ all: true });
    if (fromKeyboardOrFocus) heading.current?.focus();
  };

  if (notifications.length === 0) {
    return (
      <div className="empty">
        <p>
          Nothing yet. Replies to your arguments, mentions of you (@ and your name), what a
          moderator decided about your posts, and new motions in your spaces will appear here.
        </p>
        <p>
          To begin, open a motion in <Link href="/spaces">your spaces</Link> and make an argument:
          you will hear here when someone answers it.
        </p>
      </div>
    );
  }

  return (
    <section aria-labelledby="inbox-heading" className="inbox">
      <div className="inbox-header">
        <h2 id="inbox-heading" ref={heading} tabIndex={-1}>
          {unread === 0 ? "All read" : `${unread} unread`}
        </h2>
        <button
          type="button"
          className="secondary"
          disabled={!hydrated || unread === 0}
          onClick={(event) => markAllRead(event.currentTarget)}
        >
          Mark all read
        </button>
      </div>
      {problem ? (
        <p className="problem" role="alert">
          {problem}
        </p>
      ) : null}
      <ul className="inbox-list">
        {notifications.map((n) => (
          <InboxItem
            key={n.id}
            notification={n}
            onOpen={() => !n.read && markRead({ ids: [n.id] })}
          />
        ))}
      </ul>
    </section>
  );
}

function InboxItem({
  notification: n,
  onOpen,
}: {
  notification: NotificationView;
  onOpen: () => void;
}) {
  return (
    <li className={n.read ? "inbox-item" : "inbox-item inbox-unread"}>
      {n.read ? null : (
        <span className="inbox-new" aria-hidden="true">
          New
        </span>
      )}
      <Link href={notificationHref(n)} onClick={onOpen}>
        {describeNotification(n)}
        {n.read ? null : <span className="visually-hidden"> (unread)</span>}
      </Link>
      <time className="meta" dateTime={n.at} suppressHydrationWarning>
        {when.format(new Date(n.at))}
      </time>
    </li>
  );
}
