"use server";

import { headers } from "next/headers";
import { type FormState, problemsOf } from "@/lib/forms";
import { clientAddress } from "@/server/auth/address";
import { PasswordResetRequest } from "@/server/domain/accounts/passwordReset";
import { originOf } from "@/server/http";
import { mailResetLink, resetRequestNotice } from "@/server/passwordResetMail";

export async function forgotPasswordAction(_state: FormState, data: FormData): Promise<FormState> {
  const typed = data.get("email");
  const values = { email: typeof typed === "string" ? typed : "" };
  const parsed = PasswordResetRequest.safeParse({ email: typed });
  if (!parsed.success) {
    return {
      problems: ["Email is not a valid email address: check it and send it again."],
      values,
    };
  }
  const sent = await headers();
  const outcome = await mailResetLink(parsed.data.email, {
    address: clientAddress(sent),
    origin: originOf(sent),
  });
  if (!outcome.ok) return { problems: problemsOf(outcome.error.message), values };
  return { notice: resetRequestNotice(), values };
}
