import { signUp } from "@/server/domain/accounts/signUp";
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

/** Creates an account; a guest's session becomes the account's, keeping what the guest did. */
export async function POST(request: Request) {
  const actor = await requestActor(request);
  const refused = await overLimit(request, "signUps", actor);
  if (refused) return refused;
  const outcome = await signUp(runtime().store, actor, await jsonBody(request));
  await settleAttempt(request, "signUps", outcome.ok);
  if (!outcome.ok) return errorResponse(outcome);
  const { id, name, converted } = outcome.value;
  const response = json({ id, name }, 201);
  return converted ? withSession(response, outcome.value, request) : response;
}
