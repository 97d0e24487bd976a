import Link from "next/link";
import { unreadCount } from "@/server/domain/notifications/inbox";
import type { Actor } from "@/server/policy";
import { runtime } from "@/server/runtime";
import { AuthPageLink } from "./AuthPageLink";
import { InboxBadge } from "./InboxBadge";

/** Who is signed in, their notifications, and the way to sign in, join, or out. */
export async function UserMenu({ actor }: { actor: Actor }) {
  if (actor.kind !== "user") {
    return (
      <div className="user-menu">
        <Link href="/join">Join with a code</Link>
        <AuthPageLink to="/signin">Sign in</AuthPageLink>
        <AuthPageLink to="/signup">Sign up</AuthPageLink>
      </div>
    );
  }
  const unread = await unreadCount(runtime().store, actor);
  return (
    <div className="user-menu">
      <InboxBadge initialUnread={unread} />
      <Link href="/account">
        <span className="visually-hidden">Your account: </span>
        {actor.name}
        {actor.guestOf ? " (guest)" : ""}
      </Link>
      {actor.guestOf ? <AuthPageLink to="/signup">Create account</AuthPageLink> : null}
      <Link href="/signout">Sign out</Link>
    </div>
  );
}
