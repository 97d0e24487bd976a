import type { Metadata } from "next";
import Link from "next/link";
import { pageActor } from "@/server/auth/pageActor";
import { pageReturnPath } from "@/server/auth/pageReturnPath";
import { runtime } from "@/server/runtime";
import { ActionForm, KeptInput } from "../components/ActionForm";
import { institutionSignInAction, signInAction } from "./actions";
import { signInProblem } from "./problem";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const actor = await pageActor();
  const returnTo = await pageReturnPath(callbackUrl);
  const back = callbackUrl ? `?callbackUrl=${encodeURIComponent(returnTo)}` : "";
  const institution = runtime().oidc?.name;
  return (
    <>
      <h1>Sign in</h1>
      {actor.kind === "user" && actor.guestOf === null ? (
        <p className="meta">
          You are signed in as {actor.name}. Signing in again replaces that session.
        </p>
      ) : null}
      {error ? (
        <div className="error-summary" role="alert">
          <h2>There is a problem</h2>
          <p>{signInProblem(error, institution)}</p>
        </div>
      ) : null}
      {institution ? (
        <ActionForm
          action={institutionSignInAction}
          submit={`Sign in with ${institution}`}
          pending={`Going to ${institution}…`}
        >
          <input type="hidden" name="returnTo" value={returnTo} />
        </ActionForm>
      ) : null}
      {institution ? <p className="meta">Or sign in with your email and password:</p> : null}
      <ActionForm action={signInAction} submit="Sign in" pending="Signing in…">
        <input type="hidden" name="returnTo" value={returnTo} />
        <div className="field">
          <label htmlFor="email">Email</label>
          <KeptInput id="email" name="email" type="email" autoComplete="email" required />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
      </ActionForm>
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        No account yet? <Link href={`/signup${back}`}>Create one</Link>. Have a join code from your
        teacher? <Link href="/join">Join as a guest</Link>.
      </p>
    </>
  );
}
