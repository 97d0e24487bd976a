"use server";

import type { FormState } from "@/lib/forms";
import { signIn } from "@/server/auth/authjs";

/**
 * Goes to the institution's provider to sign in there; coming back signed in as this member
 * links that sign-in to the account (server/auth/institution.ts).
 */
export async function linkInstitutionAction(_state: FormState): Promise<FormState> {
  await signIn("oidc", { redirectTo: "/account" });
  return {};
}
