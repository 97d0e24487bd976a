import type { SpaceRow, Store } from "../../../db/store";
import type { SpaceRole } from "../../../lib/spaces";
import type { MemberView, SpaceSummary, SpaceView } from "../../../lib/views";
import { type Action, type Actor, authorize } from "../../policy";
import { Id } from "../ids";
import { done, type Outcome, refuse } from "../outcome";
import { placeOf } from "./access";

/** The spaces whose documents and motions the actor may read, with the actor's role in each. */
export async function readableSpaces(store: Store, actor: Actor) {
  const rows = await store.spaces.listReadable(actor.kind === "user" ? actor.id : null);
  return rows.filter(({ space, role }) => !authorize(actor, "space.read", { space, role }));
}

export async function readableSpaceIds(store: Store, actor: Actor): Promise<string[]> {
  return (await readableSpaces(store, actor)).map(({ space }) => space.id);
}

const summary = (space: SpaceRow, role: SpaceRole | null): SpaceSummary => ({
  id: space.id,
  name: space.name,
  visibility: space.visibility,
  role,
});

/** The spaces the actor is a member of. */
export async function listMySpaces(store: Store, actor: Actor): Promise<Outcome<SpaceSummary[]>> {
  if (actor.kind !== "user") return refuse("unauthenticated", "Sign in to see your spaces.");
  const rows = await store.spaces.listReadable(actor.id);
  return done(rows.flatMap(({ space, role }) => (role ? [summary(space, role)] : [])));
}

/** A space the actor may read; the join code only for those who manage the space. */
export async function getSpace(
  store: Store,
  actor: Actor,
  id: unknown,
): Promise<Outcome<SpaceView>> {
  const parsed = Id.safeParse(id);
  if (!parsed.success) return refuse("invalid_input", "That is not a valid space id.");
  const place = await placeOf(store, actor, parsed.data);
  const denied = authorize(actor, "space.read", place);
  if (denied || !place) return refuse("not_found", "No such space.");
  const { space } = place;
  const may = (action: Action) => authorize(actor, action, place) === null;
  return done({
    ...summary(space, place.role),
    joinCode: may("member.manage") ? space.joinCode : null,
    can: {
      post: may("argument.post"),
      createMotion: may("motion.create"),
      manageMembers: may("member.manage"),
      manageJoinCode: may("space.manage"),
    },
  });
}

export async function listMembers(
  store: Store,
  actor: Actor,
  spaceId: unknown,
): Promise<Outcome<MemberView[]>> {
  const parsed = Id.safeParse(spaceId);
  if (!parsed.success) return refuse("invalid_input", "That is not a valid space id.");
  const denied = authorize(actor, "member.list", await placeOf(store, actor, parsed.data));
  if (denied) return refuse(denied.code, denied.message);
  const members = await store.memberships.list(parsed.data);
  return done(
    members.map(({ userId, name, role, guest, joinedAt }) => ({
      userId,
      name,
      role,
      guest,
      joinedAt: joinedAt.toISOString(),
    })),
  );
}
