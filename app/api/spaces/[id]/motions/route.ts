import { createMotion } from "@/server/domain/debate/createMotion";
import { listSpaceMotions } from "@/server/domain/debate/queries";
import { jsonBody, requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  const actor = await requestActor(request);
  return respond(await listSpaceMotions(runtime().store, actor, (await params).id));
}

export async function POST(request: Request, { params }: Context) {
  const body = (await jsonBody(request)) as object | undefined;
  const { store, publish } = runtime();
  const input = { ...body, spaceId: (await params).id };
  const outcome = await createMotion(store, await requestActor(request), input);
  if (outcome.ok) publish(outcome.events);
  return respond(outcome, 201);
}
