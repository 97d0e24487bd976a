import type { Metadata } from "next";
import Link from "next/link";
import { pageActor } from "@/server/auth/pageActor";
import { listNotifications } from "@/server/domain/notifications/inbox";
import { runtime } from "@/server/runtime";
import { InboxList } from "./InboxList";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notifications" };

export default async function InboxPage() {
  const actor = await pageActor();
  const inbox = await listNotifications(runtime().store, actor);
  return (
    <>
      <h1>Notifications</h1>
      {inbox.ok ? (
        <InboxList initial={inbox.value} />
      ) : (
        <p className="empty">
          <Link href="/signin?callbackUrl=%2Finbox">Sign in</Link> to see replies to your arguments,
          mentions of you, what became of your posts, and new motions in your spaces.
        </p>
      )}
    </>
  );
}
