"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { type FormState, problemsOf } from "@/lib/forms";
import { RESET_PAGE_PATH } from "@/lib/passwordReset";
import { clientAddress } from "@/server/auth/address";
import { confirmPasswordReset } from "@/server/domain/accounts/passwordReset";
import { runtime } from "@/server/runtime";

export async function resetPasswordAction(_state: FormState, data: FormData): Promise<FormState> {
  const password = data.get("password");
  if (password !== data.get("confirm")) {
    return { problems: ["The two passwords differ: type the same new password twice."] };
  }
  const { store, limits, disconnectSessions } = runtime();
  const refused = await limits.consumeFor("passwordResets", null, clientAddress(await headers()));
  if (refused) return { problems: problemsOf(refused.error.message) };
  const outcome = await confirmPasswordReset(store, { token: data.get("token"), password });
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  disconnectSessions(outcome.value.ended);
  redirect(`${RESET_PAGE_PATH}?done=1`);
}
