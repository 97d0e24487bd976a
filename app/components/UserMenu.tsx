import Link from "next/link";
import type { Actor } from "@/server/policy";

/** Who is signed in, and the way to sign in, join, or out. */
export function UserMenu({ actor }: { actor: Actor }) {
  if (actor.kind !== "user") {
    return (
      <div className="user-menu">
        <Link href="/join">Join with a code</Link>
        <Link href="/signin">Sign in</Link>
      </div>
    );
  }
  return (
    <div className="user-menu">
      <span>
        {actor.name}
        {actor.guestOf ? " (guest)" : ""}
      </span>
      {actor.guestOf ? <Link href="/signup">Create account</Link> : null}
      <Link href="/signout">Sign out</Link>
    </div>
  );
}
