import { roomResult } from "@/server/domain/debate/results";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The vote, its winner and the most cited passages, for anyone who may read the motion. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requestActor(request);
  return respond(await roomResult(runtime().store, actor, (await params).id));
}
