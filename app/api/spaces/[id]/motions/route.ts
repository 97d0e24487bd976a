import { getMotion, listSpaceMotions } from "@/server/domain/debate/queries";
import {
  creationResponse,
  errorResponse,
  jsonFields,
  requestActor,
  respond,
  restDoor,
} from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  const actor = await requestActor(request);
  return respond(await listSpaceMotions(runtime().store, actor, (await params).id));
}

/** Answers 201 with the motion as GET /api/motions/:id shows it. */
export async function POST(request: Request, { params }: Context) {
  const fields = await jsonFields(request);
  if (!fields.ok) return errorResponse(fields);
  const actor = await requestActor(request);
  const input = { ...fields.body, spaceId: (await params).id };
  return creationResponse("motion:create", actor, input, restDoor(request), {
    read: ({ motionId }) => getMotion(runtime().store, actor, motionId),
    location: ({ id }) => `/api/motions/${id}`,
  });
}
