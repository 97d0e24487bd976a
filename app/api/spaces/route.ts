import { getSpace, listMySpaces } from "@/server/domain/spaces/queries";
import {
  creationResponse,
  errorResponse,
  jsonBody,
  requestActor,
  respond,
  restDoor,
} from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return respond(await listMySpaces(runtime().store, await requestActor(request)));
}

/** Answers 201 with the space as GET /api/spaces/:id shows it to its owner, join code included. */
export async function POST(request: Request) {
  const actor = await requestActor(request);
  const input = await jsonBody(request);
  if (!input.ok) return errorResponse(input);
  return creationResponse("space:create", actor, input.body, restDoor(request), {
    read: ({ spaceId }) => getSpace(runtime().store, actor, spaceId),
    location: ({ id }) => `/api/spaces/${id}`,
  });
}
