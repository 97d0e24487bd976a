import { z } from "zod";
import { isUniqueViolation, type Store } from "../../../db/store";
import { DisplayName } from "../../../lib/spaces";
import { requiredAs, text } from "../../../lib/text";
import type { Actor } from "../../policy";
import { newId } from "../ids";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { hashPassword } from "./password";
import { renameAuthor } from "./renameAuthor";

export const SignUpInput = z.object({
  name: DisplayName,
  email: text(requiredAs("text"))
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "is not a valid email address" }).max(320, "is too long")),
  password: text(requiredAs("text"))
    .min(10, "must be at least 10 characters")
    .max(1024, "is too long (1024 characters at most)"),
});

export type Account = { id: string; name: string; email: string; converted: boolean };

/**
 * Creates an account. A guest who signs up keeps their identity: the same user, now with an
 * email and password, with every membership and post they had, their posts under the name they
 * sign up with.
 */
export async function signUp(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<Account>> {
  const parsed = SignUpInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (actor.kind === "user" && !actor.guestOf) {
    return refuse("conflict", "You are signed in with an account already.");
  }
  const { name, email, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  const taken = refuse("conflict", "email: belongs to an account already: sign in instead.");
  // Two sign-ups with one email at once: the second meets the unique key, and is told so.
  return store
    .transaction(async (tx): Promise<Outcome<Account>> => {
      if (await tx.users.byEmail(email)) return taken;
      if (actor.kind === "user") {
        // Two sign-ups from one guest at once: the first makes it an account, the second finds
        // no guest left to make one of (and would otherwise overwrite the first's email).
        if (!(await tx.users.convertGuest(actor.id, { name, email, passwordHash }))) {
          return refuse("conflict", "This guest is an account already: sign in with it.");
        }
        const account = { id: actor.id, name, email, converted: true };
        if (name === actor.name) return done(account);
        // Under another name than the guest's: what they wrote as a guest is theirs under it.
        const renamed = await renameAuthor(tx, actor.id, name, "author.renamed", new Date());
        return done(account, renamed, [{ type: "member.renamed", userId: actor.id, name }]);
      }
      const id = newId();
      await tx.users.insert({
        id,
        name,
        email,
        passwordHash,
        guestSpaceId: null,
        createdAt: new Date(),
      });
      return done({ id, name, email, converted: false });
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return taken;
      throw error;
    });
}
