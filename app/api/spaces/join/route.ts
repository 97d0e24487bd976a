import { joinSpace } from "@/server/domain/spaces/joinSpace";
import {
  errorResponse,
  json,
  jsonBody,
  overLimit,
  requestActor,
  settleAttempt,
  withSession,
} from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** {code} for someone signed in; {code, guestName} makes a guest and signs them in. */
export async function POST(request: Request) {
  const actor = await requestActor(request);
  const family = actor.kind === "user" ? "joins" : "guestJoins";
  const refused = await overLimit(request, family, actor);
  if (refused) return refused;
  const outcome = await joinSpace(runtime().store, actor, await jsonBody(request));
  await settleAttempt(request, family, outcome.ok);
  if (!outcome.ok) return errorResponse(outcome);
  const response = json(outcome.value);
  return actor.kind === "user" ? response : withSession(response, outcome.value.user, request);
}
