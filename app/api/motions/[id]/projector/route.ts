import { conditionalGet } from "@/server/conditionalGet";
import { projectorView } from "@/server/domain/debate/projector";
import { motionViewTag } from "@/server/domain/debate/viewTag";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/**
 * The motion as the room's screen shows it (docs/api.md): what its page is rendered from, read
 * again when an event may change which arguments it shows. `304` when If-None-Match names its
 * ETag.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { store } = runtime();
  const [actor, { id }] = await Promise.all([requestActor(request), params]);
  return conditionalGet(request, await motionViewTag(store, actor, id, "projector"), async () =>
    respond(await projectorView(store, actor, id)),
  );
}
