import { demoMotionClientId, featuredMotionKey } from "../../db/demo/library";
import type { Store } from "../../db/store";
import { systemActor } from "../policy";

/**
 * The demo motion "Try a debate" opens, found by the fixed clientId the loader created it with
 * (its title may change; that id does not); null where the demo library was never loaded.
 */
export async function featuredMotionId(store: Store): Promise<string | null> {
  const created = await store.commands.find(systemActor.id, demoMotionClientId(featuredMotionKey));
  const result = created?.result as { motionId?: unknown } | undefined;
  return typeof result?.motionId === "string" ? result.motionId : null;
}
