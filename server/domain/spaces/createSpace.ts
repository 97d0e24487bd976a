import { z } from "zod";
import type { Store } from "../../../db/store";
import { SpaceVisibility } from "../../../lib/spaces";
import { text, visible } from "../../../lib/text";
import { type Actor, authorize } from "../../policy";
import { newId, OptionalClientId } from "../ids";
import { done, invalidInput, type Outcome, once, refuse } from "../outcome";
import { uniqueJoinCode } from "./joinCode";

export const CreateSpaceInput = z.object({
  clientId: OptionalClientId,
  name: visible(
    text().trim().min(1, "is empty").max(120, "is too long (120 characters at most)"),
    "A space's name",
  ),
  slug: text()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "lower-case letters, digits and dashes")
    .optional(),
  visibility: SpaceVisibility.default("private"),
});

export type CreatedSpace = { spaceId: string; joinCode: string | null };

/** A new space; a person who creates one is its owner, and it opens with a join code. */
export async function createSpace(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<CreatedSpace>> {
  const cmd = CreateSpaceInput.safeParse(input);
  if (!cmd.success) return invalidInput(cmd.error);
  const denied = authorize(actor, "space.create", null);
  if (denied) return refuse(denied.code, denied.message);
  // Only the system makes public spaces (the demo); everyone else's are private.
  const visibility = actor.kind === "system" ? cmd.data.visibility : "private";
  const { clientId, name } = cmd.data;
  const id = newId();
  const slug = cmd.data.slug ?? id;
  return store.transaction((tx) =>
    once(tx, actor, { command: "space.create", target: "spaces", clientId }, async () => {
      if (await tx.spaces.bySlug(slug)) return refuse("conflict", `The slug ${slug} is taken.`);
      const createdAt = new Date();
      const joinCode = visibility === "private" ? await uniqueJoinCode(tx) : null;
      await tx.spaces.insert({ id, slug, name, visibility, joinCode, createdAt });
      if (actor.kind === "user") {
        await tx.memberships.insert({
          spaceId: id,
          userId: actor.id,
          role: "owner",
          joinedAt: createdAt,
        });
      }
      return done({ spaceId: id, joinCode });
    }),
  );
}
