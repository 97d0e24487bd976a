"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { clientIdOf, type FormState, jsonField, problemsOf } from "@/lib/forms";
import { pageActor } from "@/server/auth/pageActor";
import { execute } from "@/server/execute";
import { actionDoor } from "@/server/rateLimits/pages";

export async function createSpaceAction(_state: FormState, data: FormData): Promise<FormState> {
  const input = { name: data.get("name"), clientId: clientIdOf(data) };
  const outcome = await execute("space:create", await pageActor(), input, await actionDoor());
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  redirect(`/spaces/${outcome.value.spaceId}`);
}

export async function createMotionAction(_state: FormState, data: FormData): Promise<FormState> {
  const input = {
    spaceId: data.get("spaceId"),
    clientId: clientIdOf(data),
    title: data.get("title"),
    description: data.get("description") ?? "",
    settings: { evidenceRequired: data.get("evidenceRequired") === "on" },
    sources: jsonField(data.get("sources")),
  };
  const outcome = await execute("motion:create", await pageActor(), input, await actionDoor());
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  redirect(`/motions/${outcome.value.motionId}`);
}

export async function joinCodeAction(_state: FormState, data: FormData): Promise<FormState> {
  const spaceId = data.get("spaceId");
  const input = { spaceId, action: data.get("action") };
  const outcome = await execute("space:join-code", await pageActor(), input, await actionDoor());
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  revalidatePath(`/spaces/${spaceId}`);
  return {
    notice: outcome.value.joinCode ? "A new join code is in place." : "Joining by code is off.",
  };
}

export async function changeMemberAction(_state: FormState, data: FormData): Promise<FormState> {
  const spaceId = data.get("spaceId");
  const input = { spaceId, userId: data.get("userId"), role: data.get("role") };
  // A removed member's open connections leave the space's motions as the change publishes.
  const outcome = await execute("member:change", await pageActor(), input, await actionDoor());
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  revalidatePath(`/spaces/${spaceId}`);
  return { notice: outcome.value.role === "removed" ? "Removed." : "Role changed." };
}

export async function muteMemberAction(_state: FormState, data: FormData): Promise<FormState> {
  const spaceId = data.get("spaceId");
  const input = { spaceId, userId: data.get("userId"), muted: data.get("muted") === "true" };
  const outcome = await execute("member:mute", await pageActor(), input, await actionDoor());
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  revalidatePath(`/spaces/${spaceId}`);
  return {
    notice: outcome.value.muted
      ? "Muted: they read and vote, but do not post."
      : "They may post again.",
  };
}

export async function leaveSpaceAction(_state: FormState, data: FormData): Promise<FormState> {
  const actor = await pageActor();
  const input = { spaceId: data.get("spaceId"), userId: actor.id, role: "removed" };
  // Their open connections leave the space's motions as the change publishes.
  const outcome = await execute("member:change", actor, input, await actionDoor());
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  revalidatePath("/spaces");
  redirect("/spaces");
}
