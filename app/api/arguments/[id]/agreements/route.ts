import { whoAgreed } from "@/server/domain/debate/whoAgreed";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Who agreed with the argument, by name: moderators of a motion that is not anonymous. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requestActor(request);
  return respond(await whoAgreed(runtime().store, actor, (await params).id));
}
