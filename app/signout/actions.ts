"use server";

import { signOut } from "@/server/auth/authjs";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
