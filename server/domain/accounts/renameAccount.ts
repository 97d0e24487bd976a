import { z } from "zod";
import type { Store } from "../../../db/store";
import { DisplayName } from "../../../lib/spaces";
import type { Actor } from "../../policy";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { renameAuthor } from "./renameAuthor";

export const RenameAccountInput = z.object({ name: DisplayName });

export interface RenamedAccount {
  id: string;
  name: string;
}

/**
 * Changes the signed-in member's name (a guest's too): their spaces' member lists and
 * gradebooks, and every argument they wrote, name them so from now on, and each motion they
 * argued in logs `author.renamed` so its open pages do too. The same name again changes nothing.
 */
export async function renameAccount(
  store: Store,
  actor: Actor,
  input: unknown,
  now = new Date(),
): Promise<Outcome<RenamedAccount>> {
  if (actor.kind !== "user") return refuse("unauthenticated", "Sign in to change your name.");
  const parsed = RenameAccountInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { name } = parsed.data;
  return store.transaction(async (tx): Promise<Outcome<RenamedAccount>> => {
    const user = await tx.users.get(actor.id);
    if (!user || user.deletedAt) return refuse("unauthenticated", "Sign in to change your name.");
    if (user.name === name) return done({ id: actor.id, name });
    // The user's row first: a rename or deletion at once waits for this one on PostgreSQL (or
    // this for it), so the member and what they wrote never end up with two different names.
    if (!(await tx.users.rename(actor.id, name))) {
      return refuse("unauthenticated", "Sign in to change your name.");
    }
    const events = await renameAuthor(tx, actor.id, name, "author.renamed", now);
    return done({ id: actor.id, name }, events, [
      { type: "member.renamed", userId: actor.id, name },
    ]);
  });
}
