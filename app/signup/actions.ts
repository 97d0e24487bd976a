"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type FormState, problemsOf, typedValues } from "@/lib/forms";
import { signIn } from "@/server/auth/authjs";
import { pageActor } from "@/server/auth/pageActor";
import { guestSessionCookie } from "@/server/auth/pageSession";
import { safeReturnPath } from "@/server/auth/returnPath";
import { execute } from "@/server/execute";
import { actionDoor } from "@/server/rateLimits/pages";

export async function signUpAction(_state: FormState, data: FormData): Promise<FormState> {
  const input = {
    name: data.get("name"),
    email: data.get("email"),
    password: data.get("password"),
  };
  const values = typedValues(data, ["name", "email"]);
  const returnTo = safeReturnPath(data.get("returnTo"));
  const outcome = await execute("account:create", await pageActor(), input, await actionDoor());
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message), values };
  if (outcome.value.converted) {
    // The guest keeps their identity in a new session; the guest's cookie stops working.
    const cookie = await guestSessionCookie(outcome.value);
    (await cookies()).set(cookie.name, cookie.value, cookie.options);
    redirect(returnTo);
  }
  await signIn("credentials", {
    email: outcome.value.email,
    password: input.password,
    redirectTo: returnTo,
  });
  return {};
}
