"use server";

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
