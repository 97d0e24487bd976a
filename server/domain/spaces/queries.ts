import type { Store } from "../../../db/store";
import { type Actor, authorize } from "../../policy";

/** The spaces whose documents and motions the actor may read. */
export async function readableSpaceIds(store: Store, actor: Actor): Promise<string[]> {
  const candidates = await store.spaces.listPublic();
  return candidates.filter((space) => !authorize(actor, "space.read", space)).map((s) => s.id);
}
