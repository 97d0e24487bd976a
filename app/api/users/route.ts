import { signUp } from "@/server/domain/accounts/signUp";
import { done } from "@/server/domain/outcome";
import {
  created,
  errorResponse,
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
  const { id, name, email, converted } = outcome.value;
  // The user as GET /api/users/:id answers them, which it does once they are signed in.
  const response = created(done({ id, name, email }), (user) => `/api/users/${user.id}`);
  return converted ? withSession(response, outcome.value, request) : response;
}
