"use server";

import { headers } from "next/headers";
import { type FormState, problemsOf } from "@/lib/forms";
import { signOut } from "@/server/auth/authjs";
import { sessionFromHeaders } from "@/server/auth/session";
import { execute } from "@/server/execute";
import { actionDoor } from "@/server/rateLimits/pages";
import { runtime } from "@/server/runtime";

/**
 * Deletes the account of the person signed in here, closes their connections, and signs this
 * browser out onto the home page, which says the account is gone.
 */
export async function deleteAccountAction(_state: FormState, data: FormData): Promise<FormState> {
  const { store, authSecret } = runtime();
  const { actor, sessionId } = await sessionFromHeaders(store, await headers(), authSecret);
  const password = data.get("password");
  const input = { sessionId, ...(typeof password === "string" ? { password } : {}) };
  const outcome = await execute("account:delete", actor, input, await actionDoor());
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  // Clears this browser's cookie; its session has ended with the others already.
  await signOut({ redirectTo: "/?account=deleted" });
  return {};
}
