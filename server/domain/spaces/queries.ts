import type { SpaceRow, Store } from "../../../db/store";
import type { SpaceRole } from "../../../lib/spaces";
import type { MemberView, SpaceSummary, SpaceView } from "../../../lib/views";
import { type Action, type Actor, authorize } from "../../policy";
import { done, type Outcome, refuse } from "../outcome";
import { spaceFor } from "./access";

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
  const found = await spaceFor(store, actor, id, "space.read");
  if (!found.ok) return found;
  const place = found.value;
  const may = (action: Action) => authorize(actor, action, place) === null;
  return done({
    ...summary(place.space, place.role),
    joinCode: may("member.manage") ? place.space.joinCode : null,
    can: {
      post: may("argument.post"),
      createMotion: may("motion.create"),
      manageMembers: may("member.manage"),
      manageJoinCode: may("space.manage"),
      importDocument: may("document.import"),
    },
  });
}

export async function listMembers(
  store: Store,
  actor: Actor,
  spaceId: unknown,
): Promise<Outcome<MemberView[]>> {
  const found = await spaceFor(store, actor, spaceId, "member.list");
  if (!found.ok) return found;
  const members = await store.memberships.list(found.value.space.id);
  return done(
    members.map(({ userId, name, role, guest, muted, joinedAt }) => ({
      userId,
      name,
      role,
      guest,
      muted,
      joinedAt: joinedAt.toISOString(),
    })),
  );
}
