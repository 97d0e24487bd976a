import type { Metadata } from "next";
import Link from "next/link";
import { NewPasswordField } from "@/app/components/NewPasswordField";
import { pageActor } from "@/server/auth/pageActor";
import { pageReturnPath } from "@/server/auth/pageReturnPath";
import { ActionForm, KeptInput } from "../components/ActionForm";
import { signUpAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const actor = await pageActor();
  const returnTo = await pageReturnPath(callbackUrl);
  const back = callbackUrl ? `?callbackUrl=${encodeURIComponent(returnTo)}` : "";
  const guest = actor.kind === "user" && actor.guestOf !== null;
  if (actor.kind === "user" && !guest) {
    return (
      <>
        <h1>Create an account</h1>
        <p className="empty">
          You are signed in as {actor.name}. <Link href="/spaces">Go to your spaces</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Create an account</h1>
      <p className="lead">
        {guest
          ? `You are taking part as the guest ${actor.name}. Make it an account to keep everything you have posted and to join other spaces.`
          : "With an account you can create spaces for your classes and join others with a code."}
      </p>
      <ActionForm action={signUpAction} submit="Create account" pending="Creating your account…">
        <input type="hidden" name="returnTo" value={returnTo} />
        <div className="field">
          <label htmlFor="name">Name</label>
          <span className="hint" id="name-hint">
            Shown to the people in your spaces.
          </span>
          <KeptInput
            id="name"
            name="name"
            autoComplete="name"
            required
            maxLength={60}
            defaultValue={guest ? actor.name : undefined}
            aria-describedby="name-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="email">Email</label>
          <KeptInput id="email" name="email" type="email" autoComplete="email" required />
        </div>
        <NewPasswordField label="Password" />
      </ActionForm>
      <p>
        Have an account already? <Link href={`/signin${back}`}>Sign in</Link>.
      </p>
    </>
  );
}
