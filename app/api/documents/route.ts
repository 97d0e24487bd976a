import { listDocuments } from "@/server/domain/library/queries";
import { json, requestActor } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return json(await listDocuments(runtime().store, await requestActor(request)));
}
