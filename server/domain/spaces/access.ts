import type { Repos, SpaceRow } from "../../../db/store";
import { type Action, type Actor, authorize, type Place } from "../../policy";
import { Id } from "../ids";
import { done, type Outcome, refuse } from "../outcome";

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
  return { space: row, role: membership?.role ?? null, muted: membership?.muted ?? false };
}

/** The space named by an untrusted id, if the actor may do `action` there; else why not. */
export async function spaceFor(
  repos: Repos,
  actor: Actor,
  spaceId: unknown,
  action: Action,
): Promise<Outcome<Place & { space: SpaceRow }>> {
  const parsed = Id.safeParse(spaceId);
  if (!parsed.success) return refuse("invalid_input", "That is not a valid space id.");
  const place = await placeOf(repos, actor, parsed.data);
  const denied = authorize(actor, action, place);
  if (denied) return refuse(denied.code, denied.message);
  return place ? done(place) : refuse("not_found", "No such space.");
}
