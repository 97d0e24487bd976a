import type { Store } from "../../../db/store";
import { MarkAllRead, MarkRead } from "../../../lib/reading";
import { type Actor, authorize } from "../../policy";
import { done, invalidInput, type Outcome, refuse } from "../outcome";
import { spaceFor } from "../spaces/access";
import { motionToRead } from "./access";

export type Marked = { motionId: string; lastSeq: number };

/**
 * Marks a motion read up to `seq` for the actor. Reading only moves forward: an older seq (a
 * late debounce, a second tab behind the first) leaves the mark where it is. No event: read
 * state is the reader's own and nobody else is told.
 */
export async function markRead(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<Marked>> {
  const parsed = MarkRead.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { motionId, seq } = parsed.data;
  return store.transaction(async (tx) => {
    const found = await motionToRead(tx, actor, motionId);
    if (!found.ok) return found;
    if (seq > found.value.lastSeq) {
      return refuse("invalid_input", `seq: this motion's latest event is ${found.value.lastSeq}`);
    }
    await tx.readStates.put({ userId: actor.id, motionId, lastSeq: seq, readAt: new Date() });
    const stored = await tx.readStates.get(actor.id, motionId);
    return done({ motionId, lastSeq: stored?.lastSeq ?? seq });
  });
}

/** Marks every motion of a space the actor may read as read up to its latest event. */
export async function markAllRead(
  store: Store,
  actor: Actor,
  input: unknown,
): Promise<Outcome<{ spaceId: string; motions: Marked[] }>> {
  const parsed = MarkAllRead.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  return store.transaction(async (tx) => {
    const found = await spaceFor(tx, actor, parsed.data.spaceId, "space.read");
    if (!found.ok) return found;
    if (actor.kind !== "user") {
      return refuse(
        "unauthenticated",
        "Sign in, or join with a code, to keep track of what you read.",
      );
    }
    const drafts = authorize(actor, "motion.moderate", found.value) === null;
    const motions = (await tx.motions.list([found.value.space.id])).filter(
      (m) => drafts || m.status !== "draft",
    );
    const readAt = new Date();
    for (const motion of motions) {
      await tx.readStates.put({
        userId: actor.id,
        motionId: motion.id,
        lastSeq: motion.lastSeq,
        readAt,
      });
    }
    return done({
      spaceId: found.value.space.id,
      motions: motions.map((m) => ({ motionId: m.id, lastSeq: m.lastSeq })),
    });
  });
}
