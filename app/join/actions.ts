"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type FormState, problemsOf, typedValues } from "@/lib/forms";
import { pageActor } from "@/server/auth/pageActor";
import { guestSessionCookie } from "@/server/auth/pageSession";
import { execute } from "@/server/execute";
import { actionDoor } from "@/server/rateLimits/pages";

export async function joinAction(_state: FormState, data: FormData): Promise<FormState> {
  const actor = await pageActor();
  const guestName = data.get("guestName");
  const input = { code: data.get("code"), ...(actor.kind === "user" ? {} : { guestName }) };
  const outcome = await execute("space:join", actor, input, await actionDoor());
  if (!outcome.ok) {
    return {
      problems: problemsOf(outcome.error.message),
      values: typedValues(data, ["code", "guestName"]),
    };
  }
  if (actor.kind !== "user") {
    const cookie = await guestSessionCookie(outcome.value.user);
    (await cookies()).set(cookie.name, cookie.value, cookie.options);
  }
  redirect(`/spaces/${outcome.value.spaceId}`);
}
