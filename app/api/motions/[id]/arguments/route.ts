import { commandRoute } from "@/server/commandRoutes";
import { conditionalGet } from "@/server/conditionalGet";
import { argumentPage } from "@/server/domain/debate/argumentPages";
import { motionViewTag } from "@/server/domain/debate/viewTag";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/**
 * One page of arguments: ?side=&parentId=&order=&cursor=&limit=&view= (docs/api.md); `304` when
 * If-None-Match names its ETag.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { store } = runtime();
  const [actor, { id }] = await Promise.all([requestActor(request), params]);
  const { search, searchParams } = new URL(request.url);
  return conditionalGet(request, await motionViewTag(store, actor, id, search), async () =>
    respond(await argumentPage(store, actor, id, Object.fromEntries(searchParams))),
  );
}

/**
 * Answers 201 with the argument as GET /api/arguments/:id shows it to its author: the command
 * route of `argument:post`, which answers alike.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return commandRoute(request, "motion", (await params).id, "argument:post");
}
