import { listMotions } from "@/server/domain/debate/queries";
import { json, requestActor } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return json(await listMotions(runtime().store, await requestActor(request)));
}
