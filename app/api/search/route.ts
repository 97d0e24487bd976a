import { search } from "@/server/domain/search/search";
import { overLimit, requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const actor = await requestActor(request);
  return (
    (await overLimit(request, "searches", actor)) ??
    respond(await search(runtime().store, actor, query))
  );
}
