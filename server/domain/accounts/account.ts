import type { Store } from "../../../db/store";
import type { Actor } from "../../policy";
import { done, type Outcome, refuse } from "../outcome";

export interface AccountView {
  name: string;
  /** Null for a guest, who has no account yet. */
  email: string | null;
  /** The space a guest was admitted to by its code; null for an account. */
  guestOf: { id: string; name: string } | null;
  /** How many browsers and devices the user is signed in on, this one included. */
  sessions: number;
  /** Whether they sign in with a password (else through an identity provider, or as a guest). */
  hasPassword: boolean;
}

/** The signed-in user's own account: who they are here and where they are signed in. */
export async function getAccount(
  store: Store,
  actor: Actor,
  now = new Date(),
): Promise<Outcome<AccountView>> {
  const signIn = refuse("unauthenticated", "Sign in to see your account.");
  if (actor.kind !== "user") return signIn;
  const user = await store.users.get(actor.id);
  if (!user) return signIn;
  const space = actor.guestOf ? await store.spaces.get(actor.guestOf) : undefined;
  return done({
    name: user.name,
    email: user.email,
    guestOf: space ? { id: space.id, name: space.name } : null,
    sessions: await store.sessions.countLive(actor.id, now),
    hasPassword: user.passwordHash !== null,
  });
}

export interface UserView {
  id: string;
  name: string;
  /** Null for a guest, who has no account yet. */
  email: string | null;
}

/**
 * A user as GET /api/users/:id answers it: only to that user, so an id tells nobody else
 * whether it names anyone.
 */
export async function getUser(store: Store, actor: Actor, id: unknown): Promise<Outcome<UserView>> {
  if (actor.kind !== "user") return refuse("unauthenticated", "Sign in to see your account.");
  // An id in upper case names the same user (lib/ids.ts).
  const own = typeof id === "string" && id.toLowerCase() === actor.id;
  const user = own ? await store.users.get(actor.id) : undefined;
  if (!user) return refuse("not_found", "No such user.");
  return done({ id: user.id, name: user.name, email: user.email });
}
