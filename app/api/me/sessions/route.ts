import { clearedCookieHeader, isSecureRequest } from "@/server/auth/session";
import { endAllSessions } from "@/server/domain/accounts/sessions";
import { errorResponse, json, requestActor } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Sign out everywhere: ends every session of the caller, closes their connections on every node. */
export async function DELETE(request: Request) {
  const { store, disconnectSessions } = runtime();
  const outcome = await endAllSessions(store, await requestActor(request));
  if (!outcome.ok) return errorResponse(outcome);
  disconnectSessions(outcome.value.ended);
  const response = json({ ended: outcome.value.ended.length });
  response.headers.append("set-cookie", clearedCookieHeader(isSecureRequest(request.headers)));
  return response;
}
