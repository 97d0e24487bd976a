import { judgingDeck } from "@/server/domain/debate/deck";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The next arguments for the reader to judge: others' arguments they have not judged yet. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requestActor(request);
  return respond(await judgingDeck(runtime().store, actor, (await params).id));
}
