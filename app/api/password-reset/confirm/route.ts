import { clientAddress } from "@/server/auth/address";
import { confirmPasswordReset } from "@/server/domain/accounts/passwordReset";
import { errorResponse, json, jsonBody } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Sets a new password with a reset link's token; every session of the account ends. */
export async function POST(request: Request) {
  const { store, limits, disconnectSessions } = runtime();
  const refused = await limits.consumeFor("passwordResets", null, clientAddress(request.headers));
  if (refused) return errorResponse(refused);
  const outcome = await confirmPasswordReset(store, await jsonBody(request));
  if (!outcome.ok) return errorResponse(outcome);
  disconnectSessions(outcome.value.ended);
  return json({ ended: outcome.value.ended.length });
}
