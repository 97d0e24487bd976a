import { notFound } from "next/navigation";
import { cache } from "react";
import { pageActor } from "@/server/auth/pageActor";
import { moderationLog } from "@/server/domain/debate/moderationLog";
import { getMotion } from "@/server/domain/debate/queries";
import { motionResult, participation } from "@/server/domain/debate/results";
import { runtime } from "@/server/runtime";

/**
 * Everything the results page shows; anyone but the space's owners and moderators gets
 * not-found. Cached per request (by the motion's id), so the page and its metadata read it once.
 */
export const loadResults = cache(async (id: string) => {
  const actor = await pageActor();
  const store = runtime().store;
  const [result, rows, log] = await Promise.all([
    motionResult(store, actor, id),
    participation(store, actor, id),
    moderationLog(store, actor, id),
  ]);
  const motion = result.ok && rows.ok ? await getMotion(store, actor, id) : null;
  if (!result.ok || !rows.ok || !log.ok || !motion?.ok) notFound();
  return { motion: motion.value, result: result.value, rows: rows.value, log: log.value };
});
