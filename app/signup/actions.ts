"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type FormState, problemsOf } from "@/lib/forms";
import { signIn } from "@/server/auth/authjs";
import { pageActor } from "@/server/auth/pageActor";
import { guestSessionCookie } from "@/server/auth/pageSession";
import { signUp } from "@/server/domain/accounts/signUp";
import { runtime } from "@/server/runtime";

export async function signUpAction(_state: FormState, data: FormData): Promise<FormState> {
  const input = {
    name: data.get("name"),
    email: data.get("email"),
    password: data.get("password"),
  };
  const outcome = await signUp(runtime().store, await pageActor(), input);
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  if (outcome.value.converted) {
    // The guest's session stays theirs; only its name and email change.
    const cookie = await guestSessionCookie(outcome.value);
    (await cookies()).set(cookie.name, cookie.value, cookie.options);
    redirect("/spaces");
  }
  await signIn("credentials", {
    email: outcome.value.email,
    password: input.password,
    redirectTo: "/spaces",
  });
  return {};
}
