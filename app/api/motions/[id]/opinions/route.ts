import { motionOpinions } from "@/server/domain/debate/opinions";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The room's opinion groups, consensus and divisive arguments, and the reader's own place. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requestActor(request);
  return respond(await motionOpinions(runtime().store, actor, (await params).id));
}
