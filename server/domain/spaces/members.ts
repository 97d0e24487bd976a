import { z } from "zod";
import type { MembershipRow, Repos, Store } from "../../../db/store";
import { SpaceRole } from "../../../lib/spaces";
import { type Actor, authorize, authorizeMemberChange } from "../../policy";
import { Id } from "../ids";
import { done, type Effect, invalidInput, type Outcome, refuse } from "../outcome";
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
  /** The motions whose moderators' rooms a member who no longer moderates must leave. */
  stopsModerating: string[];
};

async function isLastOwner(tx: Repos, spaceId: string, userId: string) {
  const owners = (await tx.memberships.list(spaceId)).filter((m) => m.role === "owner");
  return owners.length === 1 && owners[0]?.userId === userId;
}

/**
 * The actor's own membership, for them to leave the space: anyone in it may, whatever their
 * role (the last owner is kept by the check that every space has one).
 */
async function ownMembership(
  tx: Repos,
  actor: Actor,
  spaceId: string,
): Promise<Outcome<MembershipRow>> {
  await tx.spaces.lock(spaceId);
  const denied = authorize(actor, "space.read", await placeOf(tx, actor, spaceId));
  if (denied) return refuse(denied.code, denied.message);
  const member = await tx.memberships.get(spaceId, actor.id);
  return member ? done(member) : refuse("not_found", "You are not a member of this space.");
}

/** The member the actor may change as `change` says, checked in the locked space. */
async function managedMember(
  tx: Repos,
  actor: Actor,
  { spaceId, userId }: { spaceId: string; userId: string },
  change: (member: MembershipRow) => SpaceRole | "removed",
  action: "member.manage" | "member.mute" = "member.manage",
): Promise<Outcome<MembershipRow>> {
  // Two owners stepping down at once must not both see the other still there.
  await tx.spaces.lock(spaceId);
  const place = await placeOf(tx, actor, spaceId);
  const denied = authorize(actor, action, place);
  if (denied) return refuse(denied.code, denied.message);
  const member = await tx.memberships.get(spaceId, userId);
  if (!member) return refuse("not_found", "That person is not a member of this space.");
  const manager = actor.kind === "system" ? "owner" : (place?.role ?? "observer");
  const forbidden = authorizeMemberChange(manager, member.role, change(member));
  if (forbidden) return refuse(forbidden.code, forbidden.message);
  return done(member);
}

const moderating = (role: SpaceRole | "removed") => role === "owner" || role === "moderator";

/** The rooms a member must leave at once, as an effect of the change (none: nothing to do). */
function evicted(userId: string, motionIds: string[], stopsModerating: string[]): Effect[] {
  if (motionIds.length === 0 && stopsModerating.length === 0) return [];
  return [{ type: "member.evicted", userId, motionIds, stopsModerating }];
}

/** The member is told that what they may do changed (P-MEMBER-1), if it did. */
function standingChanged(userId: string, spaceId: string, changed: boolean): Effect[] {
  return changed ? [{ type: "member.standing", userId, spaceId }] : [];
}

/**
 * Gives a member another role, or removes them ("removed"). Owners and moderators manage
 * members, and any member may remove themselves (leave); a space always keeps at least one
 * owner.
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
    const selfRemoval = actor.kind === "user" && actor.id === userId && role === "removed";
    const found = selfRemoval
      ? await ownMembership(tx, actor, spaceId)
      : await managedMember(tx, actor, parsed.data, () => role);
    if (!found.ok) return found;
    const member = found.value;
    if (member.role === "owner" && role !== "owner" && (await isLastOwner(tx, spaceId, userId))) {
      return refuse(
        "conflict",
        selfRemoval
          ? "A space needs an owner: make someone else owner before you leave."
          : "A space needs an owner: make someone else owner first.",
      );
    }
    const listed = await tx.motions.list([spaceId]);
    const motions = listed.map((motion) => motion.id);
    if (role !== "removed") {
      await tx.memberships.setRole(spaceId, userId, role);
      const stopsModerating = moderating(member.role) && !moderating(role) ? motions : [];
      // A draft is its moderators' alone: one who no longer moderates leaves its room as well.
      const drafts = stopsModerating.length
        ? listed.filter((motion) => motion.status === "draft").map((motion) => motion.id)
        : [];
      return done(
        { userId, role, leaves: drafts, stopsModerating },
        [],
        [
          ...evicted(userId, drafts, stopsModerating),
          ...standingChanged(userId, spaceId, member.role !== role),
        ],
      );
    }
    await tx.memberships.remove(spaceId, userId);
    return done(
      { userId, role, leaves: motions, stopsModerating: [] },
      [],
      evicted(userId, motions, []),
    );
  });
}

export const MuteMemberInput = z.object({
  spaceId: Id,
  userId: Id,
  muted: z.boolean({ error: "must be true or false" }),
});

/** Mutes a member (they read and vote, but do not post) or lets them speak again. */
export async function muteMember(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<{ userId: string; muted: boolean }>> {
  const parsed = MuteMemberInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { spaceId, userId, muted } = parsed.data;
  return store.transaction(async (tx) => {
    const found = await managedMember(
      tx,
      actor,
      parsed.data,
      (member) => member.role,
      "member.mute",
    );
    if (!found.ok) return found;
    if (moderating(found.value.role)) {
      return refuse("conflict", "Owners and moderators run the room: they cannot be muted.");
    }
    await tx.memberships.setMuted(spaceId, userId, muted);
    const told = standingChanged(userId, spaceId, found.value.muted !== muted);
    return done({ userId, muted }, [], told);
  });
}
