import type { Metadata } from "next";
import Link from "next/link";
import { pageActor } from "@/server/auth/pageActor";
import { ActionForm, KeptInput } from "../components/ActionForm";
import { joinAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Join a space" };

type Props = { searchParams: Promise<{ code?: string }> };

export default async function JoinPage({ searchParams }: Props) {
  const { code } = await searchParams;
  const actor = await pageActor();
  const signedIn = actor.kind === "user";
  return (
    <>
      <h1>Join a space</h1>
      <p className="lead">
        {signedIn
          ? `Enter the code you were given to join as ${actor.name}.`
          : "Enter the code you were given and the name the others will see. No account needed."}
      </p>
      <ActionForm action={joinAction} submit="Join" pending="Joining…">
        <div className="field">
          <label htmlFor="code">Join code</label>
          <span className="hint" id="code-hint">
            Eight letters and digits, for example K7QM-2XPD.
          </span>
          <KeptInput
            id="code"
            name="code"
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            defaultValue={code}
            aria-describedby="code-hint"
          />
        </div>
        {signedIn ? null : (
          <div className="field">
            <label htmlFor="guestName">Your name</label>
            <KeptInput
              id="guestName"
              name="guestName"
              required
              maxLength={60}
              autoComplete="nickname"
            />
          </div>
        )}
      </ActionForm>
      {signedIn ? null : (
        <p>
          Have an account?{" "}
          <Link
            href={`/signin?callbackUrl=${encodeURIComponent(code ? `/join?code=${code}` : "/join")}`}
          >
            Sign in
          </Link>{" "}
          first to join with it.
        </p>
      )}
    </>
  );
}
