import { listNotifications } from "@/server/domain/notifications/inbox";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The signed-in member's notifications, newest first, and how many are unread. */
export async function GET(request: Request) {
  return respond(await listNotifications(runtime().store, await requestActor(request)));
}
