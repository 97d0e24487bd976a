import { z } from "zod";
import type { Store } from "../../../db/store";
import { DisplayName } from "../../../lib/spaces";
import type { Actor } from "../../policy";
import { Id, newId, OptionalClientId } from "../ids";
import { done, invalidInput, type Outcome, once, refuse } from "../outcome";

export const AddSampleMemberInput = z.object({
  clientId: OptionalClientId,
  spaceId: Id,
  name: DisplayName,
});

/**
 * Adds a sample member to a space: an author of a sample debate written for the demo, marked as
 * a sample, who never signs in (no email, no password). Only the system (the demo loader) adds
 * one; with a fixed clientId a second load finds the member there.
 */
export async function addSampleMember(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<{ userId: string }>> {
  const parsed = AddSampleMemberInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (actor.kind !== "system") {
    return refuse("forbidden", "Only the demo library adds sample members.");
  }
  const { clientId, spaceId, name } = parsed.data;
  return store.transaction((tx) =>
    once(tx, actor, { command: "member.sample", target: spaceId, clientId }, async () => {
      if (!(await tx.spaces.get(spaceId))) return refuse("not_found", "No such space.");
      const id = newId();
      const joinedAt = new Date();
      await tx.users.insert({
        id,
        name,
        email: null,
        passwordHash: null,
        guestSpaceId: null,
        sample: true,
        createdAt: joinedAt,
      });
      await tx.memberships.insert({ spaceId, userId: id, role: "participant", joinedAt });
      return done({ userId: id });
    }),
  );
}
