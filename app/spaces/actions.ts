"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type FormState, problemsOf } from "@/lib/forms";
import { pageActor } from "@/server/auth/pageActor";
import { createMotion } from "@/server/domain/debate/createMotion";
import { createSpace } from "@/server/domain/spaces/createSpace";
import { manageJoinCode } from "@/server/domain/spaces/manageJoinCode";
import { changeMember, muteMember } from "@/server/domain/spaces/members";
import { runtime } from "@/server/runtime";

export async function createSpaceAction(_state: FormState, data: FormData): Promise<FormState> {
  const outcome = await createSpace(runtime().store, await pageActor(), { name: data.get("name") });
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  redirect(`/spaces/${outcome.value.spaceId}`);
}

export async function createMotionAction(_state: FormState, data: FormData): Promise<FormState> {
  const { store, publish } = runtime();
  const outcome = await createMotion(store, await pageActor(), {
    spaceId: data.get("spaceId"),
    title: data.get("title"),
    description: data.get("description") ?? "",
    settings: { evidenceRequired: data.get("evidenceRequired") === "on" },
  });
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  publish(outcome.events);
  redirect(`/motions/${outcome.value.motionId}`);
}

export async function joinCodeAction(_state: FormState, data: FormData): Promise<FormState> {
  const spaceId = data.get("spaceId");
  const outcome = await manageJoinCode(runtime().store, await pageActor(), {
    spaceId,
    action: data.get("action"),
  });
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  revalidatePath(`/spaces/${spaceId}`);
  return {
    notice: outcome.value.joinCode ? "A new join code is in place." : "Joining by code is off.",
  };
}

export async function changeMemberAction(_state: FormState, data: FormData): Promise<FormState> {
  const { store, evict } = runtime();
  const spaceId = data.get("spaceId");
  const outcome = await changeMember(store, await pageActor(), {
    spaceId,
    userId: data.get("userId"),
    role: data.get("role"),
  });
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  evict(outcome.value.userId, outcome.value.leaves, outcome.value.stopsModerating);
  revalidatePath(`/spaces/${spaceId}`);
  return { notice: outcome.value.role === "removed" ? "Removed." : "Role changed." };
}

export async function muteMemberAction(_state: FormState, data: FormData): Promise<FormState> {
  const spaceId = data.get("spaceId");
  const outcome = await muteMember(runtime().store, await pageActor(), {
    spaceId,
    userId: data.get("userId"),
    muted: data.get("muted") === "true",
  });
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  revalidatePath(`/spaces/${spaceId}`);
  return {
    notice: outcome.value.muted
      ? "Muted: they read and vote, but do not post."
      : "They may post again.",
  };
}
