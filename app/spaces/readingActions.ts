"use server";

import { revalidatePath } from "next/cache";
import { type FormState, problemsOf } from "@/lib/forms";
import { pageActor } from "@/server/auth/pageActor";
import { markAllRead } from "@/server/domain/reading/markRead";
import { runtime } from "@/server/runtime";

/** The space page's "Mark all read": every motion there, read up to its latest event. */
export async function markAllReadAction(_state: FormState, data: FormData): Promise<FormState> {
  const spaceId = data.get("spaceId");
  const outcome = await markAllRead(runtime().store, await pageActor(), { spaceId });
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message) };
  revalidatePath(`/spaces/${spaceId}`);
  return { notice: "Every motion here is marked read." };
}
