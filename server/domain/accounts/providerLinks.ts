import type { Store } from "../../../db/store";
import type { Actor } from "../../policy";
import { done, type Outcome, refuse } from "../outcome";

/** The identity providers the signed-in member can sign in with besides their password. */
export async function getProviderLinks(
  store: Store,
  actor: Actor,
): Promise<Outcome<{ providers: string[] }>> {
  if (actor.kind !== "user" || actor.guestOf) {
    return refuse("unauthenticated", "Sign in with your account to link another sign-in.");
  }
  return done({ providers: await store.providerAccounts.providersOf(actor.id) });
}
