import { z } from "zod";
import type { Store } from "../../../db/store";
import { SpaceVisibility } from "../../../lib/spaces";
import { type Actor, authorize } from "../../policy";
import { ClientId, newId } from "../ids";
import { done, invalidInput, type Outcome, once, refuse } from "../outcome";

export const CreateSpaceInput = z.object({
  clientId: ClientId,
  name: z.string().trim().min(1, "name is empty").max(120),
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "slug: lower-case letters, digits and dashes")
    .optional(),
  visibility: SpaceVisibility.default("private"),
});

export async function createSpace(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<{ spaceId: string }>> {
  const cmd = CreateSpaceInput.safeParse(input);
  if (!cmd.success) return invalidInput(cmd.error);
  const denied = authorize(actor, "space.create", null);
  if (denied) return refuse(denied.code, denied.message);
  const { clientId, name, visibility } = cmd.data;
  const id = newId();
  const slug = cmd.data.slug ?? id;
  return store.transaction((tx) =>
    once(tx, actor, clientId, async () => {
      if (await tx.spaces.bySlug(slug)) return refuse("conflict", `The slug ${slug} is taken.`);
      await tx.spaces.insert({ id, slug, name, visibility, createdAt: new Date() });
      return done({ spaceId: id });
    }),
  );
}
