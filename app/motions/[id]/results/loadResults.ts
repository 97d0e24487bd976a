import { notFound } from "next/navigation";
import { cache } from "react";
import { pageActor } from "@/server/auth/pageActor";
import { moderationLog } from "@/server/domain/debate/moderationLog";
import { getMotion } from "@/server/domain/debate/queries";
import { motionResult, participation, roomResult } from "@/server/domain/debate/results";
import { runtime } from "@/server/runtime";

/**
 * Everything the results page shows: the space's owners and moderators get the whole of it
 * (who moved, participation, the log); anyone else who may read the motion gets the room's
 * summary and their own part. Cached per request (by the motion's id), so the page and its
 * metadata read it once.
 */
export const loadResults = cache(async (id: string) => {
  const actor = await pageActor();
  const store = runtime().store;
  const motion = await getMotion(store, actor, id, { summary: true });
  if (!motion.ok) notFound();
  const [result, rows, log] = await Promise.all([
    motionResult(store, actor, id),
    participation(store, actor, id),
    moderationLog(store, actor, id),
  ]);
  if (result.ok && rows.ok && log.ok) {
    return {
      view: "moderator" as const,
      motion: motion.value,
      result: result.value,
      rows: rows.value,
      log: log.value,
    };
  }
  const room = await roomResult(store, actor, id);
  if (!room.ok) notFound();
  return { view: "room" as const, motion: motion.value, result: room.value };
});
