import { motionResult } from "@/server/domain/debate/results";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The vote's result, who moved and the most cited passages, for owners and moderators. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requestActor(request);
  return respond(await motionResult(runtime().store, actor, (await params).id));
}
