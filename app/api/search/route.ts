import { search } from "@/server/domain/search/search";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return respond(await search(runtime().store, await requestActor(request), query));
}
