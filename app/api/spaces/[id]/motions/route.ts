import { getMotion, listSpaceMotions } from "@/server/domain/debate/queries";
import { execute } from "@/server/execute";
import { created, errorResponse, jsonBody, requestActor, respond, restDoor } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  const actor = await requestActor(request);
  return respond(await listSpaceMotions(runtime().store, actor, (await params).id));
}

/** Answers 201 with the motion as GET /api/motions/:id shows it. */
export async function POST(request: Request, { params }: Context) {
  const body = (await jsonBody(request)) as object | undefined;
  const actor = await requestActor(request);
  const input = { ...body, spaceId: (await params).id };
  const outcome = await execute("motion:create", actor, input, restDoor(request));
  if (!outcome.ok) return errorResponse(outcome);
  const motion = await getMotion(runtime().store, actor, outcome.value.motionId);
  return created(motion, ({ id }) => `/api/motions/${id}`);
}
