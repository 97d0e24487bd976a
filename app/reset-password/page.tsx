import type { Metadata } from "next";
import Link from "next/link";
import { NewPasswordField } from "@/app/components/NewPasswordField";
import { resetLinkWorks } from "@/server/domain/accounts/passwordReset";
import { runtime } from "@/server/runtime";
import { ActionForm } from "../components/ActionForm";
import { resetPasswordAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Choose a new password" };

type Props = { searchParams: Promise<{ token?: string; done?: string }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token, done } = await searchParams;
  if (done) {
    return (
      <>
        <h1>Your password is set</h1>
        <p className="lead">
          You are signed out everywhere you were signed in. <Link href="/signin">Sign in</Link> with
          your new password.
        </p>
      </>
    );
  }
  if (!token || !(await resetLinkWorks(runtime().store, token))) {
    return (
      <>
        <h1>This link does not work</h1>
        <div className="error-summary" role="alert">
          <h2>There is a problem</h2>
          <p>
            A password reset link works once, for one hour after it was sent: this one was used
            already, is older than that, or was not copied whole.
          </p>
        </div>
        <p>
          <Link href="/forgot-password">Ask for a new link</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Choose a new password</h1>
      <p className="lead">Once it is set, you are signed out everywhere and sign in with it.</p>
      <ActionForm action={resetPasswordAction} submit="Set my password" pending="Setting it…">
        <input type="hidden" name="token" value={token} />
        <NewPasswordField label="New password" />
        <div className="field">
          <label htmlFor="confirm">The same password again</label>
          <input
            id="confirm"
            name="confirm"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
          />
        </div>
      </ActionForm>
      <p>
        Link stopped working? <Link href="/forgot-password">Ask for a new one</Link>.
      </p>
    </>
  );
}
