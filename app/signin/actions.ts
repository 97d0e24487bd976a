"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import type { FormState } from "@/lib/forms";
import { clientAddress } from "@/server/auth/address";
import { signIn } from "@/server/auth/authjs";
import { withReturnPath } from "@/server/auth/refusedSignIn";
import { safeReturnPath } from "@/server/auth/returnPath";
import { signInBlocked } from "@/server/domain/accounts/signIn";
import { runtime } from "@/server/runtime";

const minutes = (seconds: number) => {
  const n = Math.ceil(seconds / 60);
  return n === 1 ? "a minute" : `${n} minutes`;
};

export async function signInAction(_state: FormState, data: FormData): Promise<FormState> {
  const email = String(data.get("email") ?? "");
  const values = { email };
  const blocked = await signInBlocked(runtime().store, {
    email,
    address: clientAddress(await headers()),
  });
  if (blocked) {
    return {
      problems: [`Too many failed sign-ins. Try again in ${minutes(blocked.retryAfterSeconds)}.`],
      values,
    };
  }
  try {
    await signIn("credentials", {
      email,
      password: data.get("password"),
      redirectTo: safeReturnPath(data.get("returnTo")),
    });
  } catch (error) {
    // A successful sign-in ends in a redirect, which Next throws: only Auth.js's own errors stop here.
    if (!(error instanceof AuthError)) throw error;
    const tooMany = "code" in error && error.code === "too_many_attempts";
    return {
      problems: [
        tooMany
          ? "Too many failed sign-ins. Try again in a few minutes."
          : "Email or password is wrong.",
      ],
      values,
    };
  }
  return {};
}

/**
 * Starts the sign-in with the institution's provider, which comes back to the same page. A
 * provider that cannot be reached sends the person back to sign in, still on their way back.
 */
export async function institutionSignInAction(
  _state: FormState,
  data: FormData,
): Promise<FormState> {
  const returnTo = safeReturnPath(data.get("returnTo"));
  redirect(
    withReturnPath(await signIn("oidc", { redirectTo: returnTo, redirect: false }), returnTo),
  );
}
