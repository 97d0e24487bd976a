import { z } from "zod";
import type { Store } from "../../../db/store";
import { type Actor, authorize } from "../../policy";
import { Id } from "../ids";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { placeOf } from "./access";
import { uniqueJoinCode } from "./joinCode";

export const ManageJoinCodeInput = z.object({
  spaceId: Id,
  /** rotate: a new code replaces the old one (and switches joining on); off: nobody joins. */
  action: z.enum(["rotate", "off"], { error: 'must be "rotate" or "off"' }),
});

/** The owner rotates the space's join code or switches joining by code off. */
export async function manageJoinCode(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<{ joinCode: string | null }>> {
  const parsed = ManageJoinCodeInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { spaceId, action } = parsed.data;
  return store.transaction(async (tx) => {
    const denied = authorize(actor, "space.manage", await placeOf(tx, actor, spaceId));
    if (denied) return refuse(denied.code, denied.message);
    const joinCode = action === "rotate" ? await uniqueJoinCode(tx) : null;
    await tx.spaces.setJoinCode(spaceId, joinCode);
    return done({ joinCode });
  });
}
