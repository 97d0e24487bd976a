import { createSpace } from "@/server/domain/spaces/createSpace";
import { listMySpaces } from "@/server/domain/spaces/queries";
import { jsonBody, requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return respond(await listMySpaces(runtime().store, await requestActor(request)));
}

export async function POST(request: Request) {
  const body = await jsonBody(request);
  const outcome = await createSpace(runtime().store, await requestActor(request), body);
  return respond(outcome, 201);
}
