import { citationsToReview } from "@/server/domain/library/reviewCitations";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Owners and moderators: the citations re-anchoring left to review (fuzzy and orphaned). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requestActor(request);
  return respond(await citationsToReview(runtime().store, actor, (await params).id));
}
