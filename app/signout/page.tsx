import type { Metadata } from "next";
import Link from "next/link";
import { pageActor } from "@/server/auth/pageActor";
import { SignOutForm } from "../components/SignOutForm";
import { signOutAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign out" };

export default async function SignOutPage() {
  const actor = await pageActor();
  if (actor.kind !== "user") {
    return (
      <>
        <h1>Sign out</h1>
        <p className="empty">
          You are not signed in. <Link href="/signin">Sign in</Link>
        </p>
      </>
    );
  }
  const guest = actor.guestOf !== null;
  return (
    <>
      <h1>Sign out</h1>
      <p className="lead">
        {guest
          ? `You are the guest ${actor.name}. After signing out you can only come back as a new guest, unless you create an account first.`
          : `You are signed in as ${actor.name}.`}
      </p>
      <SignOutForm action={signOutAction} label="Sign out" guest={guest} />
    </>
  );
}
