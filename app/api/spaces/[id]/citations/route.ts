import { citationsToReview } from "@/server/domain/library/reviewCitations";
import { requestActor, respond } from "@/server/http";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/**
 * Owners and moderators: a page of the citations re-anchoring left to review (fuzzy and
 * orphaned), ?cursor=&limit= (docs/api.md).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const [actor, { id }] = await Promise.all([requestActor(request), params]);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return respond(await citationsToReview(runtime().store, actor, id, query));
}
