"use server";

import { redirect } from "next/navigation";
import { type FormState, problemsOf } from "@/lib/forms";
import { RESET_PAGE_PATH } from "@/lib/passwordReset";
import { execute } from "@/server/execute";
import { anonymousActor } from "@/server/policy";
import { actionDoor } from "@/server/rateLimits/pages";

export async function resetPasswordAction(_state: FormState, data: FormData): Promise<FormState> {
  const password = data.get("password");
  if (password !== data.get("confirm")) {
    return { problems: ["The two passwords differ: type the same new password twice."] };
  }
  // The token says whose password this is: the address alone is counted (as the REST route).
  const input = { token: data.get("token"), password };
  const outcome = await execute("password:reset", anonymousActor, input, await actionDoor());
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  redirect(`${RESET_PAGE_PATH}?done=1`);
}
