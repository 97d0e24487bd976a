import { notFound } from "next/navigation";
import { cache } from "react";
import { pageActor } from "@/server/auth/pageActor";
import { getMotion } from "@/server/domain/debate/queries";
import { runtime } from "@/server/runtime";

export type MotionParams = Promise<{ id: string }>;

// Keyed by the id, not the params: a page and its metadata may be handed different promises.
const motionById = cache(async (id: string) => {
  const outcome = await getMotion(runtime().store, await pageActor(), id, { summary: true });
  if (!outcome.ok) notFound();
  return outcome.value;
});

/**
 * The motion as this reader may see it (a big debate's start: `MotionView.partial`), or the
 * not-found page. Cached per request, so a page and its metadata read it once.
 */
export async function loadMotion(params: MotionParams) {
  return motionById((await params).id);
}
