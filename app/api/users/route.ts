import { done } from "@/server/domain/outcome";
import { execute } from "@/server/execute";
import {
  created,
  errorResponse,
  jsonBody,
  requestActor,
  restDoor,
  withSession,
} from "@/server/http";

export const dynamic = "force-dynamic";

/** Creates an account; a guest's session becomes the account's, keeping what the guest did. */
export async function POST(request: Request) {
  const actor = await requestActor(request);
  const input = await jsonBody(request);
  if (!input.ok) return errorResponse(input);
  const outcome = await execute("account:create", actor, input.body, restDoor(request));
  if (!outcome.ok) return errorResponse(outcome);
  const { id, name, email, converted } = outcome.value;
  // The user as GET /api/users/:id answers them, which it does once they are signed in.
  const response = created(done({ id, name, email }), (user) => `/api/users/${user.id}`);
  return converted ? withSession(response, outcome.value, request) : response;
}
