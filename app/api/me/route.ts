import { clearedCookieHeader, isSecureRequest, sessionFromHeaders } from "@/server/auth/session";
import { execute } from "@/server/execute";
import { bodyCommandResponse, errorResponse, jsonFields, restDoor } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Changes the caller's name (body `{name}`), on what they wrote before too. */
export async function PATCH(request: Request) {
  return bodyCommandResponse(request, "account:rename", {});
}

/** Deletes the caller's account (body `{password}`), ends their sessions and this cookie. */
export async function DELETE(request: Request) {
  const { store, authSecret } = runtime();
  const { actor, sessionId } = await sessionFromHeaders(store, request.headers, authSecret);
  const fields = await jsonFields(request);
  if (!fields.ok) return errorResponse(fields);
  const input = { ...fields.body, sessionId };
  const outcome = await execute("account:delete", actor, input, restDoor(request));
  if (!outcome.ok) return errorResponse(outcome);
  const response = new Response(null, { status: 204 });
  response.headers.append("set-cookie", clearedCookieHeader(isSecureRequest(request.headers)));
  return response;
}
