import type { SpaceVisibility } from "../lib/spaces";

/** Who is acting. Accounts and memberships arrive with sign-in; until then people are anonymous. */
export type Actor =
  | { kind: "system"; id: "system"; name: string }
  | { kind: "anonymous"; id: "anonymous"; name: string };

export const systemActor: Actor = { kind: "system", id: "system", name: "Moot" };
export const anonymousActor: Actor = { kind: "anonymous", id: "anonymous", name: "Visitor" };

export type Action = "space.read" | "space.create" | "document.import" | "motion.create";

export interface Denial {
  code: "not_found" | "forbidden";
  message: string;
}

export interface SpaceResource {
  visibility: SpaceVisibility;
}

const hidden: Denial = { code: "not_found", message: "No such space." };

/**
 * The one access policy every door asks: null when the actor may act, else why not.
 * A space the actor may not read answers not_found, exactly as a space that does not exist.
 */
export function authorize(
  actor: Actor,
  action: Action,
  space: SpaceResource | null,
): Denial | null {
  if (actor.kind === "system") return null;
  const readable = space !== null && space.visibility === "public";
  if (action === "space.read") return readable ? null : hidden;
  if (action !== "space.create" && !readable) return hidden;
  return { code: "forbidden", message: "Only the space's owners and moderators may do that." };
}
