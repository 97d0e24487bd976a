import Link from "next/link";
import { pageActor } from "@/server/auth/pageActor";
import { AuthPageLink } from "./components/AuthPageLink";

export default async function NotFound() {
  // A class's motion opened from a shared link while signed out is "not yours to see" until its
  // reader signs in: the way in, back to the same page.
  const signedOut = (await pageActor()).kind === "anonymous";
  return (
    <section className="empty-page">
      <h1>Not found</h1>
      <p>There is nothing here, or it is not yours to see.</p>
      {signedOut ? (
        <p>
          If it belongs to a class or seminar of yours,{" "}
          <AuthPageLink to="/signin">sign in to see it</AuthPageLink>.
        </p>
      ) : null}
      <p>
        <Link href="/">Back to the motions</Link>
      </p>
    </section>
  );
}
