import { notFound } from "next/navigation";
import { cache } from "react";
import { pageActor } from "@/server/auth/pageActor";
import { getMotion } from "@/server/domain/debate/queries";
import { runtime } from "@/server/runtime";

export type MotionParams = Promise<{ id: string }>;

/**
 * The motion as this reader may see it, or the not-found page. Cached per request, so a page and
 * its metadata read it once.
 */
export const loadMotion = cache(async (params: MotionParams) => {
  const outcome = await getMotion(runtime().store, await pageActor(), (await params).id);
  if (!outcome.ok) notFound();
  return outcome.value;
});
