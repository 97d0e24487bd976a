import { listNotifications } from "@/server/domain/notifications/inbox";
import { errorResponse, json, requestActor } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The signed-in member's notifications, newest first, each saying whether it was read. */
export async function GET(request: Request) {
  const inbox = await listNotifications(runtime().store, await requestActor(request));
  return inbox.ok ? json(inbox.value.notifications) : errorResponse(inbox);
}
