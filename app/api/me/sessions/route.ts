import { clearedCookieHeader, isSecureRequest } from "@/server/auth/session";
import { execute } from "@/server/execute";
import { errorResponse, json, requestActor, restDoor } from "@/server/http";

export const dynamic = "force-dynamic";

/** Sign out everywhere: ends every session of the caller, closes their connections on every node. */
export async function DELETE(request: Request) {
  const outcome = await execute("sessions:end", await requestActor(request), {}, restDoor(request));
  if (!outcome.ok) return errorResponse(outcome);
  const response = json({ ended: outcome.value.ended.length });
  response.headers.append("set-cookie", clearedCookieHeader(isSecureRequest(request.headers)));
  return response;
}
