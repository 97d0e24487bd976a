import { z } from "zod";
import type { Store } from "../../../db/store";
import { DisplayName, JoinCode, type SpaceRole } from "../../../lib/spaces";
import { type Actor, authorize } from "../../policy";
import { newId } from "../ids";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { placeOf } from "./access";

export const JoinSpaceInput = z.object({
  code: JoinCode,
  guestName: DisplayName.optional(),
});

export type Joined = {
  spaceId: string;
  spaceName: string;
  role: SpaceRole;
  /** Who is now in the space: the signed-in user, or the guest just made. */
  user: { id: string; name: string; guest: boolean };
};

const noSuchCode = "No space has that join code. Check it with whoever gave it to you.";

/**
 * Joins the space whose code this is, as a participant. Someone without a session gives a
 * display name and becomes a guest of that space alone; joining twice changes nothing.
 */
export async function joinSpace(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<Joined>> {
  const parsed = JoinSpaceInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { code, guestName } = parsed.data;
  if (actor.kind === "anonymous" && !guestName) {
    return refuse("invalid_input", "guestName: is required to join without an account");
  }
  return store.transaction(async (tx) => {
    const space = await tx.spaces.byJoinCode(code);
    if (!space) return refuse("not_found", noSuchCode);
    const denied = authorize(actor, "space.join", await placeOf(tx, actor, space));
    if (denied) return refuse(denied.code, denied.message);
    const joinedAt = new Date();
    const answer = (role: SpaceRole, user: Joined["user"]) =>
      done({ spaceId: space.id, spaceName: space.name, role, user });
    if (actor.kind !== "user") {
      const guest = { id: newId(), name: guestName ?? "Guest" };
      await tx.users.insert({
        ...guest,
        email: null,
        passwordHash: null,
        guestSpaceId: space.id,
        createdAt: joinedAt,
      });
      await tx.memberships.insert({
        spaceId: space.id,
        userId: guest.id,
        role: "participant",
        joinedAt,
      });
      return answer("participant", { ...guest, guest: true });
    }
    const user = { id: actor.id, name: actor.name, guest: actor.guestOf !== null };
    const member = await tx.memberships.get(space.id, actor.id);
    if (member) return answer(member.role, user);
    await tx.memberships.insert({
      spaceId: space.id,
      userId: actor.id,
      role: "participant",
      joinedAt,
    });
    return answer("participant", user);
  });
}
