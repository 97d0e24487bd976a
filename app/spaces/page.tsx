import type { Metadata } from "next";
import Link from "next/link";
import { pageActor } from "@/server/auth/pageActor";
import { readableSpaces } from "@/server/domain/spaces/queries";
import { authorize } from "@/server/policy";
import { runtime } from "@/server/runtime";
import { ActionForm } from "../components/ActionForm";
import { SpaceCards } from "../components/SpaceCards";
import { createSpaceAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Spaces" };

export default async function SpacesPage() {
  const actor = await pageActor();
  const spaces = await readableSpaces(runtime().store, actor);
  const mine = spaces.filter(({ role }) => role !== null);
  const open = spaces.filter(({ role, space }) => role === null && space.visibility === "public");
  const mayCreate = authorize(actor, "space.create", null) === null;
  return (
    <>
      <h1>Spaces</h1>
      <p className="lead">
        A space is a class or seminar: its members read the same documents and debate its motions.
      </p>

      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">Your spaces</h2>
        {actor.kind !== "user" ? (
          <p className="empty">
            <Link href="/signin">Sign in</Link> to see your spaces, or{" "}
            <Link href="/join">join one with a code</Link>.
          </p>
        ) : mine.length === 0 ? (
          <p className="empty">
            You are not in any space yet. {mayCreate ? "Create one below, or " : ""}
            <Link href="/join">join one with a code</Link>.
          </p>
        ) : (
          <SpaceCards spaces={mine} heading="h3" />
        )}
      </section>

      {mayCreate ? (
        <section aria-labelledby="create-heading" className="panel">
          <h2 id="create-heading">Create a space</h2>
          <ActionForm
            action={createSpaceAction}
            submit="Create space"
            pending="Creating…"
            sendsClientId
          >
            <div className="field">
              <label htmlFor="space-name">Name</label>
              <span className="hint" id="space-name-hint">
                For example: Year 11 Politics, or Thursday seminar.
              </span>
              <input
                id="space-name"
                name="name"
                required
                maxLength={120}
                aria-describedby="space-name-hint"
              />
            </div>
          </ActionForm>
        </section>
      ) : null}

      <section aria-labelledby="open-heading">
        <h2 id="open-heading">Open to everyone</h2>
        {open.length === 0 ? (
          <p className="empty">No public spaces.</p>
        ) : (
          <ul className="card-list">
            {open.map(({ space }) => (
              <li key={space.id} className="card">
                <h3 className="card-title">
                  <Link href={`/spaces/${space.id}`}>{space.name}</Link>
                </h3>
                <p className="meta">
                  {actor.kind === "user"
                    ? "Anyone can read it; you can take part."
                    : "Anyone can read it; sign in or join as a guest to take part."}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
