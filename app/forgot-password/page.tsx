import type { Metadata } from "next";
import Link from "next/link";
import { runtime } from "@/server/runtime";
import { ActionForm, KeptInput } from "../components/ActionForm";
import { forgotPasswordAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  const mailSent = runtime().mailer.sends;
  return (
    <>
      <h1>Forgot your password?</h1>
      {mailSent ? (
        <p className="lead">
          Give the email of your account and we will mail you a link to choose a new password.
        </p>
      ) : (
        <p className="panel">
          This Moot does not send mail, so no link can reach you: ask the owner of your space (your
          teacher) for help.
        </p>
      )}
      <ActionForm action={forgotPasswordAction} submit="Send me a link" pending="Sending…">
        <div className="field">
          <label htmlFor="email">Email</label>
          <KeptInput id="email" name="email" type="email" autoComplete="email" required />
        </div>
      </ActionForm>
      <p>
        Remembered it? <Link href="/signin">Sign in</Link>.
      </p>
    </>
  );
}
