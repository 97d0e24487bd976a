"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type FormState, problemsOf } from "@/lib/forms";
import { pageActor } from "@/server/auth/pageActor";
import { guestSessionCookie } from "@/server/auth/pageSession";
import { joinSpace } from "@/server/domain/spaces/joinSpace";
import { pageLimit, settlePageAttempt } from "@/server/rateLimits/pages";
import { runtime } from "@/server/runtime";

export async function joinAction(_state: FormState, data: FormData): Promise<FormState> {
  const actor = await pageActor();
  const family = actor.kind === "user" ? "joins" : "guestJoins";
  const refused = await pageLimit(family, actor);
  if (refused) return { problems: problemsOf(refused.error.message) };
  const guestName = data.get("guestName");
  const outcome = await joinSpace(runtime().store, actor, {
    code: data.get("code"),
    ...(actor.kind === "user" ? {} : { guestName }),
  });
  await settlePageAttempt(family, outcome.ok);
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  if (actor.kind !== "user") {
    const cookie = await guestSessionCookie(outcome.value.user);
    (await cookies()).set(cookie.name, cookie.value, cookie.options);
  }
  redirect(`/spaces/${outcome.value.spaceId}`);
}
