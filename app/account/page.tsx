import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, KeptInput } from "@/app/components/ActionForm";
import { DownloadLink } from "@/app/components/DownloadLink";
import { DELETE_CONFIRMATION } from "@/lib/accounts";
import { pageActor } from "@/server/auth/pageActor";
import { getAccount } from "@/server/domain/accounts/account";
import { runtime } from "@/server/runtime";
import { SignOutForm } from "../components/SignOutForm";
import { SurvivesNoAnswer } from "../components/UnansweredSend";
import { renameAction, signOutEverywhereAction } from "./actions";
import { DeleteAccountForm } from "./DeleteAccountForm";
import { InstitutionSignIn } from "./InstitutionSignIn";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

const browsers = (n: number) => (n === 1 ? "1 browser or device" : `${n} browsers or devices`);

export default async function AccountPage() {
  const account = await getAccount(runtime().store, await pageActor());
  if (!account.ok) {
    return (
      <>
        <h1>Your account</h1>
        <p className="empty">
          <Link href="/signin?callbackUrl=%2Faccount">Sign in</Link> to see your account and where
          you are signed in.
        </p>
      </>
    );
  }
  const { name, email, guestOf, sessions, hasPassword } = account.value;
  return (
    <>
      <h1>Your account</h1>
      <dl className="details">
        <div>
          <dt>Name</dt>
          <dd>{name}</dd>
        </div>
        {email ? (
          <div>
            <dt>Email</dt>
            <dd>{email}</dd>
          </div>
        ) : null}
        {guestOf ? (
          <div>
            <dt>Guest of</dt>
            <dd>
              <Link href={`/spaces/${guestOf.id}`}>{guestOf.name}</Link>
            </dd>
          </div>
        ) : null}
      </dl>
      <section aria-labelledby="name-heading" className="panel">
        <h2 id="name-heading">Your name</h2>
        <p>
          Your arguments, your spaces&rsquo; member lists and your teachers&rsquo; gradebooks show
          it. A new name is shown on what you wrote before too, in open debates at once; in an
          anonymous motion the room still sees only your pseudonym.
        </p>
        <ActionForm action={renameAction} submit="Change name" pending="Changing…">
          <div className="field">
            <label htmlFor="account-name">Name</label>
            <KeptInput
              id="account-name"
              name="name"
              defaultValue={name}
              required
              maxLength={60}
              autoComplete="name"
            />
          </div>
        </ActionForm>
      </section>
      <section aria-labelledby="sessions-heading" className="panel">
        <h2 id="sessions-heading">Where you are signed in</h2>
        <p>You are signed in on {browsers(sessions)}, this one included.</p>
        <p className="meta">
          Signing out everywhere ends every one of these sessions at once: a lost phone or a shared
          computer is signed out, and any open debate there is disconnected.
          {guestOf
            ? " As a guest you can only come back as a new guest, unless you create an account first."
            : ""}
        </p>
        <SignOutForm
          action={signOutEverywhereAction}
          label="Sign out everywhere"
          guest={Boolean(guestOf)}
        />
      </section>
      <InstitutionSignIn />
      <section aria-labelledby="data-heading" className="panel">
        <h2 id="data-heading">Your data</h2>
        <p>
          One JSON file with everything you did here: your profile, your spaces and roles, your
          arguments with their citations and earlier wordings, your votes, ratings, agreements and
          notifications. Nothing of anyone else is in it.
        </p>
        <p className="actions">
          <DownloadLink href="/api/me/export" className="button secondary">
            Download my data
          </DownloadLink>
        </p>
      </section>
      <section aria-labelledby="delete-heading" className="panel">
        <h2 id="delete-heading">Delete your account</h2>
        <p>
          Your name{email ? " and email are" : " is"} removed and you are signed out everywhere, for
          good. What you wrote stays in its debates, shown as by &ldquo;Deleted member&rdquo;, so
          the debates keep their shape. Download your data first if you want to keep it.
        </p>
        {!hasPassword && !guestOf ? (
          <p className="meta">
            You sign in without a password here, so deleting needs a sign-in of the last 10 minutes:{" "}
            <Link href="/signin?callbackUrl=%2Faccount">sign in again</Link> first if it has been
            longer.
          </p>
        ) : null}
        <SurvivesNoAnswer>
          <DeleteAccountForm
            confirmation={email ?? DELETE_CONFIRMATION}
            needsPassword={hasPassword}
          />
        </SurvivesNoAnswer>
      </section>
    </>
  );
}
