import { moderationLog } from "@/server/domain/debate/moderationLog";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The motion's moderation log, for its space's owners and moderators. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requestActor(request);
  return respond(await moderationLog(runtime().store, actor, (await params).id));
}
