"use server";

import { signOut } from "@/server/auth/authjs";
import { pageActor } from "@/server/auth/pageActor";
import { endAllSessions } from "@/server/domain/accounts/sessions";
import { runtime } from "@/server/runtime";

/** Ends every session of the user, closes their connections, and signs this browser out. */
export async function signOutEverywhereAction(): Promise<void> {
  const { store, disconnectSessions } = runtime();
  const outcome = await endAllSessions(store, await pageActor());
  if (outcome.ok) disconnectSessions(outcome.value.ended);
  // Clears this browser's cookie; its session has ended with the others already.
  await signOut({ redirectTo: "/" });
}
