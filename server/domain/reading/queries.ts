import type { Store } from "../../../db/store";
import type { ReadingView } from "../../../lib/reading";
import type { Actor } from "../../policy";
import { done, type Outcome } from "../outcome";
import { motionToRead } from "./access";

/**
 * Each motion with how many arguments are new to the actor; null for a visitor, who has no
 * read state. The caller passes only motions the actor may read.
 */
export async function withUnread<M extends { id: string }>(
  store: Store,
  actor: Actor,
  motions: M[],
): Promise<(M & { unread: number | null })[]> {
  if (actor.kind !== "user") return motions.map((m) => ({ ...m, unread: null }));
  const counts = await store.readStates.unread(
    actor.id,
    motions.map((m) => m.id),
  );
  return motions.map((m) => ({ ...m, unread: counts.get(m.id) ?? 0 }));
}

/**
 * Where the actor stood on a motion before this visit: their lastSeq and the arguments new to
 * them since (published by others after it). Null for a visitor.
 */
export async function readingOf(
  store: Store,
  actor: Actor,
  motionId: string,
): Promise<Outcome<ReadingView | null>> {
  const found = await motionToRead(store, actor, motionId);
  if (!found.ok) return found.error.code === "unauthenticated" ? done(null) : found;
  const lastSeq = (await store.readStates.get(actor.id, motionId))?.lastSeq ?? 0;
  const newIds = await store.motions.newArgumentIds(motionId, actor.id, lastSeq);
  return done({ lastSeq, newIds });
}
