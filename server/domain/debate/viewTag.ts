import { createHash } from "node:crypto";
import type { Store } from "../../../db/store";
import { type Action, type Actor, authorize } from "../../policy";
import { done, type Outcome } from "../outcome";
import { placeOf } from "../spaces/access";
import { readableMotion } from "./queries";

/**
 * What the caller may do decides what a view holds for them (pending posts, `can` and why not):
 * every action `can` answers for.
 */
const rights: Action[] = [
  "motion.moderate",
  "argument.post",
  "motion.vote",
  "argument.rate",
  "argument.agree",
];

/**
 * A short name for what a view of the motion holds for this caller: equal tags, equal views, so
 * a conditional GET may answer 304 without building it. Every change a view shows is an event
 * of the motion's log (posts, edits, ratings, votes, settings, new document versions), so the
 * last seq stands for the motion; the rest is who asks (their own posts, votes and ratings) and
 * what their role allows now. `variant` names anything else the answer depends on (a query).
 */
export async function motionViewTag(
  store: Store,
  actor: Actor,
  motionId: unknown,
  variant = "",
): Promise<Outcome<string>> {
  const found = await readableMotion(store, actor, motionId);
  if (!found.ok) return found;
  const place = await placeOf(store, actor, found.value.spaceId);
  // The refusals' words too: a muted member and an observer are both refused a post, for
  // different reasons, which the view says.
  const allowed = rights.map((action) => authorize(actor, action, place)?.message ?? "");
  const who = createHash("sha256")
    .update(JSON.stringify([actor.kind, actor.id, allowed, variant]))
    .digest("base64url")
    .slice(0, 22);
  return done(`${found.value.lastSeq}-${who}`);
}
