import { argumentBranch } from "@/server/domain/debate/argumentPages";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The argument with those above it, top-level first: what a link to it needs to show it. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const [actor, { id }] = await Promise.all([requestActor(request), params]);
  return respond(await argumentBranch(runtime().store, actor, id));
}
