import { execute } from "@/server/execute";
import { errorResponse, json, jsonBody, restDoor } from "@/server/http";
import { anonymousActor } from "@/server/policy";

export const dynamic = "force-dynamic";

/**
 * Sets a new password with a reset link's token; every session of the account ends. The token
 * says whose: the request's own session, if any, plays no part, and the address alone is counted.
 */
export async function POST(request: Request) {
  const input = await jsonBody(request);
  if (!input.ok) return errorResponse(input);
  const outcome = await execute("password:reset", anonymousActor, input.body, restDoor(request));
  if (!outcome.ok) return errorResponse(outcome);
  return json({ ended: outcome.value.ended.length });
}
