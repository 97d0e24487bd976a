import type { Repos, SpaceRow } from "../../../db/store";
import type { Actor, Place } from "../../policy";

/** A space as the policy sees it for this actor: the space and the actor's role in it. */
export async function placeOf(
  repos: Repos,
  actor: Actor,
  space: SpaceRow | string | undefined,
): Promise<(Place & { space: SpaceRow }) | null> {
  const row = typeof space === "string" ? await repos.spaces.get(space) : space;
  if (!row) return null;
  const membership =
    actor.kind === "user" ? await repos.memberships.get(row.id, actor.id) : undefined;
  return { space: row, role: membership?.role ?? null };
}
