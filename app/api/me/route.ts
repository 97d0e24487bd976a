import { clearedCookieHeader, isSecureRequest, sessionFromHeaders } from "@/server/auth/session";
import { execute } from "@/server/execute";
import { errorResponse, jsonBody, restDoor } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Deletes the caller's account (body `{password}`), ends their sessions and this cookie. */
export async function DELETE(request: Request) {
  const { store, authSecret } = runtime();
  const { actor, sessionId } = await sessionFromHeaders(store, request.headers, authSecret);
  const body = await jsonBody(request);
  const fields = typeof body === "object" && body !== null && !Array.isArray(body) ? body : {};
  const outcome = await execute(
    "account:delete",
    actor,
    { ...fields, sessionId },
    restDoor(request),
  );
  if (!outcome.ok) return errorResponse(outcome);
  const response = new Response(null, { status: 204 });
  response.headers.append("set-cookie", clearedCookieHeader(isSecureRequest(request.headers)));
  return response;
}
