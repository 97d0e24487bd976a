import { markNotificationsRead } from "@/server/domain/notifications/inbox";
import { jsonBody, requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Marks notifications read: {ids: [...]} or {all: true}; answers how many remain unread. */
export async function POST(request: Request) {
  const actor = await requestActor(request);
  return respond(await markNotificationsRead(runtime().store, actor, await jsonBody(request)));
}
