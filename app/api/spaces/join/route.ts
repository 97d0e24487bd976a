import { execute } from "@/server/execute";
import { errorResponse, json, jsonBody, requestActor, restDoor, withSession } from "@/server/http";

export const dynamic = "force-dynamic";

/** {code} for someone signed in; {code, guestName} makes a guest and signs them in. */
export async function POST(request: Request) {
  const actor = await requestActor(request);
  const input = await jsonBody(request);
  if (!input.ok) return errorResponse(input);
  const outcome = await execute("space:join", actor, input.body, restDoor(request));
  if (!outcome.ok) return errorResponse(outcome);
  const response = json(outcome.value);
  return actor.kind === "user" ? response : withSession(response, outcome.value.user, request);
}
