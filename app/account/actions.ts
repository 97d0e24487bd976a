"use server";

import { revalidatePath } from "next/cache";
import { type FormState, problemsOf, typedValues } from "@/lib/forms";
import { signOut } from "@/server/auth/authjs";
import { pageActor } from "@/server/auth/pageActor";
import { execute } from "@/server/execute";
import { actionDoor } from "@/server/rateLimits/pages";

/** Ends every session of the user, closes their connections, and signs this browser out. */
export async function signOutEverywhereAction(): Promise<void> {
  await execute("sessions:end", await pageActor(), {}, await actionDoor());
  // Clears this browser's cookie; its session has ended with the others already.
  await signOut({ redirectTo: "/" });
}

/** Changes the member's name, on what they wrote before too. */
export async function renameAction(_state: FormState, data: FormData): Promise<FormState> {
  const values = typedValues(data, ["name"]);
  const outcome = await execute("account:rename", await pageActor(), values, await actionDoor());
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message), values };
  // The page's header and this page name the member: drawn again with the new name.
  revalidatePath("/account");
  return {
    notice: `Your name is now “${outcome.value.name}”.`,
    values: { name: outcome.value.name },
  };
}
