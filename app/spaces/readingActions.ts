"use server";

import { revalidatePath } from "next/cache";
import { type FormState, problemsOf } from "@/lib/forms";
import { pageActor } from "@/server/auth/pageActor";
import { execute } from "@/server/execute";
import { actionDoor } from "@/server/rateLimits/pages";

/** The space page's "Mark all read": every motion there, read up to its latest event. */
export async function markAllReadAction(_state: FormState, data: FormData): Promise<FormState> {
  const spaceId = data.get("spaceId");
  const outcome = await execute("space:read", await pageActor(), { spaceId }, await actionDoor());
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  revalidatePath(`/spaces/${spaceId}`);
  return { notice: "Every motion here is marked read." };
}
