import { z } from "zod";
import type { Repos, Store } from "../../../db/store";
import { SpaceRole } from "../../../lib/spaces";
import { type Actor, authorize, authorizeMemberChange } from "../../policy";
import { Id } from "../ids";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { placeOf } from "./access";

export const ChangeMemberInput = z.object({
  spaceId: Id,
  userId: Id,
  role: z.union([SpaceRole, z.literal("removed")], {
    error: "must be owner, moderator, participant or observer",
  }),
});

export type MemberChange = {
  userId: string;
  role: SpaceRole | "removed";
  /** The space's motions a removed member must stop hearing from at once. */
  leaves: string[];
};

async function isLastOwner(tx: Repos, spaceId: string, userId: string) {
  const owners = (await tx.memberships.list(spaceId)).filter((m) => m.role === "owner");
  return owners.length === 1 && owners[0]?.userId === userId;
}

/**
 * Gives a member another role, or removes them ("removed"). Owners and moderators manage
 * members; a space always keeps at least one owner.
 */
export async function changeMember(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<MemberChange>> {
  const parsed = ChangeMemberInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { spaceId, userId, role } = parsed.data;
  return store.transaction(async (tx) => {
    // Two owners stepping down at once must not both see the other still there.
    await tx.spaces.lock(spaceId);
    const place = await placeOf(tx, actor, spaceId);
    const denied = authorize(actor, "member.manage", place);
    if (denied) return refuse(denied.code, denied.message);
    const member = await tx.memberships.get(spaceId, userId);
    if (!member) return refuse("not_found", "That person is not a member of this space.");
    const manager = actor.kind === "system" ? "owner" : (place?.role ?? "observer");
    const forbidden = authorizeMemberChange(manager, member.role, role);
    if (forbidden) return refuse(forbidden.code, forbidden.message);
    if (member.role === "owner" && role !== "owner" && (await isLastOwner(tx, spaceId, userId))) {
      return refuse("conflict", "A space needs an owner: make someone else owner first.");
    }
    if (role !== "removed") {
      await tx.memberships.setRole(spaceId, userId, role);
      return done({ userId, role, leaves: [] });
    }
    await tx.memberships.remove(spaceId, userId);
    const motions = await tx.motions.list([spaceId]);
    return done({ userId, role, leaves: motions.map((motion) => motion.id) });
  });
}
